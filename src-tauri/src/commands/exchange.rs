//! Export and import through native dialogs: the core writes and reads the exchange formats
//! (`yardstick::exchange`); these commands only choose the files.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, State};
use ts_rs::TS;
use yardstick::exchange::{self, ExportOptions, ImportOptions, ImportOutcome, OnConflict};
use yardstick::store::assessments;

use super::validate;
use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    JsonWithFiles,
    Csv,
}

const JSON: FileFilter = FileFilter {
    name: "Yardstick assessment (JSON)",
    extensions: &["json"],
};

/// Shows the save dialog and writes the export; returns the paths written (for CSV, the
/// answers and then the actions file beside it), or `None` when the user cancelled.
#[tauri::command]
pub async fn export_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
    format: ExportFormat,
) -> Result<Option<Vec<String>>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let assessment =
        state.with_connection(|conn| assessments::get_assessment(conn, assessment_id))?;
    let extension = if format == ExportFormat::Csv {
        "csv"
    } else {
        "json"
    };
    let default_name = PathBuf::from(yardstick::report::default_file_name(
        &assessment.organisation,
        &assessment.period,
    ))
    .with_extension(extension);
    let filter = match format {
        ExportFormat::Csv => FileFilter {
            name: "CSV spreadsheet",
            extensions: &["csv"],
        },
        _ => JSON,
    };
    let Some(path) = dialogs::save_file(
        &app,
        "Export the assessment",
        &default_name.to_string_lossy(),
        filter,
    ) else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, extension);
    let written = match format {
        ExportFormat::Csv => {
            let (answers, actions) =
                state.with_connection(|conn| exchange::export_csv(conn, assessment_id))?;
            let actions_path = exchange::csv_actions_path(&path);
            yardstick::files::write_atomically(&path, &answers)?;
            yardstick::files::write_atomically(&actions_path, &actions)?;
            vec![path, actions_path]
        }
        ExportFormat::Json | ExportFormat::JsonWithFiles => {
            let options = ExportOptions {
                with_files: format == ExportFormat::JsonWithFiles,
            };
            let bytes = state
                .with_connection(|conn| exchange::export_json(conn, assessment_id, &options))?;
            yardstick::files::write_atomically(&path, &bytes)?;
            vec![path]
        }
    };
    Ok(Some(
        written.iter().map(|p| p.display().to_string()).collect(),
    ))
}

/// Shows the open dialog and imports the chosen JSON export, as the user's own or as a peer
/// council's; `None` when the user cancelled.
#[tauri::command]
pub async fn import_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    as_peer: bool,
    on_conflict: OnConflict,
) -> Result<Option<ImportOutcome>, IpcError> {
    let title = if as_peer {
        "Import a peer council's assessment"
    } else {
        "Import an assessment"
    };
    let Some(path) = dialogs::pick_file(&app, title, JSON) else {
        return Ok(None);
    };
    let options = ImportOptions {
        as_peer,
        on_conflict,
    };
    state
        .with_connection(|conn| exchange::import_json_file(conn, &path, &options))
        .map(Some)
}
