//! Shared set-up: database files in temporary folders, the example council, a dump of every
//! table for "nothing changed" checks, and exports as JSON values.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;
use yardstick::exchange::{self, ExportOptions};
use yardstick::store::{self, Connection};

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

/// Every row of every table, and the files in the evidence folder, as sorted text: equal
/// dumps mean equal content.
pub fn dump(conn: &Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    if let Some(dir) = store::evidence_dir(conn) {
        if let Ok(entries) = std::fs::read_dir(dir) {
            out.extend(entries.map(|e| format!("file: {:?}", e.unwrap().file_name())));
        }
    }
    out.sort();
    out
}
