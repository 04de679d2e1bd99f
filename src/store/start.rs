//! Starting an assessment the way a user asks for it: by checklist id (or "the one last year
//! used"), rather than by checklist text. The desktop app and the CLI share this so they pick
//! the same checklist version for the same request.

use std::path::Path;

use rusqlite::Connection;

use super::assessments::{self, Assessment, NewAssessment};
use super::snapshots;
use crate::checklist::{find_checklist, find_checklist_version, DEFAULT_CHECKLIST_ID};
use crate::Result;

pub struct StartAssessment<'a> {
    pub organisation_id: i64,
    pub period: &'a str,
    pub assessor: &'a str,
    /// `None`: the checklist the `from` assessment used, else the default checklist.
    pub checklist_id: Option<&'a str>,
    /// A version of `checklist_id` to use; `None` means its newest version.
    pub checklist_version: Option<&'a str>,
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
    let source = checklist_source(conn, data_dir, request)?;
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
    request: &StartAssessment,
) -> Result<String> {
    match (request.checklist_id, request.from) {
        (Some(id), _) => match request.checklist_version {
            Some(version) => Ok(find_checklist_version(data_dir, id, version)?.source_text),
            None => Ok(find_checklist(data_dir, id)?.source_text),
        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{self, organisations, organisations::OrganisationKind};
    use crate::Error;

    fn request<'a>(organisation_id: i64, version: Option<&'a str>) -> StartAssessment<'a> {
        StartAssessment {
            organisation_id,
            period: "2026/27",
            assessor: "Alex Morgan",
            checklist_id: Some(DEFAULT_CHECKLIST_ID),
            checklist_version: version,
            from: None,
        }
    }

    #[test]
    fn the_version_chosen_on_the_start_page_is_the_one_snapshotted() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let org =
            organisations::create_organisation(&conn, "Ashford", OrganisationKind::District, None)
                .unwrap();
        let started = start_assessment(&conn, dir.path(), &request(org.id, Some("1.0"))).unwrap();
        assert_eq!(started.checklist.checklist_id, DEFAULT_CHECKLIST_ID);
        assert_eq!(started.checklist.version, "1.0");
    }

    #[test]
    fn a_version_that_is_not_installed_is_refused_rather_than_silently_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let org =
            organisations::create_organisation(&conn, "Ashford", OrganisationKind::District, None)
                .unwrap();
        let error = start_assessment(&conn, dir.path(), &request(org.id, Some("9.9"))).unwrap_err();
        assert!(matches!(error, Error::NotFound(_)), "{error}");
    }
}
