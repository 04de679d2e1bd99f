//! Commands over actions: what the council will do about a gap, who owns it, by when.

use tauri::State;
use yardstick::store::actions::{self, Action, ActionInput};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

fn checked(input: &ActionInput) -> Result<(), IpcError> {
    if let Some(question_id) = &input.question_id {
        validate::question_id(question_id)?;
    }
    Ok(())
}

#[tauri::command]
pub async fn add_action(
    state: State<'_, AppState>,
    assessment_id: i64,
    input: ActionInput,
) -> Result<Action, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    checked(&input)?;
    state.with_connection(|conn| actions::add_action(conn, assessment_id, &input))
}

#[tauri::command]
pub async fn update_action(
    state: State<'_, AppState>,
    action_id: i64,
    input: ActionInput,
) -> Result<Action, IpcError> {
    let action_id = validate::id("action", action_id)?;
    checked(&input)?;
    state.with_connection(|conn| actions::update_action(conn, action_id, &input))
}

#[tauri::command]
pub async fn remove_action(state: State<'_, AppState>, action_id: i64) -> Result<(), IpcError> {
    let action_id = validate::id("action", action_id)?;
    state.with_connection(|conn| actions::remove_action(conn, action_id))
}
