//! Exchange: an assessment leaves the app as a documented, versioned JSON file (with its
//! attached files embedded when asked) or as two CSV files for spreadsheets, and a JSON file
//! comes back in — from another machine, a colleague or a peer council. An import is checked
//! in full before anything is written and then written in one transaction, so a bad file
//! changes nothing. A peer's assessment is stored read-only and marked as a peer's.
//!
//! The format is documented in `docs/exchange-format.md`; its JSON Schema is generated from
//! [`format`] by [`json_schema`] and checked in as `docs/exchange-format.schema.json`.

pub(crate) mod attachment;
mod check;
mod csv;
mod export;
pub mod format;
mod import;
mod problems;
mod read;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::assessments::Assessment;
use crate::{files, Result};

pub use csv::export_csv;
pub use export::export_json;
pub use format::{ExchangeDocument, FORMAT_NAME, FORMAT_VERSION};
pub use import::{import_json_bytes, import_json_file};

/// The largest file an import reads: an assessment with a few large attachments embedded
/// fits; anything bigger is refused before it is read into memory.
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// The forms an assessment can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The JSON exchange format, attached files listed but not embedded.
    Json,
    /// The JSON exchange format with every attached file embedded.
    JsonWithFiles,
    /// Two CSV files for spreadsheets: the answers, and the actions beside them.
    Csv,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::JsonWithFiles => "json",
            ExportFormat::Csv => "csv",
        }
    }
}

/// Writes assessment `id` to `out` in `format` and returns the paths written: for CSV, the
/// answers file and then the actions file beside it (see [`csv_actions_path`]). Each file is
/// written whole or not at all, and never over the database.
pub fn export_to_file(
    conn: &Connection,
    id: i64,
    format: ExportFormat,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    match format {
        ExportFormat::Csv => {
            let (answers, actions) = export_csv(conn, id)?;
            let actions_path = csv_actions_path(out);
            crate::store::refuse_overwriting_database(conn, out)?;
            crate::store::refuse_overwriting_database(conn, &actions_path)?;
            files::write_atomically(out, &answers)?;
            files::write_atomically(&actions_path, &actions)?;
            Ok(vec![out.to_path_buf(), actions_path])
        }
        ExportFormat::Json | ExportFormat::JsonWithFiles => {
            let options = ExportOptions {
                with_files: format == ExportFormat::JsonWithFiles,
            };
            crate::store::refuse_overwriting_database(conn, out)?;
            files::write_atomically(out, &export_json(conn, id, &options)?)?;
            Ok(vec![out.to_path_buf()])
        }
    }
}

/// The file name a save dialog suggests for an export of `assessment` in `format`.
pub fn default_file_name(assessment: &Assessment, format: ExportFormat) -> String {
    files::suggested_name(
        &assessment.organisation,
        &assessment.period,
        format.extension(),
    )
}

/// What an export includes beyond the assessment itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions {
    /// Embed attached files (base64) so one file carries everything.
    pub with_files: bool,
}

/// What to do when the file's organisation already has an assessment for its period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnConflict {
    /// Import nothing and explain the choices (a `Conflict` error).
    #[default]
    Refuse,
    /// Keep both: the imported one goes under a copy of the organisation, named
    /// "<name> (copy)", because one organisation has at most one assessment per period.
    Copy,
    /// Keep the existing one and import nothing.
    Skip,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    /// Store it as a peer council's assessment: read-only, labelled, for comparison.
    pub as_peer: bool,
    pub on_conflict: OnConflict,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum ImportOutcome {
    /// Stored as a new assessment.
    #[serde(rename_all = "camelCase")]
    Imported {
        id: i64,
        organisation: String,
        period: String,
        peer: bool,
    },
    /// The organisation already had an assessment for the period; stored under a copy of the
    /// organisation named `organisation`.
    #[serde(rename_all = "camelCase")]
    Copied {
        id: i64,
        organisation: String,
        original_organisation: String,
        existing_id: i64,
        period: String,
        peer: bool,
    },
    /// The organisation already had an assessment for the period; nothing was imported.
    #[serde(rename_all = "camelCase")]
    Skipped {
        existing_id: i64,
        organisation: String,
        period: String,
    },
}

impl ImportOutcome {
    /// The id of the assessment the user should look at next: the new one, or the one kept.
    pub fn assessment_id(&self) -> i64 {
        match self {
            Self::Imported { id, .. } | Self::Copied { id, .. } => *id,
            Self::Skipped { existing_id, .. } => *existing_id,
        }
    }
}

/// An import's outcome as the app shows it: the outcome, the sentence that says what happened
/// (the same words the CLI prints) and the assessment to open next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub outcome: ImportOutcome,
    pub message: String,
    pub assessment_id: i64,
}

impl From<ImportOutcome> for ImportReport {
    fn from(outcome: ImportOutcome) -> Self {
        ImportReport {
            message: outcome.to_string(),
            assessment_id: outcome.assessment_id(),
            outcome,
        }
    }
}

impl std::fmt::Display for ImportOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let whose = |peer: bool| {
            if peer {
                " as a peer council's assessment, read only"
            } else {
                ""
            }
        };
        match self {
            Self::Imported { id, organisation, period, peer } => write!(
                f,
                "Imported the {period} assessment of {organisation} (id {id}){}.",
                whose(*peer)
            ),
            Self::Copied { id, organisation, original_organisation, existing_id, period, peer } => write!(
                f,
                "{original_organisation} already has a {period} assessment (id {existing_id}), so the imported one was stored{} under \"{organisation}\" (id {id}).",
                whose(*peer)
            ),
            Self::Skipped { existing_id, organisation, period } => write!(
                f,
                "Nothing was imported: {organisation} already has a {period} assessment (id {existing_id}), and you chose to keep it."
            ),
        }
    }
}

/// Where a CSV export's actions go beside its answers file `out`: `answers.csv` →
/// `answers-actions.csv` (the suffix goes before the extension, so spreadsheets still open it).
pub fn csv_actions_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().unwrap_or_default().to_string_lossy();
    let name = match out.extension() {
        Some(extension) => format!("{stem}-actions.{}", extension.to_string_lossy()),
        None => format!("{stem}-actions"),
    };
    out.with_file_name(name)
}

/// The JSON Schema of [`ExchangeDocument`], pretty-printed with a final newline: the text of
/// `docs/exchange-format.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ExchangeDocument);
    let mut text =
        serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_actions_csv_sits_beside_the_answers_with_the_same_extension_so_both_open_in_a_spreadsheet(
    ) {
        assert_eq!(
            super::csv_actions_path(Path::new("/tmp/answers.csv")),
            Path::new("/tmp/answers-actions.csv")
        );
        assert_eq!(
            super::csv_actions_path(Path::new("out")),
            Path::new("out-actions")
        );
    }
}
