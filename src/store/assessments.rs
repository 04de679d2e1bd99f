//! Assessments as the home screen and `yardstick list` see them: one summary row each.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::Result;

/// One assessment on the home screen: who, when, how far along.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentSummary {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub period: String,
    pub status: String,
    pub assessor: String,
    pub answered: u32,
    pub question_count: u32,
    pub updated_at: String,
}

/// Every assessment, grouped by organisation name and newest period first.
pub fn list_summaries(conn: &Connection) -> Result<Vec<AssessmentSummary>> {
    let mut statement = conn.prepare(
        "SELECT a.id, o.id, o.name, a.period, a.status, a.assessor,
                (SELECT COUNT(*) FROM answer n WHERE n.assessment_id = a.id AND n.level IS NOT NULL),
                a.question_count, a.updated_at
           FROM assessment a JOIN organisation o ON o.id = a.organisation_id
          ORDER BY o.name COLLATE NOCASE, a.period DESC, a.id DESC",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(AssessmentSummary {
            id: row.get(0)?,
            organisation_id: row.get(1)?,
            organisation: row.get(2)?,
            period: row.get(3)?,
            status: row.get(4)?,
            assessor: row.get(5)?,
            answered: row.get(6)?,
            question_count: row.get(7)?,
            updated_at: row.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}
