//! Facts about the running app that the UI shows (version, where the database is).

use tauri::State;

use crate::commands::dto::AppInfo;
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        database_path: state.database_path.display().to_string(),
    })
}
