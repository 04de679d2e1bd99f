//! Telling a Yardstick database from any other file before anything is written to it. Opening
//! a file with Yardstick's pragmas switches it to WAL for good, so the file is first read
//! through a read-only connection, which changes nothing, and only a new (missing or empty)
//! file or one marked with Yardstick's application id is opened for writing. Special files
//! (FIFOs, devices, folders) are refused before they are opened, because opening one can hang.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::migrations::APPLICATION_ID;
use crate::{Error, Result};

/// What a file on disk turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Identity {
    /// No file, an empty file, or an SQLite file with nothing in it: safe to initialise.
    New,
    /// A Yardstick database at this schema version.
    Yardstick(i64),
}

/// Identifies the file at `path` without changing it.
pub(crate) fn identify(path: &Path) -> Result<Identity> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Identity::New),
        Err(e) => {
            return Err(Error::io(
                format!("Could not read the database {}", path.display()),
                e,
            ))
        }
    };
    if !metadata.is_file() {
        return Err(Error::InvalidInput(format!(
            "{} is not an ordinary file (it is a folder or a special file), so Yardstick has left it alone. Choose a Yardstick database file.",
            path.display()
        )));
    }
    if metadata.len() == 0 {
        return Ok(Identity::New);
    }
    let header = read_only(path)
        .and_then(|conn| {
            let pragma = |name: &str| -> rusqlite::Result<i64> {
                conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
            };
            let objects: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
                r.get(0)
            })?;
            Ok((
                pragma("application_id")?,
                pragma("user_version")?,
                objects,
            ))
        })
        .or_else(|e| header_of_ours(path).ok_or(e))
        .map_err(|e| {
            Error::InvalidInput(format!(
                "{} is not a database Yardstick can open ({e}), so it has been left alone. Choose a Yardstick database file, or a new file name to start an empty one.",
                path.display()
            ))
        })?;
    match header {
        (id, version, _) if id == i64::from(APPLICATION_ID) => Ok(Identity::Yardstick(version)),
        (0, 0, 0) => Ok(Identity::New),
        _ => Err(Error::InvalidInput(format!(
            "{} is an SQLite database but not a Yardstick one, so Yardstick has left it alone. Choose a Yardstick database, or a new file name to start an empty one.",
            path.display()
        ))),
    }
}

/// The file header read directly, for when SQLite will not read the file without writing
/// (a WAL left by a crash needs recovering, which a read-only connection cannot do): the
/// marks at the fixed offsets of an SQLite header, if they are Yardstick's. The version is
/// not trusted from here, so it is given as 1 and the real one is read after opening.
fn header_of_ours(path: &Path) -> Option<(i64, i64, i64)> {
    use std::io::Read;
    let mut header = [0u8; 100];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .ok()?;
    let application_id = i32::from_be_bytes(header[68..72].try_into().ok()?);
    (header.starts_with(b"SQLite format 3\0") && application_id == APPLICATION_ID).then_some((
        i64::from(APPLICATION_ID),
        1,
        1,
    ))
}

/// A connection that cannot write: no pragmas, no journal, so the file stays as it was.
pub(crate) fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}
