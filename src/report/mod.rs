//! The PDF report for senior management. [`model`] is what the report says, as plain values;
//! [`build_report`] fills it from the store; [`render`] turns it into an A4 PDF with a pure
//! function, taking the order of recommendations from [`crate::scoring`]. The rest lays out pages:
//! measured text wrapping, text flowing across pages, tables, the summary chart and the
//! furniture repeated on every page. [`tags`] records the logical structure as pages are laid
//! out, and [`structure`] writes it as the PDF's structure tree for assistive technology.
//! [`content`] encodes each page's drawing and [`embed`] the subset of the typeface it uses;
//! [`pdf`] assembles the file, which [`writer`] writes.

mod build;
mod chart;
mod comparison;
mod content;
mod embed;
mod findings;
mod fonts;
mod furniture;
mod history;
mod layout;
pub mod model;
mod pdf;
mod render;
mod sections;
mod structure;
mod summary;
mod table;
mod tags;
mod trend;
mod words;
mod wrap;
mod writer;

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::store::assessments::Assessment;
use crate::store::settings;
use crate::Result;

pub use build::{build_report, ReportOptions};
pub use model::*;
pub use render::render;

/// The file name the save dialog suggests: `Yardstick - <organisation> - <period>.pdf`.
pub fn default_file_name(assessment: &Assessment) -> String {
    crate::files::suggested_name(&assessment.organisation, &assessment.period, "pdf")
}

/// What the person exporting asks for; everything else comes from the store.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    /// See [`ReportOptions::compare_with`].
    pub compare_with: Vec<i64>,
    /// The marking for every page; `None` means the one saved in the settings, and an empty
    /// text means no marking.
    pub protective_marking: Option<String>,
    /// See [`ReportOptions::exported_at`].
    pub exported_at: DateTime<Utc>,
}

/// Builds the report of assessment `id`, renders it and writes it to `out` whole or not at
/// all, and never over the database; returns the size of the PDF in bytes.
pub fn export_pdf(
    conn: &Connection,
    id: i64,
    request: &ReportRequest,
    out: &Path,
) -> Result<usize> {
    crate::store::refuse_overwriting_database(conn, out)?;
    let marking = match &request.protective_marking {
        Some(given) => given.trim().to_string(),
        None => settings::load(conn)?.protective_marking,
    };
    let options = ReportOptions {
        compare_with: request.compare_with.clone(),
        protective_marking: Some(marking).filter(|m| !m.is_empty()),
        exported_at: request.exported_at,
    };
    let pdf = render(&build_report(conn, id, &options)?)?;
    crate::files::write_atomically(out, &pdf)?;
    Ok(pdf.len())
}
