//! Commands over assessments: the home list, one assessment whole, starting, sign-off.

use tauri::State;
use yardstick::scoring::{self, AssessmentOverview};
use yardstick::store::archive::{self, SignedOff};
use yardstick::store::assessments::{self, Assessment, AssessmentSummary};
use yardstick::store::start::{start_assessment, OrganisationChoice, StartAssessment};
use yardstick::store::{self, AssessmentDetail};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

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

/// Starts an assessment: organisation (chosen or new), assessor, checklist and carry-forward
/// in one transaction.
#[tauri::command]
pub async fn start_new_assessment(
    state: State<'_, AppState>,
    input: StartAssessment,
) -> Result<Assessment, IpcError> {
    if let OrganisationChoice::Existing { id } = input.organisation {
        validate::id("organisation", id)?;
    }
    if let Some(from) = input.from_assessment_id {
        validate::id("previous assessment", from)?;
    }
    let data_dir = state.data_dir();
    state.with_connection(|conn| start_assessment(conn, &data_dir, &input))
}

/// Signs the assessment off and makes the sign-off backup of everything.
#[tauri::command]
pub async fn finalise_assessment(
    state: State<'_, AppState>,
    id: i64,
    approver: String,
) -> Result<SignedOff, IpcError> {
    let id = validate::id("assessment", id)?;
    state.with_connection(|conn| archive::sign_off(conn, id, &approver))
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
