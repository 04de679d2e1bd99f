//! Checking a database file before it may replace the live one. A restore must not trust the
//! file it is given: it could be empty, damaged, made by another program, or carry a trigger
//! or view of its own that would run inside the user's database later. So the file is copied
//! into a scratch folder (read-only, the original is never changed) and the copy must be a
//! Yardstick database that passes `integrity_check`, whose schema is exactly one this app
//! made (no extra tables, triggers or views), whose stored file hashes are real hashes, and
//! which opens, upgrades and loads every assessment. Only then is it fit to be restored.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB};

use super::identify::{self, Identity};
use super::migrations::{schema_at, schema_of, SchemaObject, SCHEMA_VERSION};
use crate::{Error, Result};

/// A checked, upgraded copy of a restore file in its own scratch folder, removed on drop.
pub(crate) struct Candidate {
    dir: PathBuf,
    pub path: PathBuf,
    /// The schema version of the file as it was given, before the copy was upgraded.
    pub version: i64,
}

impl Drop for Candidate {
    fn drop(&mut self) {
        // Best effort: a scratch folder left behind holds only a copy of the user's own file.
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Copies `source` into a new scratch folder inside `scratch_parent` and checks the copy.
pub(crate) fn prepare(source: &Path, scratch_parent: &Path) -> Result<Candidate> {
    let not_yardstick = |detail: &str| refused(source, detail);
    let metadata = fs::metadata(source).map_err(|_| {
        Error::NotFound(format!(
            "There is no file at {}. Choose the backup file to restore.",
            source.display()
        ))
    })?;
    if !metadata.is_file() {
        return Err(not_yardstick("it is a folder or a special file"));
    }
    let version = match identify::identify(source) {
        Ok(Identity::Yardstick(version)) => version,
        Ok(Identity::New) => return Err(not_yardstick("it is empty")),
        Err(_) => {
            return Err(not_yardstick(
                "it belongs to another program or is not a database",
            ))
        }
    };
    if version > SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "{} was written by a newer version of Yardstick (schema {version}; this version understands up to {SCHEMA_VERSION}). Install the newer Yardstick to restore it. Nothing has been changed.",
            source.display()
        )));
    }
    if version < 1 {
        return Err(not_yardstick("it has no Yardstick tables"));
    }
    let candidate = scratch(scratch_parent, version)?;
    identify::read_only(source)
        .and_then(|src| src.backup(MAIN_DB, &candidate.path, None))
        .map_err(|e| not_yardstick(&format!("it could not be read: {e}")))?;
    check_copy(source, &candidate.path, version)?;
    let upgraded = super::open(&candidate.path)
        .map_err(|e| not_yardstick(&format!("it could not be brought up to date: {e}")))?;
    check_structure(source, &upgraded, SCHEMA_VERSION)?;
    loads_everything(&upgraded)
        .map_err(|e| not_yardstick(&format!("an assessment in it cannot be opened: {e}")))?;
    Ok(candidate)
}

/// The checks on the copy as it came, before any upgrade runs code against it.
fn check_copy(source: &Path, copy: &Path, version: i64) -> Result<()> {
    let conn = Connection::open(copy)?;
    super::backup::integrity(&conn).map_err(|problem| {
        Error::InvalidInput(format!(
            "{} is damaged ({problem}), so it was not restored. Try an older backup. Nothing has been changed.",
            source.display()
        ))
    })?;
    check_structure(source, &conn, version)?;
    let bad_hashes: i64 = conn.query_row(
        "SELECT COUNT(*) FROM evidence WHERE file_sha256 IS NOT NULL
            AND (length(file_sha256) <> 64 OR file_sha256 GLOB '*[^0-9a-f]*')",
        [],
        |row| row.get(0),
    )?;
    if bad_hashes > 0 {
        return Err(refused(
            source,
            &format!("{bad_hashes} attached file record(s) do not hold a real SHA-256 hash"),
        ));
    }
    let orphans: i64 =
        conn.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if orphans > 0 {
        return Err(refused(
            source,
            &format!("{orphans} row(s) point at records that are not there"),
        ));
    }
    Ok(())
}

/// The schema of `conn` must be exactly the one Yardstick made at `version`.
fn check_structure(source: &Path, conn: &Connection, version: i64) -> Result<()> {
    let expected = schema_at(version)?;
    let found = schema_of(conn)?;
    if found == expected {
        return Ok(());
    }
    let extra = found.iter().find(|o| !expected.contains(o));
    let missing = expected.iter().find(|o| !found.contains(o));
    let detail = match (extra, missing) {
        _ if found.is_empty() => "it is empty: it holds none of Yardstick's tables".to_string(),
        (Some(object), _) => format!("it holds {} that Yardstick did not make", describe(object)),
        (None, Some(object)) => format!("it lacks {} that Yardstick needs", describe(object)),
        (None, None) => "its structure is not one Yardstick made".to_string(),
    };
    Err(refused(source, &detail))
}

fn describe((kind, name, _, _): &SchemaObject) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).take(60).collect();
    format!("the {kind} \"{name}\"")
}

/// Every assessment loads, so a restored database cannot leave every screen failing.
fn loads_everything(conn: &Connection) -> Result<()> {
    for summary in super::assessments::list_summaries(conn)? {
        super::load_assessment(conn, summary.id)?;
    }
    Ok(())
}

fn refused(source: &Path, detail: &str) -> Error {
    Error::InvalidInput(format!(
        "{} is not a Yardstick database that can be restored ({detail}). Choose a file made by Yardstick's backup. Nothing has been changed.",
        source.display()
    ))
}

fn scratch(parent: &Path, version: i64) -> Result<Candidate> {
    let dir = parent.join(format!(
        ".yardstick-restore-check-{}-{}",
        std::process::id(),
        super::backup::unique_suffix()
    ));
    fs::create_dir_all(&dir).map_err(|e| {
        Error::io(
            format!("Could not make a scratch folder in {}", parent.display()),
            e,
        )
    })?;
    let path = dir.join("candidate.sqlite3");
    Ok(Candidate { dir, path, version })
}
