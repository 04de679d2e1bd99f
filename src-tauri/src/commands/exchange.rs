//! Export and import through native dialogs: the core writes and reads the exchange formats
//! (`yardstick::exchange`); these commands only choose the files.

use tauri::{AppHandle, State};
use yardstick::exchange::{self, ExportFormat, ImportOptions, ImportReport, OnConflict};
use yardstick::store::assessments;

use super::validate;
use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

const JSON: FileFilter = FileFilter {
    name: "Yardstick assessment (JSON)",
    extensions: &["json"],
};

const CSV: FileFilter = FileFilter {
    name: "CSV spreadsheet",
    extensions: &["csv"],
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
    let filter = if format == ExportFormat::Csv {
        CSV
    } else {
        JSON
    };
    let default_name = exchange::default_file_name(&assessment, format);
    let Some(path) = dialogs::save_file(&app, "Export the assessment", &default_name, filter)
    else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, format.extension());
    let written = state
        .with_connection(|conn| exchange::export_to_file(conn, assessment_id, format, &path))?;
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
) -> Result<Option<ImportReport>, IpcError> {
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
        .map(|outcome| Some(ImportReport::from(outcome)))
}
