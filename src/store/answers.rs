//! Answers: for each question of an assessment, the level chosen (or "not assessed"), the
//! rationale, the confidence in the evidence and the target level. Levels are checked against
//! the scale of the assessment's own checklist snapshot, never a hard-coded one.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{assessments, audit, now, snapshots, validate, write};
use crate::checklist::Checklist;
use crate::{Error, Field, Result};

/// How far the evidence supports the level chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }

    pub fn parse(value: &str) -> Result<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "low" => Ok(Self::Low),
            "medium" => Ok(Self::Medium),
            "high" => Ok(Self::High),
            _ => Err(Error::InvalidInput(format!(
                "\"{value}\" is not a confidence. Use low, medium or high."
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub question_id: String,
    /// `None` is "not assessed".
    pub level: Option<u8>,
    pub rationale: String,
    pub confidence: Option<Confidence>,
    pub target_level: Option<u8>,
    /// The reason, when the assessor judged the question not applicable; such an answer has
    /// no level and is left out of every result.
    pub not_applicable: Option<String>,
    /// Copied from an earlier assessment and not yet saved in this one: the task list shows
    /// it as "in progress" so the assessor reviews it.
    pub carried_forward: bool,
    pub updated_at: String,
}

/// Everything the user can set on one answer; saving replaces all of it (autosave sends the
/// whole form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerInput {
    pub level: Option<u8>,
    pub rationale: String,
    pub confidence: Option<Confidence>,
    pub target_level: Option<u8>,
    /// The reason the question does not apply; `None` (or absent) for an applicable answer.
    #[serde(default)]
    #[ts(optional)]
    pub not_applicable: Option<String>,
}

impl From<&Answer> for AnswerInput {
    fn from(answer: &Answer) -> Self {
        AnswerInput {
            level: answer.level,
            rationale: answer.rationale.clone(),
            confidence: answer.confidence,
            target_level: answer.target_level,
            not_applicable: answer.not_applicable.clone(),
        }
    }
}

const COLUMNS: &str = "question_id, level, rationale, confidence, target_level, carried_forward, updated_at, not_applicable_reason";

fn from_row(row: &Row) -> rusqlite::Result<Answer> {
    let confidence: Option<String> = row.get(3)?;
    Ok(Answer {
        question_id: row.get(0)?,
        level: row.get(1)?,
        rationale: row.get(2)?,
        confidence: confidence.and_then(|c| Confidence::parse(&c).ok()),
        target_level: row.get(4)?,
        carried_forward: row.get(5)?,
        updated_at: row.get(6)?,
        not_applicable: row.get(7)?,
    })
}

pub fn get_answer(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
) -> Result<Option<Answer>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM answer WHERE assessment_id = ?1 AND question_id = ?2"),
            params![assessment_id, question_id],
            from_row,
        )
        .optional()?)
}

