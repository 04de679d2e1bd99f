//! The app's own zoom (Ctrl+= / Ctrl+- / Ctrl+0): the core steps and remembers the level;
//! this applies it to the window's webview.

use tauri::{State, WebviewWindow};
use yardstick::store::settings::{self, ZoomChange};
use yardstick::Error;

use crate::error::IpcError;
use crate::state::AppState;

/// Zooms the window one step in or out, or back to 100%; returns the new level (1 is 100%).
#[tauri::command]
pub async fn change_zoom(
    window: WebviewWindow,
    state: State<'_, AppState>,
    change: ZoomChange,
) -> Result<f64, IpcError> {
    let level = state.with_connection(|conn| settings::change_zoom(conn, change))?;
    apply(&window, level)?;
    Ok(level)
}

/// Sets the webview's zoom to `level`.
pub fn apply(window: &WebviewWindow, level: f64) -> Result<(), IpcError> {
    window.set_zoom(level).map_err(|e| {
        IpcError::from(Error::Internal(format!(
            "Yardstick could not change the zoom: {e}. Use your system's text size instead."
        )))
    })
}
