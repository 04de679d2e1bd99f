//! Commands over evidence: notes, links and attached files, and opening them outside the app.

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use yardstick::store::evidence::{self, Evidence, OpenTarget};
use yardstick::Error;

use super::validate;
use crate::dialogs;
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    assessment_id: i64,
    question_id: String,
    note: String,
) -> Result<Evidence, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let question_id = validate::question_id(&question_id)?;
    state.with_connection(|conn| evidence::add_note(conn, assessment_id, question_id, &note))
}

#[tauri::command]
pub async fn add_link(
    state: State<'_, AppState>,
    assessment_id: i64,
    question_id: String,
    url: String,
    note: String,
) -> Result<Evidence, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let question_id = validate::question_id(&question_id)?;
    state.with_connection(|conn| evidence::add_link(conn, assessment_id, question_id, &url, &note))
}

/// Shows the native open dialog and copies each chosen file into the evidence store. An empty
/// list means the user cancelled.
#[tauri::command]
pub async fn attach_files(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
    question_id: String,
) -> Result<Vec<Evidence>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let question_id = validate::question_id(&question_id)?;
    let chosen = dialogs::pick_files(&app, "Attach evidence files", None);
    state.with_connection(|conn| evidence::add_files(conn, assessment_id, question_id, &chosen))
}

#[tauri::command]
pub async fn remove_evidence(state: State<'_, AppState>, evidence_id: i64) -> Result<(), IpcError> {
    let evidence_id = validate::id("evidence", evidence_id)?;
    state.with_connection(|conn| evidence::remove_evidence(conn, evidence_id))
}

/// Opens a link in the system browser, or an attached file in its usual app. Only stored
/// http(s) links are opened (the core's rule), never a URL the webview makes up.
#[tauri::command]
pub async fn open_evidence(
    app: AppHandle,
    state: State<'_, AppState>,
    evidence_id: i64,
) -> Result<(), IpcError> {
    let evidence_id = validate::id("evidence", evidence_id)?;
    match state.with_connection(|conn| evidence::open_target(conn, evidence_id))? {
        OpenTarget::Link(url) => app
            .opener()
            .open_url(url, None::<&str>)
            .map_err(|e| opening_failed("the link", e)),
        OpenTarget::File(path) => app
            .opener()
            .open_path(path.to_string_lossy(), None::<&str>)
            .map_err(|e| opening_failed("the file", e)),
    }
}

fn opening_failed(what: &str, error: tauri_plugin_opener::Error) -> IpcError {
    IpcError::from(Error::Internal(format!(
        "Yardstick could not open {what}: {error}. Check that this computer has an app for it."
    )))
}
