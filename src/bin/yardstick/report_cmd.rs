//! `yardstick compare` and `yardstick report`: the year-on-year comparison as a table, CSV or
//! JSON, and the PDF report for senior management. Both call one core function each
//! (`compare_assessments`, `export_pdf`), so the CLI shows exactly what the desktop app shows.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Subcommand, ValueEnum};
use yardstick::compare::{compare_assessments, CompareOptions};
use yardstick::report::{export_pdf, ReportRequest};
use yardstick::store;
use yardstick::{Error, Result};

use crate::compare_out;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Compare assessments question by question: the level in each period, the change and
    /// the trend. Questions are matched across checklist versions.
    Compare {
        /// Two or more assessment ids (any order; shown oldest first).
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Allow assessments of different organisations (a peer comparison).
        #[arg(long)]
        peer: bool,
    },
    /// Export an assessment as a PDF report.
    Report {
        id: i64,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Assessments to compare with (default: up to four earlier ones of the organisation).
        #[arg(long, value_name = "ID", num_args = 1..)]
        compare_with: Vec<i64>,
        /// Protective marking for every page, e.g. OFFICIAL (default: the saved setting;
        /// pass "" for none).
        #[arg(long, value_name = "TEXT")]
        marking: Option<String>,
        /// Export time to print instead of now (RFC 3339), so the same data gives the same
        /// bytes, e.g. 2026-05-04T09:30:00Z.
        #[arg(long, value_name = "RFC3339")]
        fixed_time: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// An aligned text table.
    Table,
    /// Comma-separated values for a spreadsheet.
    Csv,
    /// The full comparison as JSON.
    Json,
}

pub fn run(command: ReportCommand, db_path: &Path) -> Result<()> {
    let conn = store::open(db_path)?;
    match command {
        ReportCommand::Compare { ids, format, peer } => {
            let options = CompareOptions { allow_peer: peer };
            let comparison = compare_assessments(&conn, &ids, &options)?;
            let text = match format {
                Format::Table => compare_out::table(&comparison),
                Format::Csv => compare_out::csv(&comparison),
                Format::Json => {
                    serde_json::to_string_pretty(&comparison).map_err(|e| {
                        Error::Internal(format!(
                            "The comparison could not be written as JSON: {e}."
                        ))
                    })? + "\n"
                }
            };
            print_out(&text)
        }
        ReportCommand::Report {
            id,
            out,
            compare_with,
            marking,
            fixed_time,
        } => {
            let request = ReportRequest {
                compare_with,
                protective_marking: marking,
                exported_at: export_time(fixed_time.as_deref())?,
            };
            let size = export_pdf(&conn, id, &request, &out)?;
            println!("Wrote {} ({:.0} KB).", out.display(), size as f64 / 1024.0);
            Ok(())
        }
    }
}

fn print_out(text: &str) -> Result<()> {
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| Error::io("Could not write the comparison to standard output", e))
}

fn export_time(fixed: Option<&str>) -> Result<DateTime<Utc>> {
    match fixed {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                Error::InvalidInput(format!(
                    "--fixed-time \"{text}\" is not an RFC 3339 time ({e}). Write it like 2026-05-04T09:30:00Z."
                ))
            }),
    }
}
