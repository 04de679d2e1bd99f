//! The user's settings: assessor name and default protective marking.

use tauri::State;
use yardstick::store::settings::{self, Settings};

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    state.with_connection(|conn| settings::load(conn))
}

#[tauri::command]
pub async fn save_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    state.with_connection(|conn| {
        settings::save(conn, &settings)?;
        settings::load(conn)
    })
}
