//! Commands over assessments: the home list, one assessment whole, starting, sign-off.

use serde::Deserialize;
use tauri::State;
use ts_rs::TS;
use yardstick::scoring::{self, AssessmentOverview};
use yardstick::store::assessments::{self, Assessment, AssessmentSummary};
use yardstick::store::start::{start_assessment, StartAssessment};
use yardstick::store::{self, AssessmentDetail};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartAssessmentInput {
    pub organisation_id: i64,
    pub period: String,
    pub assessor: String,
    /// `null`: the checklist the previous assessment used, else the default checklist.
    pub checklist_id: Option<String>,
    /// The version of `checklist_id` chosen; `null` means its newest version.
    pub checklist_version: Option<String>,
    pub from_assessment_id: Option<i64>,
}

#[tauri::command]
pub async fn list_assessments(
    state: State<'_, AppState>,
) -> Result<Vec<AssessmentSummary>, IpcError> {
    state.with_connection(|conn| assessments::list_summaries(conn))
}

#[tauri::command]
pub async fn load_assessment(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AssessmentDetail, IpcError> {
    let id = validate::id("assessment", id)?;
    state.with_connection(|conn| store::load_assessment(conn, id))
}

#[tauri::command]
pub async fn start_new_assessment(
    state: State<'_, AppState>,
    input: StartAssessmentInput,
) -> Result<Assessment, IpcError> {
    let organisation_id = validate::id("organisation", input.organisation_id)?;
    let from = input
        .from_assessment_id
        .map(|id| validate::id("previous assessment", id))
        .transpose()?;
    let data_dir = state.data_dir();
    state.with_connection(|conn| {
        let request = StartAssessment {
            organisation_id,
            period: &input.period,
            assessor: &input.assessor,
            checklist_id: input.checklist_id.as_deref(),
            checklist_version: input.checklist_version.as_deref(),
            from,
        };
        start_assessment(conn, &data_dir, &request)
    })
}

#[tauri::command]
pub async fn finalise_assessment(
    state: State<'_, AppState>,
    id: i64,
    approver: String,
) -> Result<Assessment, IpcError> {
    let id = validate::id("assessment", id)?;
    state.with_connection(|conn| assessments::finalise(conn, id, &approver))
}

#[tauri::command]
pub async fn reopen_assessment(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
) -> Result<Assessment, IpcError> {
    let id = validate::id("assessment", id)?;
    state.with_connection(|conn| assessments::reopen(conn, id, &reason))
}

/// Loads "Example District Council" with three years of assessments; returns their ids.
#[tauri::command]
pub async fn load_example_data(state: State<'_, AppState>) -> Result<Vec<i64>, IpcError> {
    state.with_connection(|conn| yardstick::example_data::load_example_data(conn))
}

/// The summary screen's recommendations in priority order and the open actions.
#[tauri::command]
pub async fn assessment_overview(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AssessmentOverview, IpcError> {
    let id = validate::id("assessment", id)?;
    state.with_connection(|conn| Ok(scoring::overview(&store::load_assessment(conn, id)?)))
}
