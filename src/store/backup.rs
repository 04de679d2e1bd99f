//! Backup and restore of the whole database through SQLite's online backup API. A backup is
//! written under a temporary name and renamed into place only when complete and checked, so
//! a backup file is never half-written. A restore first checks that the file is a sound
//! Yardstick database no newer than this app, keeps a copy of the current database, and then
//! replaces the contents in one transaction, so a failure leaves the current data as it was.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, MAIN_DB};

use super::migrations::{self, APPLICATION_ID, SCHEMA_VERSION};
use crate::{Error, Result};

/// Writes a complete copy of the open database to `destination`, replacing any file there.
/// Attached evidence files are not inside the database; they stay in the evidence folder.
pub fn backup(conn: &Connection, destination: &Path) -> Result<()> {
    if database_path(conn).is_some_and(|live| same_file(&live, destination)) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using. Choose a different file for the backup.",
            destination.display()
        )));
    }
    let file_name = destination.file_name().ok_or_else(|| {
        Error::InvalidInput(format!(
            "{} is not a file name. Choose a file to back up to.",
            destination.display()
        ))
    })?;
    let mut partial_name = std::ffi::OsString::from(".");
    partial_name.push(file_name);
    partial_name.push(format!(".partial-{}", std::process::id()));
    let partial = destination.with_file_name(partial_name);
    let _ = fs::remove_file(&partial);
    let result = write_partial(conn, &partial).and_then(|()| {
        fs::rename(&partial, destination).map_err(|e| {
            Error::io(
                format!("Could not write the backup to {}", destination.display()),
                e,
            )
        })
    });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

fn write_partial(conn: &Connection, partial: &Path) -> Result<()> {
    let failed = |e: rusqlite::Error| {
        Error::Internal(format!(
            "Could not write a backup to {}: {e}. Check there is space and that you can write to that folder.",
            partial.display()
        ))
    };
    conn.backup(MAIN_DB, partial, None).map_err(failed)?;
    // One self-contained file (no -wal beside it), checked before it takes the real name.
    let copy = Connection::open(partial).map_err(failed)?;
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(failed)?;
    integrity(&copy).map_err(|problem| {
        Error::Internal(format!(
            "The backup written to {} failed its check ({problem}).",
            partial.display()
        ))
    })?;
    drop(copy);
    File::open(partial)
        .and_then(|file| file.sync_all())
        .map_err(|e| {
            Error::io(
                format!("Could not flush the backup {} to disk", partial.display()),
                e,
            )
        })
}

/// Checks that `source` is a sound Yardstick database this app can read, and returns its
/// schema version. Nothing is written.
pub fn check_database_file(source: &Path) -> Result<i64> {
    if !source.is_file() {
        return Err(Error::NotFound(format!(
            "There is no file at {}. Choose the backup file to restore.",
            source.display()
        )));
    }
    let not_yardstick = |detail: String| {
        Error::InvalidInput(format!(
            "{} is not a Yardstick database ({detail}). Choose a file made by Yardstick's backup. Nothing has been changed.",
            source.display()
        ))
    };
    let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_yardstick(e.to_string()))?;
    let pragma = |name: &str| -> Result<i64> {
        src.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
            .map_err(|e| not_yardstick(e.to_string()))
    };
    if pragma("application_id")? != i64::from(APPLICATION_ID) {
        return Err(not_yardstick("it belongs to another program".into()));
    }
    let version = pragma("user_version")?;
    if version > SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "{} was written by a newer version of Yardstick (schema {version}; this version understands up to {SCHEMA_VERSION}). Install the newer Yardstick to restore it. Nothing has been changed.",
            source.display()
        )));
    }
    if version < 1 {
        return Err(not_yardstick("it has no Yardstick tables".into()));
    }
    integrity(&src).map_err(|problem| {
        Error::InvalidInput(format!(
            "{} is damaged ({problem}), so it was not restored. Try an older backup. Nothing has been changed.",
            source.display()
        ))
    })?;
    Ok(version)
}

/// Replaces the whole open database with the backup at `source`. The current contents are
/// first saved as `<database>.before-restore.bak`; the copy is one transaction, so it either
/// completes or leaves the database untouched; an older backup is then upgraded as usual.
pub fn restore(conn: &mut Connection, source: &Path) -> Result<()> {
    check_database_file(source)?;
    let live = database_path(conn).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory; restore into a database file instead.".into(),
        )
    })?;
    if same_file(&live, source) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using, so there is nothing to restore. Choose a backup file.",
            source.display()
        )));
    }
    backup(conn, &sibling(&live, ".before-restore.bak"))?;
    let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    copy_all(&src, conn, source)?;
    drop(src);
    conn.flush_prepared_statement_cache();
    migrations::migrate(conn, &live)
}

fn copy_all(src: &Connection, conn: &mut Connection, source: &Path) -> Result<()> {
    let backup = Backup::new(src, conn)?;
    // -1 copies every page in one step: one write transaction on the live database.
    match backup.step(-1) {
        Ok(StepResult::Done) => Ok(()),
        Ok(_) => Err(Error::Conflict(
            "The database is busy (another window or program is writing to it), so nothing was restored. Close it and try again.".into(),
        )),
        Err(e) => Err(Error::Internal(format!(
            "Restoring from {} failed: {e}. The database has been left as it was.",
            source.display()
        ))),
    }
}

/// `PRAGMA integrity_check` as a result: `Ok` or the first problem it reports.
pub fn integrity(conn: &Connection) -> std::result::Result<(), String> {
    let first: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if first == "ok" {
        Ok(())
    } else {
        Err(first)
    }
}

fn database_path(conn: &Connection) -> Option<PathBuf> {
    conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
