//! One-file backups of everything a user would miss: the database, the attached evidence
//! files and the user's own checklists, in one archive (see `container`) whose manifest holds
//! a SHA-256 per file. Restoring checks every hash and the database (in a scratch copy, as a
//! plain restore does) before anything is replaced; evidence files are only ever added, and a
//! user checklist that a restore replaces is moved aside, not deleted.
//!
//! Automatic backups (at sign-off, and at most daily when the app starts) go to
//! `<data dir>/backups/`, keeping the newest few; only once a backup there holds an evidence
//! file that nothing refers to any more is that file cleared from the evidence folder.

mod container;
mod contents;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use container::{read_manifest, Entry, Manifest};
pub use contents::{automatic_backup, clear_unused_evidence, AutomaticBackup};

use super::backup;
use crate::files::is_database_or_companion;
use crate::{Error, Result};

/// The folder, inside the data directory, that holds automatic backups.
pub const BACKUP_DIR: &str = "backups";
/// The extension of an archive, so people and the app can tell it from a bare database.
pub const EXTENSION: &str = "ysbackup";

const DATABASE_ENTRY: &str = "database.sqlite3";

/// Whether `path` is an archive (rather than a bare database copy), by its first bytes.
pub fn is_archive(path: &Path) -> bool {
    container::looks_like_archive(path)
}

/// Writes the database, evidence files and user checklists to one archive at `destination`,
/// under a temporary name renamed into place only when complete and flushed.
pub fn write_archive(conn: &Connection, destination: &Path, reason: &str) -> Result<Manifest> {
    let live = live_path(conn)?;
    if is_database_or_companion(&live, destination) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using, or a file SQLite keeps beside it. Choose a different file for the backup.",
            destination.display()
        )));
    }
    let data_dir = crate::paths::data_dir_for(&live);
    let scratch = Scratch::new(&data_dir)?;
    let database = scratch.0.join(DATABASE_ENTRY);
    backup::backup(conn, &database)?;
    let partial = partial_name(destination)?;
    let written = contents::write(&partial, &database, &data_dir, reason).and_then(|manifest| {
        fs::rename(&partial, destination).map_err(|e| {
            Error::io(
                format!("Could not write the backup to {}", destination.display()),
                e,
            )
        })?;
        Ok(manifest)
    });
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// How many automatic backups are kept: enough to go back two weeks of daily starts.
pub const KEEP_AUTOMATIC: usize = 14;

/// Restores from `source`, whether it is an archive or a bare database copy, into the
/// database of `conn`; returns where the replaced database was kept.
pub fn restore_from(conn: &mut Connection, source: &Path) -> Result<PathBuf> {
    if is_archive(source) {
        restore_archive(conn, source)
    } else {
        backup::restore(conn, source)
    }
}

/// As [`restore_from`], into the database file at `live` when it cannot be opened at all: that
/// is when a restore is needed most.
pub fn restore_from_unopenable(live: &Path, source: &Path) -> Result<PathBuf> {
    if is_archive(source) {
        restore_archive_unopenable(live, source)
    } else {
        backup::restore_unopenable(live, source)
    }
}

/// What signing an assessment off did: the assessment, now final, and the automatic backup
/// made of it, or why none could be made (the sign-off stands either way).
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignedOff {
    pub assessment: crate::store::assessments::Assessment,
    pub backup: Option<String>,
    pub backup_problem: Option<String>,
}

/// Signs assessment `id` off and then makes the sign-off backup, so the signed-off record is
/// kept whole outside the live database. The desktop app and the CLI both sign off here.
pub fn sign_off(conn: &Connection, id: i64, approver: &str) -> Result<SignedOff> {
    let assessment = crate::store::assessments::finalise(conn, id, approver)?;
    let (backup, backup_problem) =
        match contents::automatic_backup(conn, AutomaticBackup::SignOff, KEEP_AUTOMATIC) {
            Ok(path) => (path.map(|p| p.display().to_string()), None),
            Err(error) => (None, Some(error.to_string())),
        };
    Ok(SignedOff {
        assessment,
        backup,
        backup_problem,
    })
}

/// Restores everything in the archive at `source` and returns where the replaced database
/// was kept. Hashes and the database are checked before anything is replaced.
pub fn restore_archive(conn: &mut Connection, source: &Path) -> Result<PathBuf> {
    let live = live_path(conn)?;
    restore_archive_with(&live, source, |database| backup::restore(conn, database))
}

/// As [`restore_archive`], into the database file at `live` when it cannot be opened at all
/// (see [`backup::restore_unopenable`]).
pub fn restore_archive_unopenable(live: &Path, source: &Path) -> Result<PathBuf> {
    restore_archive_with(live, source, |database| {
        backup::restore_unopenable(live, database)
    })
}

fn restore_archive_with(
    live: &Path,
    source: &Path,
    restore_database: impl FnOnce(&Path) -> Result<PathBuf>,
) -> Result<PathBuf> {
    let data_dir = crate::paths::data_dir_for(live);
    let manifest = read_manifest(source)?;
    contents::check_entries(source, &manifest)?;
    let scratch = Scratch::new(&data_dir)?;
    for folder in ["evidence", "checklists"] {
        fs::create_dir_all(scratch.0.join(folder))
            .map_err(|e| Error::io("Could not make a scratch folder for the restore", e))?;
    }
    container::extract(source, &manifest, |entry| Some(scratch.0.join(&entry.path)))?;
    // The database goes first because it is checked first: a backup whose database is
    // refused must not have added anything to the folders either.
    let kept = restore_database(&scratch.0.join(DATABASE_ENTRY))?;
    contents::add_evidence(&scratch.0.join("evidence"), &data_dir)?;
    contents::put_checklists(&scratch.0.join("checklists"), &data_dir)?;
    Ok(kept)
}

fn live_path(conn: &Connection) -> Result<PathBuf> {
    conn.path()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::InvalidInput(
                "This database is held in memory; it has no files to back up or restore.".into(),
            )
        })
}

fn partial_name(destination: &Path) -> Result<PathBuf> {
    let name = destination.file_name().ok_or_else(|| {
        Error::InvalidInput(format!(
            "{} is not a file name. Choose a file to back up to.",
            destination.display()
        ))
    })?;
    let mut partial = std::ffi::OsString::from(".");
    partial.push(name);
    partial.push(format!(".partial-{}", std::process::id()));
    Ok(destination.with_file_name(partial))
}

/// A scratch folder in the data directory, removed with everything in it when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(data_dir: &Path) -> Result<Self> {
        let dir = data_dir.join(format!(
            ".yardstick-archive-{}-{}",
            std::process::id(),
            backup::unique_suffix()
        ));
        fs::create_dir_all(&dir).map_err(|e| {
            Error::io(
                format!("Could not make a scratch folder in {}", data_dir.display()),
                e,
            )
        })?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
