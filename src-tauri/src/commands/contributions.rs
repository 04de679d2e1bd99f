//! Contributions from colleagues (`yardstick::contributions`): the lead's requests, returned
//! files and review; and the colleague's side, a request opened here to be answered. These
//! commands only check arguments and choose files; the core does the rest.

use serde::Deserialize;
use tauri::{AppHandle, State};
use ts_rs::TS;
use yardstick::contributions::answering::{
    self, AnsweringFile, AnsweringQuestion, AnsweringRequest, AnsweringSummary,
    ContributionAnswerInput, OpenedRequest,
};
use yardstick::contributions::{
    self, Contribution, ContributionRequest, ImportedContribution, NewRequest, RequestFormat,
};

use super::validate;
use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

const WORKBOOK: FileFilter = FileFilter {
    name: "Excel workbook",
    extensions: &["xlsx"],
};

const CONTRIBUTION_FILE: FileFilter = FileFilter {
    name: "Yardstick contribution file (JSON)",
    extensions: &["json"],
};

const RETURNED: FileFilter = FileFilter {
    name: "Returned workbooks and contribution files",
    extensions: &["xlsx", "json"],
};

/// What the lead fills in to ask a colleague.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestInput {
    pub question_ids: Vec<String>,
    pub contributor: String,
    pub team: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_date: String,
    pub note: String,
    pub format: RequestFormat,
}

#[tauri::command]
pub async fn list_contribution_requests(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<ContributionRequest>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    state.with_connection(|conn| contributions::list_requests(conn, assessment_id))
}

/// Checks the request, then shows the save dialog, then records and writes it; `None` when
/// the user cancelled (and then nothing is recorded).
#[tauri::command]
pub async fn request_contribution(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
    input: RequestInput,
) -> Result<Option<ContributionRequest>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    for id in &input.question_ids {
        validate::question_id(id)?;
    }
    let due_date = Some(input.due_date.trim()).filter(|d| !d.is_empty());
    let new = NewRequest {
        assessment_id,
        question_ids: &input.question_ids,
        contributor: &input.contributor,
        team: &input.team,
        due_date,
        note: &input.note,
    };
    state.with_connection(|conn| contributions::check_request(conn, &new))?;
    let filter = match input.format {
        RequestFormat::Xlsx => WORKBOOK,
        RequestFormat::Json => CONTRIBUTION_FILE,
    };
    let default_name = contributions::default_file_name(&input.contributor, input.format);
    let Some(path) = dialogs::save_file(&app, "Save the request", &default_name, filter) else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, input.format.extension());
    state
        .with_connection(|conn| contributions::make_request(conn, &new, input.format, &path))
        .map(Some)
}

/// Shows the open dialog (several files at once) and takes the returned files in for
/// review; `None` when the user cancelled.
#[tauri::command]
pub async fn import_contributions(
    app: AppHandle,
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Option<Vec<ImportedContribution>>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let chosen = dialogs::pick_files(&app, "Import returned files", Some(RETURNED));
    if chosen.is_empty() {
        return Ok(None);
    }
    state
        .with_connection(|conn| contributions::import_files(conn, &chosen, Some(assessment_id)))
        .map(Some)
}

#[tauri::command]
pub async fn list_contributions(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<Contribution>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    state.with_connection(|conn| contributions::list_contributions(conn, assessment_id))
}

/// Accepts the named questions of a contribution (all still waiting when `question_ids` is
/// `None`).
#[tauri::command]
pub async fn accept_contribution(
    state: State<'_, AppState>,
    contribution_id: i64,
    question_ids: Option<Vec<String>>,
) -> Result<Contribution, IpcError> {
    let contribution_id = validate::id("contribution", contribution_id)?;
    if let Some(ids) = &question_ids {
        for id in ids {
            validate::question_id(id)?;
        }
    }
    state.with_connection(|conn| {
        contributions::accept(conn, contribution_id, question_ids.as_deref())
    })
}

#[tauri::command]
pub async fn set_aside_contribution(
    state: State<'_, AppState>,
    contribution_id: i64,
    note: String,
) -> Result<Contribution, IpcError> {
    let contribution_id = validate::id("contribution", contribution_id)?;
    state.with_connection(|conn| contributions::set_aside(conn, contribution_id, &note))
}

/// Shows the open dialog for a contribution file someone sent, and opens it to be answered;
/// `None` when the user cancelled.
#[tauri::command]
pub async fn open_contribution_request(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<OpenedRequest>, IpcError> {
    let Some(path) = dialogs::pick_file(&app, "Open a contribution request", CONTRIBUTION_FILE)
    else {
        return Ok(None);
    };
    state
        .with_connection(|conn| answering::open_request(conn, &path))
        .map(Some)
}

#[tauri::command]
pub async fn list_answering(state: State<'_, AppState>) -> Result<Vec<AnsweringSummary>, IpcError> {
    state.with_connection(|conn| answering::list_answering(conn))
}

#[tauri::command]
pub async fn load_answering(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AnsweringRequest, IpcError> {
    let id = validate::id("request", id)?;
    state.with_connection(|conn| answering::get_answering(conn, id))
}

#[tauri::command]
pub async fn save_contribution_answer(
    state: State<'_, AppState>,
    id: i64,
    question_id: String,
    input: ContributionAnswerInput,
) -> Result<AnsweringQuestion, IpcError> {
    let id = validate::id("request", id)?;
    let question_id = validate::question_id(&question_id)?;
    state.with_connection(|conn| answering::save_answer(conn, id, question_id, &input))
}

/// Shows the open dialog and attaches the chosen files to one answer; empty when cancelled.
#[tauri::command]
pub async fn attach_contribution_files(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    question_id: String,
) -> Result<Vec<AnsweringFile>, IpcError> {
    let id = validate::id("request", id)?;
    let question_id = validate::question_id(&question_id)?;
    let chosen = dialogs::pick_files(&app, "Attach files to your answer", None);
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    state.with_connection(|conn| answering::attach_files(conn, id, question_id, &chosen))
}

#[tauri::command]
pub async fn remove_contribution_file(
    state: State<'_, AppState>,
    file_id: i64,
) -> Result<(), IpcError> {
    let file_id = validate::id("file", file_id)?;
    state.with_connection(|conn| answering::remove_file(conn, file_id))
}

/// Shows the save dialog and writes the contribution to send back; its path, or `None` when
/// the user cancelled.
#[tauri::command]
pub async fn save_contribution(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, IpcError> {
    let id = validate::id("request", id)?;
    let request = state.with_connection(|conn| answering::get_answering(conn, id))?;
    let default_name = answering::default_return_name(&request);
    let Some(path) = dialogs::save_file(
        &app,
        "Save your contribution to send back",
        &default_name,
        CONTRIBUTION_FILE,
    ) else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, "json");
    state
        .with_connection(|conn| answering::export_contribution(conn, id, &path))
        .map(|written| Some(written.display().to_string()))
}
