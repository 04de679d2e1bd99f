//! Feeds arbitrary bytes to the JSON import, against a real database file holding the example
//! council. Whatever the input, the import must store an assessment or refuse with an error —
//! never panic, hang or overflow — and a refused import must leave the database as it was.
//! What it stores must export again, or the user would hold a record they cannot send on.
//!
//! Each input runs inside a transaction that is rolled back afterwards (the import nests in
//! it as a savepoint), so every input meets the same database and a crash reproduces alone.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;
use yardstick::exchange::{self, ExportOptions, ImportOptions, ImportOutcome, OnConflict};
use yardstick::store::{self, Connection};

struct Store {
    // Kept so the folder (database and evidence files) lives as long as the process.
    _dir: TempDir,
    conn: std::sync::Mutex<Connection>,
}

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let conn = store::open(&dir.path().join("fuzz.sqlite3")).expect("a new database opens");
        // With the example council present, exports of it meet the conflict rules too.
        yardstick::example_data::load_example_data(&conn).expect("example data");
        Store {
            _dir: dir,
            conn: std::sync::Mutex::new(conn),
        }
    })
}

fn assessments(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM assessment", [], |r| r.get(0))
        .expect("count")
}

fuzz_target!(|data: &[u8]| {
    let store = store();
    let conn = store.conn.lock().unwrap();
    // The options come from the length, so the JSON bytes stay untouched for the mutator.
    let options = ImportOptions {
        as_peer: data.len() % 2 == 1,
        on_conflict: [OnConflict::Refuse, OnConflict::Copy, OnConflict::Skip][data.len() / 2 % 3],
    };
    conn.execute_batch("BEGIN").expect("begin");
    let before = assessments(&conn);
    match exchange::import_json_bytes(&conn, "fuzz.json", data, &options) {
        Ok(ImportOutcome::Skipped { .. }) => {
            assert_eq!(assessments(&conn), before, "a skipped import writes nothing");
        }
        Ok(outcome) => {
            assert_eq!(assessments(&conn), before + 1, "{outcome:?}");
            let id = outcome.assessment_id();
            exchange::export_json(&conn, id, &ExportOptions { with_files: true })
                .unwrap_or_else(|e| panic!("an imported assessment exports again: {e}"));
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
            assert_eq!(assessments(&conn), before, "a refused import writes nothing");
        }
    }
    conn.execute_batch("ROLLBACK").expect("rollback");
});
