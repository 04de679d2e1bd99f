//! Commands for the compare screen: the default choice of assessments, and the comparison.

use tauri::State;
use yardstick::compare::{self, CompareOptions, Comparison};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

/// Compares the chosen assessments; `allow_peer` permits assessments of other organisations.
/// How many may be chosen is the core's rule (`compare::MAX_COMPARED`).
#[tauri::command]
pub async fn compare_assessments(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    allow_peer: bool,
) -> Result<Comparison, IpcError> {
    let ids = validate::ids("assessment", ids)?;
    let options = CompareOptions { allow_peer };
    state.with_connection(|conn| compare::compare_assessments(conn, &ids, &options))
}

/// This assessment and up to four earlier ones of its organisation, oldest first.
#[tauri::command]
pub async fn default_comparison_ids(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<i64>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    state.with_connection(|conn| compare::default_comparison_ids(conn, assessment_id))
}