/// The answers of one assessment, in no particular order (the checklist gives the order).
pub fn list_answers(conn: &Connection, assessment_id: i64) -> Result<Vec<Answer>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM answer WHERE assessment_id = ?1"
    ))?;
    let rows = statement.query_map([assessment_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every answer in the database, by assessment, for lists that summarise many assessments.
pub(crate) fn answers_by_assessment(
    conn: &Connection,
) -> Result<std::collections::HashMap<i64, Vec<Answer>>> {
    let mut statement = conn.prepare(&format!("SELECT assessment_id, {COLUMNS} FROM answer"))?;
    let mut rows = statement.query([])?;
    let mut by_assessment: std::collections::HashMap<i64, Vec<Answer>> = Default::default();
    while let Some(row) = rows.next()? {
        let answer = Answer {
            question_id: row.get(1)?,
            level: row.get(2)?,
            rationale: row.get(3)?,
            confidence: row
                .get::<_, Option<String>>(4)?
                .and_then(|c| Confidence::parse(&c).ok()),
            target_level: row.get(5)?,
            carried_forward: row.get(6)?,
            updated_at: row.get(7)?,
            not_applicable: row.get(8)?,
        };
        by_assessment.entry(row.get(0)?).or_default().push(answer);
    }
    Ok(by_assessment)
}

/// Saves one answer as one durable commit, with an audit row for each field that changed.
pub fn save_answer(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    input: &AnswerInput,
) -> Result<Answer> {
    validate::text(Field::Rationale, &input.rationale)?;
    if let Some(reason) = &input.not_applicable {
        validate::text(Field::NotApplicableReason, reason)?;
    }
    write(conn, |tx| {
        assessments::ensure_draft(tx, assessment_id)?;
        let checklist = snapshots::assessment_checklist(tx, assessment_id)?;
        check_against_checklist(&checklist, question_id, input)?;
        let before = get_answer(tx, assessment_id, question_id)?;
        tx.execute(
            "INSERT INTO answer (assessment_id, question_id, level, rationale, confidence, target_level, carried_forward, updated_at, not_applicable_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)
             ON CONFLICT (assessment_id, question_id) DO UPDATE SET
                level = excluded.level, rationale = excluded.rationale, confidence = excluded.confidence,
                target_level = excluded.target_level, carried_forward = 0, updated_at = excluded.updated_at,
                not_applicable_reason = excluded.not_applicable_reason",
            params![
                assessment_id,
                question_id,
                input.level,
                input.rationale,
                input.confidence.map(Confidence::as_str),
                input.target_level,
                now(),
                input.not_applicable.as_deref().map(str::trim),
            ],
        )?;
        audit_changes(tx, assessment_id, question_id, before.as_ref(), input)?;
        assessments::touch(tx, assessment_id)?;
        get_answer(tx, assessment_id, question_id)?.ok_or_else(|| {
            Error::Internal("The answer was saved but could not be read back.".into())
        })
    })
}

/// The question must be in this assessment's checklist and both levels on its own scale; a
/// not-applicable answer must be allowed there, give a reason and have no level.
pub(crate) fn check_against_checklist(
    checklist: &Checklist,
    question_id: &str,
    input: &AnswerInput,
) -> Result<()> {
    let question = checklist.require_question(question_id, "")?;
    let max = checklist.max_level_of(question);
    for (field, level) in [("level", input.level), ("target level", input.target_level)] {
        if level.is_some_and(|l| l > max) {
            return Err(Error::InvalidInput(format!(
                "The {field} {} is not on the scale of {} {}, which runs from 0 to {max} ({} to {}).",
                level.unwrap_or_default(),
                checklist.wording.question,
                question.code,
                checklist.levels_of(question)[0].label,
                checklist.levels_of(question)[usize::from(max)].label,
            )));
        }
    }
    if let Some(reason) = &input.not_applicable {
        if !question.not_applicable {
            return Err(Error::invalid(Field::Level, format!(
                "{} {} cannot be marked not applicable: the checklist “{}” does not allow it for this {}. Choose a level, or leave it not assessed.",
                crate::text::capitalised(&checklist.wording.question),
                question.code,
                checklist.title,
                checklist.wording.question,
            )));
        }
        if reason.trim().is_empty() {
            return Err(Error::invalid(Field::NotApplicableReason, format!(
                "Say why {} {} does not apply: a not-applicable answer needs a reason, so a reader can judge it.",
                checklist.wording.question, question.code
            )));
        }
        if input.level.is_some() {
            return Err(Error::invalid(Field::Level, format!(
                "{} {} is marked not applicable, so it cannot also have a level. Choose one or the other.",
                crate::text::capitalised(&checklist.wording.question),
                question.code
            )));
        }
    }
    Ok(())
}

fn audit_changes(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    before: Option<&Answer>,
    after: &AnswerInput,
) -> Result<()> {
    let old = before.map(AnswerInput::from).unwrap_or_default();
    let level = |l: Option<u8>| {
        l.map(|l| l.to_string())
            .unwrap_or_else(|| "not assessed".into())
    };
    let fields = [
        ("level", level(old.level), level(after.level)),
        ("rationale", old.rationale.clone(), after.rationale.clone()),
        (
            "confidence",
            old.confidence.map_or("", Confidence::as_str).to_string(),
            after.confidence.map_or("", Confidence::as_str).to_string(),
        ),
        (
            "target level",
            level(old.target_level),
            level(after.target_level),
        ),
        (
            "not applicable",
            old.not_applicable.clone().unwrap_or_default(),
            after.not_applicable.clone().unwrap_or_default(),
        ),
    ];
    for (field, old_value, new_value) in fields {
        let old_value = before.map(|_| old_value.as_str());
        if old_value == Some(new_value.as_str()) {
            continue;
        }
        // A brand-new answer records only the fields that say something.
        if before.is_none() && (new_value.is_empty() || new_value == "not assessed") {
            continue;
        }
        audit::record(
            conn,
            assessment_id,
            &format!("{question_id}: {field}"),
            old_value,
            Some(&new_value),
        )?;
    }
    Ok(())
}
