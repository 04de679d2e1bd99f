//! The SQLite store: opening a database file with the pragmas Yardstick relies on, and
//! bringing its schema up to date. Repository modules below take `&Connection` or
//! `&Transaction` and own one table or aggregate each; `detail` assembles one assessment for
//! the screens and the report.

pub mod actions;
pub mod answers;
pub mod archive;
pub mod assessments;
pub mod audit;
pub mod backup;
mod candidate;
mod carry;
pub mod detail;
pub mod evidence;
pub(crate) mod evidence_files;
pub(crate) mod identify;
pub mod organisations;
pub mod settings;
pub mod snapshots;
pub mod start;
pub mod validate;

pub use rusqlite::{Connection, Transaction};
mod migrations;

use std::path::{Path, PathBuf};

use rusqlite::TransactionBehavior;

use crate::{Error, Result};

pub use detail::{load_assessment, AssessmentDetail};
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};

/// How long a writer waits for another to finish before giving up: long enough that two
/// windows, the CLI and an automatic backup taking turns never see a failure.
pub const BUSY_TIMEOUT_MS: u32 = 60_000;

/// Opens (creating if needed) the database at `path`, sets the pragmas and applies pending
/// migrations. The file is identified first, read-only, so another program's file is refused
/// exactly as it was.
pub fn open(path: &Path) -> Result<Connection> {
    #[cfg(windows)]
    refuse_unsafe_windows_location(path)?;
    identify::identify(path)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            Error::io(
                format!(
                    "Could not create the folder {} for the database",
                    parent.display()
                ),
                e,
            )
        })?;
    }
    let mut conn = Connection::open(path).map_err(|e| {
        Error::InvalidInput(format!(
            "Could not open the database {}: {e}. Check that the file is a Yardstick database and that you can write to its folder.",
            path.display()
        ))
    })?;
    set_pragmas(&conn).map_err(|e| not_a_database(path, e))?;
    migrations::migrate(&mut conn, path)?;
    Ok(conn)
}

/// Refuses a database on a network drive or past MAX_PATH (see
/// [`crate::paths::windows::database_location_problem`]).
#[cfg(windows)]
fn refuse_unsafe_windows_location(path: &Path) -> Result<()> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy();
    let on_network_drive = crate::paths::windows::drive_root(&text).is_some_and(|root| {
        use std::os::windows::ffi::OsStrExt;
        let wide: Vec<u16> = std::ffi::OsStr::new(&root)
            .encode_wide()
            .chain(Some(0))
            .collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
        let kind = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(wide.as_ptr()) };
        kind == windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE
    });
    match crate::paths::windows::database_location_problem(&text, on_network_drive) {
        Some(problem) => Err(Error::InvalidInput(problem)),
        None => Ok(()),
    }
}

fn set_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    // The wait comes first so that switching to WAL also waits for a busy writer.
    conn.busy_timeout(std::time::Duration::from_millis(u64::from(BUSY_TIMEOUT_MS)))?;
    // WAL with synchronous=FULL: a write the UI reported as saved survives a crash or power cut.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;",
    )
}

fn not_a_database(path: &Path, error: rusqlite::Error) -> Error {
    Error::InvalidInput(format!(
        "{} is not a database Yardstick can open ({error}). Choose a Yardstick database file, or a new file name to start an empty one.",
        path.display()
    ))
}

/// The folder that holds this connection's attached evidence files: `<data dir>/evidence`,
/// beside the database so that a database moved with its folder keeps its attachments.
/// `None` for an in-memory database, which has nowhere to keep files.
pub fn evidence_dir(conn: &Connection) -> Option<PathBuf> {
    let path = conn.path().filter(|p| !p.is_empty())?;
    Some(crate::paths::data_dir_for(Path::new(path)).join("evidence"))
}

/// Refuses to write `target` when it is this connection's database or a file SQLite keeps
/// beside it: every export and report checks this first, so none can replace the data.
pub fn refuse_overwriting_database(conn: &Connection, target: &Path) -> Result<()> {
    match conn.path().filter(|p| !p.is_empty()) {
        Some(database) => crate::files::refuse_database_target(Path::new(database), target),
        None => Ok(()),
    }
}

/// The current time as stored in every `*_at` column: RFC 3339 in UTC with milliseconds, so
/// text order is time order.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Runs `work` as one write transaction. Outside a transaction it takes the write lock at once
/// (`BEGIN IMMEDIATE`) so a second writer waits on `busy_timeout` instead of failing half way;
/// inside a caller's transaction it uses a savepoint so the caller's commit stays in charge.
pub(crate) fn write<T>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    if conn.is_autocommit() {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        return Ok(value);
    }
    conn.execute_batch("SAVEPOINT yardstick_write")?;
    match work(conn) {
        Ok(value) => {
            conn.execute_batch("RELEASE yardstick_write")?;
            Ok(value)
        }
        Err(error) => {
            // The original error is the one worth reporting; a failed rollback leaves the
            // caller's transaction to be rolled back when it is dropped.
            let _ = conn.execute_batch("ROLLBACK TO yardstick_write; RELEASE yardstick_write");
            Err(error)
        }
    }
}
