//! Starting an assessment the way a user asks for it: an organisation chosen or named (and
//! created if new), the assessor remembered for next time, a checklist by id (or "the one last
//! year used"), and last year's answers carried forward, all in one transaction. The desktop
//! app and the CLI both call [`start_assessment`], so they cannot pick different checklists or
//! leave a new organisation behind when the assessment itself is refused.

use std::path::Path;

use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use super::assessments::{self, Assessment, NewAssessment};
use super::organisations::{self, OrganisationKind};
use super::{settings, snapshots, write};
use crate::checklist::{find_checklist, find_checklist_version, DEFAULT_CHECKLIST_ID};
use crate::{Error, Field, Result};

/// Which organisation the assessment is of.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "choice")]
pub enum OrganisationChoice {
    /// One already in the database.
    Existing { id: i64 },
    /// A new organisation, created with the assessment (and not at all if it is refused).
    New {
        name: String,
        kind: OrganisationKind,
    },
    /// The organisation with this name, or a new one of kind "other" if there is none.
    Named { name: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartAssessment {
    pub organisation: OrganisationChoice,
    /// Financial year, e.g. "2026/27".
    pub period: String,
    /// Who is assessing; `None` means the name saved in the settings. A name given becomes the
    /// saved one, so the next start and the audit trail use it.
    pub assessor: Option<String>,
    /// `None`: the checklist the `from` assessment used, else the default checklist.
    pub checklist_id: Option<String>,
    /// A version of `checklist_id` to use; `None` means its newest version.
    pub checklist_version: Option<String>,
    /// What within the organisation is assessed (a service, a system); `None` means the
    /// `from` assessment's scope, else the whole organisation.
    #[serde(default)]
    #[ts(optional)]
    pub scope: Option<String>,
    /// The id of one of the checklist's target profiles to set the targets from; `None` for
    /// none (targets then come from the `from` assessment, if any).
    #[serde(default)]
    #[ts(optional)]
    pub profile: Option<String>,
    /// Carry answers, evidence and open actions forward from this assessment.
    pub from_assessment_id: Option<i64>,
}

/// Creates the assessment with a snapshot of the chosen checklist. `data_dir` is where user
/// checklists live (`<data dir>/checklists`).
pub fn start_assessment(
    conn: &Connection,
    data_dir: &Path,
    request: &StartAssessment,
) -> Result<Assessment> {
    // Read before the write lock is taken: it touches files, not the database.
    let source = checklist_source(conn, data_dir, request)?;
    write(conn, |tx| {
        let organisation_id = organisation_id(tx, &request.organisation)?;
        let assessor = match request.assessor.as_deref().map(str::trim) {
            Some(name) => {
                if settings::get(tx, settings::ASSESSOR_NAME)?.as_deref() != Some(name) {
                    settings::set(tx, settings::ASSESSOR_NAME, name)?;
                }
                name.to_string()
            }
            None => settings::get(tx, settings::ASSESSOR_NAME)?.unwrap_or_default(),
        };
        let scope = match (&request.scope, request.from_assessment_id) {
            (Some(scope), _) => scope.clone(),
            (None, Some(from)) => {
                assessments::get_assessment(tx, from)
                    .map_err(|e| e.on(Field::PreviousAssessment))?
                    .scope
            }
            (None, None) => String::new(),
        };
        assessments::create_assessment(
            tx,
            &NewAssessment {
                organisation_id,
                period: &request.period,
                assessor: &assessor,
                checklist_source: &source,
                scope: &scope,
                profile: request.profile.as_deref(),
                from: request.from_assessment_id,
            },
        )
        .map_err(|error| match error.kind() {
            crate::ErrorKind::NotFound if request.from_assessment_id.is_some() => {
                error.on(Field::PreviousAssessment)
            }
            _ => error,
        })
    })
}

fn organisation_id(conn: &Connection, choice: &OrganisationChoice) -> Result<i64> {
    match choice {
        OrganisationChoice::Existing { id } => Ok(organisations::get_organisation(conn, *id)
            .map_err(|e| e.on(Field::Organisation))?
            .id),
        OrganisationChoice::New { name, kind } => {
            Ok(organisations::create_organisation(conn, name, *kind, None)?.id)
        }
        OrganisationChoice::Named { name } => match organisations::find_by_name(conn, name)? {
            Some(existing) => Ok(existing.id),
            None => {
                Ok(
                    organisations::create_organisation(conn, name, OrganisationKind::Other, None)?
                        .id,
                )
            }
        },
    }
}

fn checklist_source(
    conn: &Connection,
    data_dir: &Path,
    request: &StartAssessment,
) -> Result<String> {
    let chosen = match (&request.checklist_id, request.from_assessment_id) {
        (Some(id), _) => match &request.checklist_version {
            Some(version) => find_checklist_version(data_dir, id, version).map(|c| c.source_text),
            None => find_checklist(data_dir, id).map(|c| c.source_text),
        },
        (None, Some(previous)) => {
            // The newest installed version of the checklist last year's assessment used, so
            // wording fixes reach this year; if it is no longer installed, the exact one used.
            let used = assessments::get_assessment(conn, previous)
                .map_err(|e| e.on(Field::PreviousAssessment))?
                .checklist;
            return match find_checklist(data_dir, &used.checklist_id) {
                Ok(found) => Ok(found.source_text),
                Err(_) => snapshots::snapshot_source(
                    conn,
                    snapshots::snapshot_id_of_assessment(conn, previous)?,
                ),
            };
        }
        (None, None) => find_checklist(data_dir, DEFAULT_CHECKLIST_ID).map(|c| c.source_text),
    };
    chosen.map_err(|e: Error| e.on(Field::Checklist))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{self, organisations::OrganisationKind};
    use crate::ErrorKind;

    fn request(organisation: OrganisationChoice, version: Option<&str>) -> StartAssessment {
        StartAssessment {
            organisation,
            period: "2026/27".into(),
            assessor: Some("Alex Morgan".into()),
            checklist_id: Some(DEFAULT_CHECKLIST_ID.into()),
            checklist_version: version.map(Into::into),
            scope: None,
            profile: None,
            from_assessment_id: None,
        }
    }

    fn new_org(name: &str) -> OrganisationChoice {
        OrganisationChoice::New {
            name: name.into(),
            kind: OrganisationKind::District,
        }
    }

    #[test]
    fn the_version_chosen_on_the_start_page_is_the_one_snapshotted() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let started =
            start_assessment(&conn, dir.path(), &request(new_org("Ashford"), Some("1.0"))).unwrap();
        assert_eq!(started.checklist.checklist_id, DEFAULT_CHECKLIST_ID);
        assert_eq!(started.checklist.version, "1.0");
        assert_eq!(
            settings::get(&conn, settings::ASSESSOR_NAME)
                .unwrap()
                .as_deref(),
            Some("Alex Morgan"),
            "the assessor typed on the start page is remembered for next time"
        );
    }

    #[test]
    fn a_version_that_is_not_installed_is_refused_on_the_checklist_field() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let error = start_assessment(&conn, dir.path(), &request(new_org("Ashford"), Some("9.9")))
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NotFound, "{error}");
        assert_eq!(error.field(), Some(Field::Checklist));
    }

    #[test]
    fn a_refused_start_leaves_no_new_organisation_or_saved_name_behind() {
        // Three writes that used to be separate: a bad period must undo all of them, or a
        // second try meets "there is already an organisation called …".
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let mut bad = request(new_org("Ashford"), None);
        bad.period = "2026-27".into();
        let error = start_assessment(&conn, dir.path(), &bad).unwrap_err();
        assert_eq!(error.field(), Some(Field::Period), "{error}");
        assert!(organisations::list_organisations(&conn).unwrap().is_empty());
        assert_eq!(settings::get(&conn, settings::ASSESSOR_NAME).unwrap(), None);
        bad.period = "2026/27".into();
        start_assessment(&conn, dir.path(), &bad).expect("the corrected request starts");
    }

    #[test]
    fn a_second_assessment_for_the_period_is_a_conflict_on_the_period_field() {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        start_assessment(&conn, dir.path(), &request(new_org("Ashford"), None)).unwrap();
        let named = OrganisationChoice::Named {
            name: "Ashford".into(),
        };
        let error = start_assessment(&conn, dir.path(), &request(named, None)).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Conflict);
        assert_eq!(error.field(), Some(Field::Period));
    }
}
