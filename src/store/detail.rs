//! One assessment with everything in it, as the question pages, the summary, the report and
//! the JSON export need it: the assessment, its organisation, the checklist it was made
//! against (parsed from its snapshot), and its answers, evidence and actions.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::actions::{self, Action};
use super::answers::{self, Answer};
use super::assessments::{self, Assessment};
use super::evidence::{self, Evidence};
use super::organisations::{self, Organisation};
use super::snapshots;
use crate::checklist::Checklist;
use crate::checklist::ResultRule;
use crate::scoring::{assessment_results, AssessmentResults};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDetail {
    pub assessment: Assessment,
    pub organisation: Organisation,
    pub checklist: Checklist,
    /// One per question that has been touched, in checklist order.
    pub answers: Vec<Answer>,
    /// Ordered by question id, then oldest first.
    pub evidence: Vec<Evidence>,
    /// Overall actions first, then by question.
    pub actions: Vec<Action>,
    /// The mean level rounded down (see [`crate::scoring::overall_level`]); `None` for a
    /// checklist whose results are not an average, and before any level is chosen.
    pub overall_level: Option<u8>,
    /// The results by the checklist's own rule, overall and per group.
    pub results: AssessmentResults,
    /// Who contributed accepted answers, by question id: "Sam Patel (Customer Services)".
    pub contributors: BTreeMap<String, Vec<String>>,
}

/// Loads one assessment whole, reading in one transaction so the parts agree with each other.
pub fn load_assessment(conn: &Connection, id: i64) -> Result<AssessmentDetail> {
    let tx = if conn.is_autocommit() {
        Some(rusqlite::Transaction::new_unchecked(
            conn,
            rusqlite::TransactionBehavior::Deferred,
        )?)
    } else {
        None
    };
    let assessment = assessments::get_assessment(conn, id)?;
    let organisation = organisations::get_organisation(conn, assessment.organisation_id)?;
    let checklist = snapshots::assessment_checklist(conn, id)?;
    let mut answers = answers::list_answers(conn, id)?;
    let position = |question_id: &str| checklist.questions.iter().position(|q| q.id == question_id);
    answers.sort_by_key(|a| position(&a.question_id));
    let results = assessment_results(&checklist, &answers);
    let detail = AssessmentDetail {
        overall_level: match checklist.results {
            ResultRule::Average => results.overall.level,
            _ => None,
        },
        results,
        evidence: evidence::list_evidence(conn, id)?,
        contributors: crate::contributions::contributors_by_question(conn, id)?,
        actions: actions::list_actions(conn, id)?,
        assessment,
        organisation,
        checklist,
        answers,
    };
    if let Some(tx) = tx {
        tx.finish()?;
    }
    Ok(detail)
}
