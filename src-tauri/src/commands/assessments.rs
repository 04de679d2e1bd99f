//! Commands over assessments.

use tauri::State;
use yardstick::store::assessments::{self, AssessmentSummary};

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_assessments(state: State<'_, AppState>) -> Result<Vec<AssessmentSummary>, IpcError> {
    state.with_connection(|conn| assessments::list_summaries(conn))
}
