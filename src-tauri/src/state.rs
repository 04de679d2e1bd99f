//! The app's one piece of shared state: the open database, behind a mutex that each command
//! holds for the length of one call. If the database could not be opened (a file from a newer
//! Yardstick, a folder that cannot be written), the app still starts and every command
//! reports why, so the user sees a message instead of a window that never appears.

use std::path::PathBuf;
use std::sync::Mutex;

use yardstick::store::{self, Connection};

use crate::error::IpcError;

pub struct AppState {
    database: Result<Mutex<Connection>, IpcError>,
    pub database_path: PathBuf,
    /// The report this run exported last: the only file "Open the report" may open.
    last_export: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn open() -> Self {
        let Some(database_path) = yardstick::paths::database_path() else {
            return AppState::unavailable(yardstick::Error::InvalidInput(
                "Could not work out where to keep the database because HOME is not set. Set YARDSTICK_DB to a file path and start Yardstick again.".into(),
            ));
        };
        let database = store::open(&database_path)
            .map(Mutex::new)
            .map_err(IpcError::from);
        AppState {
            database,
            database_path,
            last_export: Mutex::default(),
        }
    }

    /// Opens the database on its own thread, so that it opens (and, after an update,
    /// migrates) while the window system and Tauri start, which takes far longer, instead of
    /// after them, in front of the window.
    pub fn open_in_background() -> OpeningState {
        OpeningState(std::thread::spawn(AppState::open))
    }

    /// A state whose every command reports `error`.
    fn unavailable(error: yardstick::Error) -> Self {
        AppState {
            database: Err(IpcError::from(error)),
            database_path: PathBuf::new(),
            last_export: Mutex::default(),
        }
    }

    /// Whether the database opened; when it did not, every command says why.
    pub fn is_open(&self) -> bool {
        self.database.is_ok()
    }

    /// Where user checklists and evidence files live: beside the database.
    pub fn data_dir(&self) -> PathBuf {
        yardstick::paths::data_dir_for(&self.database_path)
    }

    pub fn remember_export(&self, path: PathBuf) {
        *self.last_export.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    pub fn last_export(&self) -> Option<PathBuf> {
        self.last_export
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Runs `work` with the connection locked for its whole length.
    pub fn with_connection<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> yardstick::Result<T>,
    ) -> Result<T, IpcError> {
        let mutex = self.database.as_ref().map_err(Clone::clone)?;
        // A poisoned lock means an earlier command panicked mid-call; SQLite rolled back its
        // open transaction, so the connection itself is still sound to use.
        let mut connection = mutex
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut connection).map_err(IpcError::from)
    }
}

/// The database being opened by `AppState::open_in_background`.
pub struct OpeningState(std::thread::JoinHandle<AppState>);

impl OpeningState {
    /// Waits for the database to be open (or to have failed to open).
    pub fn wait(self) -> AppState {
        self.0.join().unwrap_or_else(|_| {
            AppState::unavailable(yardstick::Error::Internal(
                "Yardstick stopped while opening its database, which is unchanged. Restart Yardstick; if this keeps happening, report it to whoever supports Yardstick.".into(),
            ))
        })
    }
}
