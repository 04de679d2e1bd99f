//! The audit trail: one row for every change to an assessment (when, who, what, old → new),
//! so a reviewer can see how a score came about and who reopened a signed-off assessment.
//! Rows are only ever added; they go only when their assessment is deleted.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::{now, settings};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEvent {
    pub id: i64,
    pub assessment_id: i64,
    pub at: String,
    pub who: String,
    /// What changed, in words, e.g. "promotion: level".
    pub what: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// Records one change. Call it inside the transaction that makes the change, so the change
/// and its record commit together or not at all.
pub fn record(
    conn: &Connection,
    assessment_id: i64,
    what: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<()> {
    let who = settings::current_assessor(conn)?;
    conn.execute(
        "INSERT INTO audit_event (assessment_id, at, who, what, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![assessment_id, now(), who, what, old_value, new_value],
    )?;
    Ok(())
}

/// Records a change only when the value actually changed, so an autosave of an untouched
/// field leaves no noise in the trail.
pub fn record_change(
    conn: &Connection,
    assessment_id: i64,
    what: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<()> {
    if old_value == new_value {
        return Ok(());
    }
    record(conn, assessment_id, what, old_value, new_value)
}

/// The trail of one assessment, oldest first.
pub fn list_events(conn: &Connection, assessment_id: i64) -> Result<Vec<AuditEvent>> {
    let mut statement = conn.prepare(
        "SELECT id, assessment_id, at, who, what, old_value, new_value
           FROM audit_event WHERE assessment_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([assessment_id], |row| {
        Ok(AuditEvent {
            id: row.get(0)?,
            assessment_id: row.get(1)?,
            at: row.get(2)?,
            who: row.get(3)?,
            what: row.get(4)?,
            old_value: row.get(5)?,
            new_value: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
