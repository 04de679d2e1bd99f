//! Saving one answer: called by the question page's autosave on every change.

use tauri::State;
use yardstick::store::answers::{self, Answer, AnswerInput};

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn save_answer(
    state: State<'_, AppState>,
    assessment_id: i64,
    question_id: String,
    input: AnswerInput,
) -> Result<Answer, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    let question_id = validate::question_id(&question_id)?;
    state.with_connection(|conn| answers::save_answer(conn, assessment_id, question_id, &input))
}
