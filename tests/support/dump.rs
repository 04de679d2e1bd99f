//! A database's whole content as text, for "nothing changed" checks after a refusal.

use yardstick::store::{self, Connection};

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
