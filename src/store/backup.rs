//! Backup and restore of the whole database through SQLite's online backup API. A backup is
//! written under a temporary name and renamed into place only when complete and checked, so
//! a backup file is never half-written. A restore first checks the file in a scratch copy
//! (see `candidate`), keeps the current database as a new timestamped safety copy, and then
//! replaces the contents in one transaction, so a failure leaves the current data as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, MAIN_DB};

use super::{candidate, migrations};
use crate::files::is_database_or_companion;
use crate::{Error, Result};

/// Writes a complete copy of the open database to `destination`, replacing any file there.
/// Attached evidence files are not inside the database; they stay in the evidence folder.
pub fn backup(conn: &Connection, destination: &Path) -> Result<()> {
    if database_path(conn).is_some_and(|live| is_database_or_companion(&live, destination)) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using, or a file SQLite keeps beside it. Choose a different file for the backup.",
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
    // Opened for writing (nothing is written): Windows flushes only a handle with write
    // access, and refuses a read-only one with "access denied".
    std::fs::OpenOptions::new()
        .write(true)
        .open(partial)
        .and_then(|file| file.sync_all())
        .map_err(|e| {
            Error::io(
                format!("Could not flush the backup {} to disk", partial.display()),
                e,
            )
        })
}

/// Checks that `source` is a Yardstick database this app can restore, in a scratch copy in
/// the system's temporary folder (see `candidate`), and returns its schema version. `source`
/// and its folder are not changed.
pub fn check_database_file(source: &Path) -> Result<i64> {
    Ok(candidate::prepare(source, &std::env::temp_dir())?.version)
}

/// Replaces the whole open database with the backup at `source`, and returns where the data
/// it replaced was kept.
///
/// The backup is checked and upgraded in a scratch copy first, so a file that is damaged,
/// foreign, empty or carries objects of its own is refused before anything is touched. The
/// current data is then kept as a new safety copy, `<database>.before-restore-<time>.bak`,
/// never written over an earlier one, so restoring one safety copy after another (or undoing a
/// restore by restoring its safety copy) loses nothing. The copy into the live database is one
/// transaction: it completes, or leaves the database as it was.
pub fn restore(conn: &mut Connection, source: &Path) -> Result<PathBuf> {
    let live = database_path(conn).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory; restore into a database file instead.".into(),
        )
    })?;
    if crate::files::is_database_or_companion(&live, source) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using, so there is nothing to restore. Choose a backup file.",
            source.display()
        )));
    }
    let candidate = candidate::prepare(source, &crate::paths::data_dir_for(&live))?;
    let safety_copy = free_safety_copy_name(&live);
    backup(conn, &safety_copy)?;
    let src = Connection::open_with_flags(&candidate.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    copy_all(&src, conn, source)?;
    drop(src);
    drop(candidate);
    conn.flush_prepared_statement_cache();
    migrations::migrate(conn, &live)?;
    Ok(safety_copy)
}

/// Restores `source` into the database file at `live` when that file cannot be opened at all
/// (damaged, or from a newer Yardstick), so a restore is always possible. `source` is checked
/// as for [`restore`]; the unusable file and its companion files are then moved aside as the
/// safety copy, never deleted. A file at `live` that is not Yardstick's is left alone.
pub fn restore_unopenable(live: &Path, source: &Path) -> Result<PathBuf> {
    if is_database_or_companion(live, source) {
        return Err(Error::InvalidInput(format!(
            "{} is the database being restored, so there is nothing to restore. Choose a backup file.",
            source.display()
        )));
    }
    if !matches!(
        super::identify::identify(live),
        Ok(super::identify::Identity::Yardstick(_))
    ) {
        return Err(Error::InvalidInput(format!(
            "{} is not a Yardstick database, so Yardstick has left it alone and restored nothing. Choose a different database file to restore into.",
            live.display()
        )));
    }
    let candidate = candidate::prepare(source, &crate::paths::data_dir_for(live))?;
    let safety_copy = free_safety_copy_name(live);
    let moved = |from: &Path, to: &Path| {
        fs::rename(from, to).map_err(|e| {
            Error::io(
                format!("Could not move {} aside before restoring", from.display()),
                e,
            )
        })
    };
    moved(live, &safety_copy)?;
    for suffix in crate::files::DATABASE_COMPANIONS {
        let companion = sibling(live, suffix);
        if companion.exists() {
            moved(&companion, &sibling(&safety_copy, suffix))?;
        }
    }
    super::identify::read_only(&candidate.path)
        .and_then(|src| src.backup(MAIN_DB, live, None))
        .map_err(|e| {
            Error::Internal(format!(
                "Restoring from {} failed: {e}. The database it was to replace is kept in {}.",
                source.display(),
                safety_copy.display()
            ))
        })?;
    Ok(safety_copy)
}

/// `<database>.before-restore-<UTC time>.bak`, with `-2`, `-3`… added if that name is taken.
fn free_safety_copy_name(live: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    (1..)
        .map(|n| match n {
            1 => sibling(live, &format!(".before-restore-{stamp}.bak")),
            n => sibling(live, &format!(".before-restore-{stamp}-{n}.bak")),
        })
        .find(|path| fs::symlink_metadata(path).is_err())
        .unwrap_or_else(|| sibling(live, ".before-restore.bak"))
}

pub(crate) fn unique_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
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
