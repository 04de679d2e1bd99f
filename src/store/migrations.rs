//! Schema migrations: numbered SQL files embedded in the binary, applied in one IMMEDIATE
//! transaction, with the version kept in `PRAGMA user_version`. A copy of the database is
//! written before any upgrade, and a database from a newer Yardstick is refused untouched.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_peer.sql"),
    include_str!("migrations/0003_peer_organisations.sql"),
    include_str!("migrations/0004_checklists_apart.sql"),
    include_str!("migrations/0005_not_applicable_and_profiles.sql"),
    include_str!("migrations/0006_contributions.sql"),
    include_str!("migrations/0007_contribution_files_and_answering.sql"),
];

/// The version whose migration adds `checklist_snapshot.title`, which SQL cannot read out of
/// a checklist file: the runner parses each stored snapshot to fill it in.
const SNAPSHOT_TITLES: usize = 4;

/// The schema version this build of Yardstick writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every Yardstick database ("YRDS" in ASCII), so a restore or an
/// open can tell a Yardstick file from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x5952_4453;

pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "The database {} was written by a newer version of Yardstick (schema {current}; this version understands up to {SCHEMA_VERSION}). Install the newer Yardstick to open it; the file has not been changed.",
            path.display()
        )));
    }
    if current == 0 && has_foreign_tables(conn)? {
        return Err(Error::InvalidInput(format!(
            "{} is an SQLite database but not a Yardstick one, so Yardstick has left it alone. Choose a Yardstick database, or a new file name to start an empty one.",
            path.display()
        )));
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    if current > 0 {
        backup_before_upgrade(conn, path, current)?;
    }
    // A migration that rebuilds a table must not cascade deletes into the tables that point
    // at it, so foreign keys are off while migrations run (it cannot change inside a
    // transaction) and checked in full before the upgrade commits.
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = apply(conn, path, current);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

fn apply(conn: &mut Connection, path: &Path, current: i64) -> Result<()> {
    let failed = |version: usize, detail: String| {
        Error::Internal(format!(
            "Upgrading the database {} to schema {version} failed: {detail}. Nothing was changed.",
            path.display()
        ))
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)
            .map_err(|e| failed(index + 1, e.to_string()))?;
        if index + 1 == SNAPSHOT_TITLES {
            super::snapshots::fill_in_titles(&tx).map_err(|e| failed(index + 1, e.full_text()))?;
        }
    }
    let broken: i64 = tx.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| {
        row.get(0)
    })?;
    if broken > 0 {
        return Err(failed(
            MIGRATIONS.len(),
            format!("{broken} row(s) would point at records that are not there"),
        ));
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// One schema object as `sqlite_master` records it: type, name, table and SQL text.
pub(crate) type SchemaObject = (String, String, String, Option<String>);

/// Every schema object of `conn`, in a fixed order, for comparing one database's structure
/// with another's. SQLite's statistics tables are left out: `ANALYZE` may add them to any
/// database and they hold no data of ours.
pub(crate) fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut statement = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master
          WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
    })?;
    rows.collect()
}

/// The schema a database made by Yardstick has at `version`, built by applying the shipped
/// migrations to an empty database in memory, so it can never drift from what the app writes.
pub(crate) fn schema_at(version: i64) -> Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    for sql in MIGRATIONS
        .iter()
        .take(version.clamp(0, SCHEMA_VERSION) as usize)
    {
        conn.execute_batch(sql)?;
    }
    Ok(schema_of(&conn)?)
}

/// A database at version 0 that already holds tables belongs to some other program.
fn has_foreign_tables(conn: &Connection) -> Result<bool> {
    let count: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        [],
        |row| row.get(0),
    )?;
    Ok(count > 0)
}

/// Writes `<file>.schema-<N>.bak` beside the database with SQLite's online backup, so an
/// upgrade that goes wrong can be undone by hand.
fn backup_before_upgrade(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".schema-{version}.bak"));
    let backup_path = path.with_file_name(name);
    conn.backup(rusqlite::MAIN_DB, &backup_path, None)
        .map_err(|e| {
            Error::Internal(format!(
                "Could not write a backup of {} to {} before upgrading it: {e}. The database was not upgraded.",
                path.display(),
                backup_path.display()
            ))
        })
}
