//! Exporting the PDF report: a native save dialog, then the core builds and renders it.

use chrono::Utc;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use yardstick::report::{build_report, render, ReportOptions};
use yardstick::store::{assessments, settings};
use yardstick::Error;

use super::validate;
use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

/// Assessments a report may compare with: the compare screen allows ten periods in all.
const MAX_COMPARED: usize = 9;

/// Shows the save dialog (default name `Yardstick - <organisation> - <period>.pdf`), writes
/// the report there, and returns the path; `None` when the user cancelled. `compare_with`
/// picks the earlier assessments in the comparison section; empty means the default (up to
/// four earlier assessments of the same organisation).
#[tauri::command]
pub async fn export_report_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
    compare_with: Vec<i64>,
) -> Result<Option<String>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    if compare_with.len() > MAX_COMPARED {
        return Err(Error::InvalidInput(format!(
            "A report can compare with at most {MAX_COMPARED} other assessments. Choose fewer."
        ))
        .into());
    }
    let compare_with = compare_with
        .into_iter()
        .map(|id| validate::id("compared assessment", id))
        .collect::<Result<Vec<_>, _>>()?;
    let assessment =
        state.with_connection(|conn| assessments::get_assessment(conn, assessment_id))?;
    let default_name =
        yardstick::report::default_file_name(&assessment.organisation, &assessment.period);
    let filter = FileFilter {
        name: "PDF document",
        extensions: &["pdf"],
    };
    let Some(path) = dialogs::save_file(&app, "Export the report as PDF", &default_name, filter)
    else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, "pdf");
    let pdf = state.with_connection(|conn| {
        let marking = settings::load(conn)?.protective_marking;
        let options = ReportOptions {
            compare_with,
            protective_marking: Some(marking).filter(|m| !m.is_empty()),
            exported_at: Utc::now(),
        };
        render(&build_report(conn, assessment_id, &options)?)
    })?;
    yardstick::files::write_atomically(&path, &pdf)?;
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
