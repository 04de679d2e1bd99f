//! Where Yardstick keeps its data on this machine. The desktop app and the CLI both ask this
//! module, so they always open the same database unless told otherwise.

use std::path::PathBuf;

pub mod windows;

/// The application identifier; also the folder name under the OS data directory. It matches
/// `identifier` in `src-tauri/tauri.conf.json` so Tauri's app data dir is the same folder.
pub const APP_IDENTIFIER: &str = "uk.org.yardstick";

/// Environment variable that points Yardstick at a different database file, for tests and for
/// people who keep one file per council.
pub const DB_ENV_VAR: &str = "YARDSTICK_DB";

const DB_FILE_NAME: &str = "yardstick.sqlite3";

/// The OS data directory for Yardstick (`~/.local/share/uk.org.yardstick` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    platform_data_home().map(|home| home.join(APP_IDENTIFIER))
}

/// The database to open: `YARDSTICK_DB` when set and not empty, otherwise the default file in
/// the data directory.
pub fn database_path() -> Option<PathBuf> {
    match std::env::var_os(DB_ENV_VAR) {
        Some(value) if !value.is_empty() => Some(PathBuf::from(value)),
        _ => default_data_dir().map(|dir| dir.join(DB_FILE_NAME)),
    }
}

/// The data directory that belongs to a database file: evidence files and user checklists
/// sit beside the database, so a database moved with its folder keeps its attachments.
pub fn data_dir_for(database: &std::path::Path) -> PathBuf {
    database
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

#[cfg(target_os = "linux")]
fn platform_data_home() -> Option<PathBuf> {
    non_empty_env("XDG_DATA_HOME")
        .or_else(|| non_empty_env("HOME").map(|home| home.join(".local/share")))
}

#[cfg(target_os = "macos")]
fn platform_data_home() -> Option<PathBuf> {
    non_empty_env("HOME").map(|home| home.join("Library/Application Support"))
}

#[cfg(target_os = "windows")]
fn platform_data_home() -> Option<PathBuf> {
    windows_data_home(non_empty_env("APPDATA"), non_empty_env("LOCALAPPDATA"))
}

/// %APPDATA%, unless a council's folder redirection has put it on a network share (where
/// SQLite's locking is unsafe and the database is refused); then %LOCALAPPDATA%, which
/// Windows never roams or redirects.
#[cfg_attr(not(target_os = "windows"), allow(dead_code))]
fn windows_data_home(roaming: Option<PathBuf>, local: Option<PathBuf>) -> Option<PathBuf> {
    match roaming {
        Some(roaming) if !windows::is_unc_path(&roaming.to_string_lossy()) => Some(roaming),
        roaming => local.or(roaming),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_data_home() -> Option<PathBuf> {
    non_empty_env("HOME").map(|home| home.join(".local/share"))
}

fn non_empty_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_data_lives_in_appdata_unless_appdata_is_a_network_share() {
        let roaming = PathBuf::from(r"C:\Users\Siân\AppData\Roaming");
        let local = PathBuf::from(r"C:\Users\Siân\AppData\Local");
        // The documented home of the data, non-ASCII user names included.
        assert_eq!(
            windows_data_home(Some(roaming.clone()), Some(local.clone())),
            Some(roaming)
        );
        // Redirected AppData would put the database where it is refused; Local never roams.
        let redirected = PathBuf::from(r"\\fs01\profiles$\sian\AppData\Roaming");
        assert_eq!(
            windows_data_home(Some(redirected.clone()), Some(local.clone())),
            Some(local)
        );
        // With no local folder, the share is still better than no data folder at all.
        assert_eq!(
            windows_data_home(Some(redirected.clone()), None),
            Some(redirected)
        );
    }
}
