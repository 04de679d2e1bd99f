//! Checklist snapshots: the exact checklist file an assessment was made against, kept in the
//! database (id, version, sha256, full text) so an old assessment renders the same after its
//! checklist file is edited or removed. Identical files share one snapshot.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::now;
use crate::checklist::{parse_checklist, Checklist};
use crate::{Error, Result};

/// Which checklist file an assessment used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotInfo {
    pub checklist_id: String,
    /// The checklist's own title, e.g. "Digital best practice checklist".
    pub title: String,
    pub version: String,
    pub sha256: String,
}

/// Lower-case hex SHA-256 of some bytes; used for snapshots and evidence files alike.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    digest
        .iter()
        .fold(String::with_capacity(64), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

/// Stores the checklist source text (if this exact text is not stored yet) and returns the
/// snapshot's row id. The text is parsed first so a broken file never becomes a snapshot.
pub fn store_snapshot(conn: &Connection, source_text: &str) -> Result<i64> {
    let sha256 = sha256_hex(source_text.as_bytes());
    if let Some(id) = conn
        .query_row(
            "SELECT id FROM checklist_snapshot WHERE sha256 = ?1",
            [&sha256],
            |row| row.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    let checklist = parse_checklist("checklist", source_text)
        .map_err(|report| Error::InvalidInput(report.to_string()))?;
    conn.execute(
        "INSERT INTO checklist_snapshot (checklist_id, title, version, sha256, content, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            checklist.id,
            checklist.title,
            checklist.version,
            sha256,
            source_text,
            now()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Fills in the title of every snapshot stored before titles were kept (schema 4).
pub(super) fn fill_in_titles(conn: &Connection) -> Result<()> {
    let mut statement =
        conn.prepare("SELECT id, content FROM checklist_snapshot WHERE title = ''")?;
    let untitled = statement
        .query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, content) in untitled {
        let checklist = parse_snapshot(id, &content)?;
        conn.execute(
            "UPDATE checklist_snapshot SET title = ?2 WHERE id = ?1",
            params![id, checklist.title],
        )?;
    }
    Ok(())
}

/// The checklist of one assessment, parsed from its snapshot.
pub fn assessment_checklist(conn: &Connection, assessment_id: i64) -> Result<Checklist> {
    let found: Option<(i64, String)> = conn
        .query_row(
            "SELECT s.id, s.content FROM assessment a JOIN checklist_snapshot s ON s.id = a.checklist_snapshot_id
              WHERE a.id = ?1",
            [assessment_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let (snapshot_id, content) = found.ok_or_else(|| {
        Error::NotFound(format!(
            "There is no assessment with id {assessment_id}. It may have been deleted."
        ))
    })?;
    parse_snapshot(snapshot_id, &content)
}

/// The checklist stored as snapshot `snapshot_id`, parsed.
pub fn parse_stored(conn: &Connection, snapshot_id: i64) -> Result<Checklist> {
    parse_snapshot(snapshot_id, &snapshot_source(conn, snapshot_id)?)
}

/// The text of a snapshot, for exporting an assessment with the checklist it used.
pub fn snapshot_source(conn: &Connection, snapshot_id: i64) -> Result<String> {
    conn.query_row(
        "SELECT content FROM checklist_snapshot WHERE id = ?1",
        [snapshot_id],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| missing(snapshot_id))
}

fn parse_snapshot(snapshot_id: i64, content: &str) -> Result<Checklist> {
    let label = format!("checklist snapshot {snapshot_id}");
    parse_checklist(&label, content).map_err(|report| {
        // A snapshot was valid when stored; failing now means a newer parser became stricter.
        Error::Internal(format!(
            "The checklist stored with this assessment can no longer be read: {report}. Please report this; the assessment itself is unchanged."
        ))
    })
}

fn missing(snapshot_id: i64) -> Error {
    Error::NotFound(format!(
        "There is no checklist snapshot with id {snapshot_id}."
    ))
}

/// The snapshot an assessment was made against.
pub fn snapshot_id_of_assessment(conn: &Connection, assessment_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT checklist_snapshot_id FROM assessment WHERE id = ?1",
        [assessment_id],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("There is no assessment with id {assessment_id}.")))
}
