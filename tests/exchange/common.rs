//! Shared set-up: database files in temporary folders, the example council, a dump of every
//! table for "nothing changed" checks, and exports as JSON values.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;
use yardstick::exchange::{self, ExportOptions};
use yardstick::store::{self, Connection};

pub use crate::dump::dump;

pub struct Db {
    pub dir: TempDir,
    pub conn: Connection,
}

pub fn new_db() -> Db {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("yardstick.sqlite3");
    let conn = store::open(&path).expect("a new database opens");
    Db { dir, conn }
}

/// A database with the example council; returns its assessment ids, oldest first.
pub fn example_db() -> (Db, Vec<i64>) {
    let db = new_db();
    let ids = yardstick::example_data::load_example_data(&db.conn).expect("example data");
    (db, ids)
}

pub fn export(conn: &Connection, id: i64, with_files: bool) -> Value {
    let bytes = exchange::export_json(conn, id, &ExportOptions { with_files }).expect("export");
    serde_json::from_slice(&bytes).expect("an export is JSON")
}

/// The document without the `exported` block, the only part the format says is local to
/// the machine that wrote it.
pub fn portable(mut document: Value) -> Value {
    document
        .as_object_mut()
        .expect("a document is an object")
        .remove("exported");
    document
}

pub fn write_json(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
    path
}
