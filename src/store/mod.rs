//! The SQLite store: opening a database file with the pragmas Yardstick relies on, and
//! bringing its schema up to date. Repository modules below take `&Connection` or
//! `&Transaction` and own one table or aggregate each.

pub mod assessments;

pub use rusqlite::{Connection, Transaction};
mod migrations;

use std::path::Path;

use rusqlite::Connection;

use crate::{Error, Result};

pub use migrations::SCHEMA_VERSION;

/// Opens (creating if needed) the database at `path`, sets the pragmas and applies pending
/// migrations.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            Error::io(
                format!("Could not create the folder {} for the database", parent.display()),
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
    set_pragmas(&conn)?;
    migrations::migrate(&mut conn, path)?;
    Ok(conn)
}

fn set_pragmas(conn: &Connection) -> Result<()> {
    // WAL with synchronous=FULL: a write the UI reported as saved survives a crash or power cut.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 5000;",
    )?;
    Ok(())
}
