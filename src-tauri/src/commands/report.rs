//! Exporting the PDF report: a native save dialog, then the core builds, renders and writes it.

use chrono::Utc;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use yardstick::report::{self, ReportRequest};
use yardstick::store::assessments;
use yardstick::Error;

use super::validate;
use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

/// Shows the save dialog (default name `Yardstick - <organisation> - <period>.pdf`), writes
/// the report there with the saved protective marking, and returns the path; `None` when the
/// user cancelled. `compare_with` picks the earlier assessments in the comparison section;
/// empty means the default (up to four earlier assessments of the same organisation).
#[tauri::command]
pub async fn export_report_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
    compare_with: Vec<i64>,
) -> Result<Option<String>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let compare_with = validate::ids("compared assessment", compare_with)?;
    let assessment =
        state.with_connection(|conn| assessments::get_assessment(conn, assessment_id))?;
    let filter = FileFilter {
        name: "PDF document",
        extensions: &["pdf"],
    };
    let default_name = report::default_file_name(&assessment);
    let Some(path) = dialogs::save_file(&app, "Export the report as PDF", &default_name, filter)
    else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, "pdf");
    let request = ReportRequest {
        compare_with,
        protective_marking: None,
        exported_at: Utc::now(),
    };
    state.with_connection(|conn| report::export_pdf(conn, assessment_id, &request, &path))?;
    state.remember_export(path.clone());
    Ok(Some(path.display().to_string()))
}

/// Opens the report this window exported last in the system's PDF viewer. It takes no path,
/// so the webview cannot ask Yardstick to open arbitrary files.
#[tauri::command]
pub async fn open_exported_report(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    let path = state.last_export().ok_or_else(|| {
        Error::NotFound("There is no exported report to open yet. Export the PDF first.".into())
    })?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            IpcError::from(Error::Internal(format!(
                "Yardstick could not open {}: {e}. Open it from your file manager instead.",
                path.display()
            )))
        })
}
