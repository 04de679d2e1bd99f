//! Example data: "Example District Council" with three years of assessments (2024/25 and
//! 2025/26 final, 2026/27 a draft) of the default checklist, with rationales, evidence and
//! actions that improve year on year, so comparison and the report can be tried at once. The
//! content is data (`example_data.toml`); this module loads it through the ordinary store
//! functions, so it obeys every rule real data does.

use rusqlite::Connection;
use serde::Deserialize;

use crate::checklist::{builtin_checklists, DEFAULT_CHECKLIST_ID};
use crate::store::actions::{self, ActionInput, ActionStatus};
use crate::store::answers::{self, AnswerInput, Confidence};
use crate::store::assessments::{self, NewAssessment};
use crate::store::evidence;
use crate::store::organisations::{self, OrganisationKind};
use crate::{Error, Result};

const CONTENT: &str = include_str!("example_data.toml");

#[derive(Deserialize)]
struct Example {
    organisation: Org,
    assessments: Vec<Year>,
}

#[derive(Deserialize)]
struct Org {
    name: String,
    kind: OrganisationKind,
}

#[derive(Deserialize)]
struct Year {
    period: String,
    assessor: String,
    approver: Option<String>,
    answers: Vec<ExampleAnswer>,
    actions: Vec<ExampleAction>,
}

#[derive(Deserialize)]
struct ExampleAnswer {
    question: String,
    level: u8,
    target: u8,
    confidence: Confidence,
    rationale: String,
    evidence: Vec<ExampleEvidence>,
}

#[derive(Deserialize)]
struct ExampleEvidence {
    url: Option<String>,
    note: String,
}

#[derive(Deserialize)]
struct ExampleAction {
    question: Option<String>,
    title: String,
    owner: String,
    due: String,
    status: ActionStatus,
    #[serde(default)]
    notes: String,
}

/// Loads the example council and its assessments in one transaction and returns the new
/// assessment ids, oldest first. Refused (`Conflict`) if the example council is already there.
pub fn load_example_data(conn: &Connection) -> Result<Vec<i64>> {
    let example: Example = toml::from_str(CONTENT).map_err(|e| {
        Error::Internal(format!("The built-in example data could not be read: {e}"))
    })?;
    let checklist = builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .ok_or_else(|| {
            Error::Internal("The default checklist is missing from this build of Yardstick.".into())
        })?;
    crate::store::write(conn, |tx| {
        if organisations::find_by_name(tx, &example.organisation.name)?.is_some() {
            return Err(Error::Conflict(format!(
                "The example data is already loaded: there is an organisation called \"{}\". Delete it first to load the example again.",
                example.organisation.name
            )));
        }
        let organisation = organisations::create_organisation(
            tx,
            &example.organisation.name,
            example.organisation.kind,
            None,
        )?;
        example
            .assessments
            .iter()
            .map(|year| load_year(tx, organisation.id, &checklist.source_text, year))
            .collect()
    })
}

fn load_year(
    conn: &Connection,
    organisation_id: i64,
    checklist_source: &str,
    year: &Year,
) -> Result<i64> {
    let assessment = assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id,
            period: &year.period,
            assessor: &year.assessor,
            checklist_source,
            scope: "",
            profile: None,
            from: None,
        },
    )?;
    for answer in &year.answers {
        let input = AnswerInput {
            level: Some(answer.level),
            rationale: answer.rationale.clone(),
            confidence: Some(answer.confidence),
            target_level: Some(answer.target),
            not_applicable: None,
        };
        answers::save_answer(conn, assessment.id, &answer.question, &input)?;
        for item in &answer.evidence {
            match &item.url {
                Some(url) => {
                    evidence::add_link(conn, assessment.id, &answer.question, url, &item.note)?
                }
                None => evidence::add_note(conn, assessment.id, &answer.question, &item.note)?,
            };
        }
    }
    for action in &year.actions {
        let input = ActionInput {
            question_id: action.question.clone(),
            title: action.title.clone(),
            owner: action.owner.clone(),
            due_date: Some(action.due.clone()),
            status: action.status,
            notes: action.notes.clone(),
        };
        actions::add_action(conn, assessment.id, &input)?;
    }
    if let Some(approver) = &year.approver {
        assessments::finalise(conn, assessment.id, approver)?;
    }
    Ok(assessment.id)
}
