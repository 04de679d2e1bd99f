//! Starting an assessment the way a user asks for it: by checklist id (or "the one last year
//! used"), rather than by checklist text. The desktop app and the CLI share this so they pick
//! the same checklist version for the same request.

use std::path::Path;

use rusqlite::Connection;

use super::assessments::{self, Assessment, NewAssessment};
use super::snapshots;
use crate::checklist::{find_checklist, DEFAULT_CHECKLIST_ID};
use crate::Result;

pub struct StartAssessment<'a> {
    pub organisation_id: i64,
    pub period: &'a str,
    pub assessor: &'a str,
    /// `None`: the checklist the `from` assessment used, else the default checklist.
    pub checklist_id: Option<&'a str>,
    /// Carry answers, evidence and open actions forward from this assessment.
    pub from: Option<i64>,
}

/// Creates the assessment with a snapshot of the chosen checklist. `data_dir` is where user
/// checklists live (`<data dir>/checklists`).
pub fn start_assessment(
    conn: &Connection,
    data_dir: &Path,
    request: &StartAssessment,
) -> Result<Assessment> {
    let source = checklist_source(conn, data_dir, request.checklist_id, request.from)?;
    assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id: request.organisation_id,
            period: request.period,
            assessor: request.assessor,
            checklist_source: &source,
            from: request.from,
        },
    )
}

fn checklist_source(
    conn: &Connection,
    data_dir: &Path,
    checklist_id: Option<&str>,
    from: Option<i64>,
) -> Result<String> {
    match (checklist_id, from) {
        (Some(id), _) => Ok(find_checklist(data_dir, id)?.source_text),
        (None, Some(previous)) => {
            // The newest installed version of the checklist last year's assessment used, so
            // wording fixes reach this year; if it is no longer installed, the exact one used.
            let used = assessments::get_assessment(conn, previous)?.checklist;
            match find_checklist(data_dir, &used.checklist_id) {
                Ok(found) => Ok(found.source_text),
                Err(_) => snapshots::snapshot_source(
                    conn,
                    snapshots::snapshot_id_of_assessment(conn, previous)?,
                ),
            }
        }
        (None, None) => Ok(find_checklist(data_dir, DEFAULT_CHECKLIST_ID)?.source_text),
    }
}
