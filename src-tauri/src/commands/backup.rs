//! Backing up and restoring everything (database, evidence files, the user's checklists) as
//! one archive, through native dialogs; the core writes, checks and restores it.

use chrono::Local;
use tauri::{AppHandle, State};
use yardstick::store::archive;

use crate::dialogs::{self, FileFilter};
use crate::error::IpcError;
use crate::state::AppState;

const BACKUP: FileFilter = FileFilter {
    name: "Yardstick backup",
    extensions: &[archive::EXTENSION],
};

const BACKUP_OR_DATABASE: FileFilter = FileFilter {
    name: "Yardstick backup or database copy",
    extensions: &[archive::EXTENSION, "sqlite3", "bak"],
};

/// Shows the save dialog and writes a backup of everything there; returns its path, or `None`
/// when the user cancelled.
#[tauri::command]
pub async fn back_up_now(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let default_name = format!(
        "Yardstick backup {}.{}",
        Local::now().format("%Y-%m-%d"),
        archive::EXTENSION
    );
    let Some(path) = dialogs::save_file(&app, "Back up Yardstick", &default_name, BACKUP) else {
        return Ok(None);
    };
    let path = dialogs::with_extension(path, archive::EXTENSION);
    state.with_connection(|conn| archive::write_archive(conn, &path, "manual"))?;
    Ok(Some(path.display().to_string()))
}

/// Shows the open dialog and restores the chosen backup (or database copy) after checking it
/// whole; returns where the replaced data was kept, or `None` when the user cancelled.
#[tauri::command]
pub async fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let Some(path) = dialogs::pick_file(&app, "Restore a Yardstick backup", BACKUP_OR_DATABASE)
    else {
        return Ok(None);
    };
    let kept = state.with_connection(|conn| archive::restore_from(conn, &path))?;
    Ok(Some(kept.display().to_string()))
}
