//! Actions: what will be done about a gap, by whom and when. An action belongs to one
//! question, or to the assessment as a whole (the overall recommendation) when it has no
//! question.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{assessments, audit, now, snapshots, validate, write};
use crate::{Error, Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(value: &str) -> Result<Self> {
        match value.trim() {
            "open" => Ok(Self::Open),
            "in_progress" => Ok(Self::InProgress),
            "done" => Ok(Self::Done),
            "dropped" => Ok(Self::Dropped),
            _ => Err(Error::InvalidInput(format!(
                "\"{value}\" is not an action status. Use open, in_progress, done or dropped."
            ))),
        }
    }

    /// Still to be done: carried forward into next year's assessment.
    pub fn is_outstanding(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: i64,
    pub assessment_id: i64,
    /// `None` for an action on the overall recommendation.
    pub question_id: Option<String>,
    pub title: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub status: ActionStatus,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The fields a user edits on an action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    pub question_id: Option<String>,
    pub title: String,
    pub owner: String,
    pub due_date: Option<String>,
    pub status: ActionStatus,
    pub notes: String,
}

const COLUMNS: &str =
    "id, assessment_id, question_id, title, owner, due_date, status, notes, created_at, updated_at";

fn from_row(row: &Row) -> rusqlite::Result<Action> {
    let status: String = row.get(6)?;
    Ok(Action {
        id: row.get(0)?,
        assessment_id: row.get(1)?,
        question_id: row.get(2)?,
        title: row.get(3)?,
        owner: row.get(4)?,
        due_date: row.get(5)?,
        status: ActionStatus::parse(&status).unwrap_or(ActionStatus::Open),
        notes: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

pub fn get_action(conn: &Connection, action_id: i64) -> Result<Action> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM action WHERE id = ?1"),
        [action_id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "There is no action with id {action_id}. It may have been removed."
        ))
    })
}

/// The actions of an assessment: overall ones first, then by question, oldest first.
pub fn list_actions(conn: &Connection, assessment_id: i64) -> Result<Vec<Action>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM action WHERE assessment_id = ?1 ORDER BY question_id IS NOT NULL, question_id, id"
    ))?;
    let rows = statement.query_map([assessment_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Checks and tidies the input: required title, text limits, a real due date, a question
/// that is in the assessment's checklist.
fn clean(conn: &Connection, assessment_id: i64, input: &ActionInput) -> Result<ActionInput> {
    let title = validate::required(Field::ActionTitle, &input.title)?;
    validate::text(Field::ActionOwner, &input.owner)?;
    validate::text(Field::ActionNotes, &input.notes)?;
    let due_date = match input
        .due_date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(date) => Some(validate::due_date(date)?),
        None => None,
    };
    let question_id = input
        .question_id
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    if let Some(question_id) = question_id {
        let checklist = snapshots::assessment_checklist(conn, assessment_id)?;
        checklist.require_question(
            question_id,
            "; leave the question empty for an overall action",
        )?;
    }
    Ok(ActionInput {
        question_id: question_id.map(str::to_string),
        title,
        owner: input.owner.trim().to_string(),
        due_date,
        status: input.status,
        notes: input.notes.trim().to_string(),
    })
}

pub fn add_action(conn: &Connection, assessment_id: i64, input: &ActionInput) -> Result<Action> {
    write(conn, |tx| {
        assessments::ensure_draft(tx, assessment_id)?;
        let input = clean(tx, assessment_id, input)?;
        validate::room_for(
            tx,
            "action",
            assessment_id,
            input.question_id.as_deref(),
            validate::MAX_ACTIONS_PER_QUESTION,
        )?;
        let at = now();
        tx.execute(
            "INSERT INTO action (assessment_id, question_id, title, owner, due_date, status, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![assessment_id, input.question_id, input.title, input.owner, input.due_date, input.status.as_str(), input.notes, at],
        )?;
        let action = get_action(tx, tx.last_insert_rowid())?;
        audit::record(
            tx,
            assessment_id,
            &what(&action, "added"),
            None,
            Some(&describe(&action)),
        )?;
        assessments::touch(tx, assessment_id)?;
        Ok(action)
    })
}

pub fn update_action(conn: &Connection, action_id: i64, input: &ActionInput) -> Result<Action> {
    write(conn, |tx| {
        let before = get_action(tx, action_id)?;
        assessments::ensure_draft(tx, before.assessment_id)?;
        let input = clean(tx, before.assessment_id, input)?;
        tx.execute(
            "UPDATE action SET question_id = ?2, title = ?3, owner = ?4, due_date = ?5, status = ?6, notes = ?7, updated_at = ?8
              WHERE id = ?1",
            params![action_id, input.question_id, input.title, input.owner, input.due_date, input.status.as_str(), input.notes, now()],
        )?;
        let after = get_action(tx, action_id)?;
        audit::record_change(
            tx,
            before.assessment_id,
            &what(&after, "changed"),
            Some(&describe(&before)),
            Some(&describe(&after)),
        )?;
        assessments::touch(tx, before.assessment_id)?;
        Ok(after)
    })
}

pub fn remove_action(conn: &Connection, action_id: i64) -> Result<()> {
    write(conn, |tx| {
        let before = get_action(tx, action_id)?;
        assessments::ensure_draft(tx, before.assessment_id)?;
        tx.execute("DELETE FROM action WHERE id = ?1", [action_id])?;
        audit::record(
            tx,
            before.assessment_id,
            &what(&before, "removed"),
            Some(&describe(&before)),
            None,
        )?;
        assessments::touch(tx, before.assessment_id)
    })
}

fn what(action: &Action, verb: &str) -> String {
    format!(
        "{}: action {} {verb}",
        action.question_id.as_deref().unwrap_or("overall"),
        action.id
    )
}

fn describe(action: &Action) -> String {
    format!(
        "{} (owner: {}, due: {}, status: {}){}",
        action.title,
        if action.owner.is_empty() {
            "none"
        } else {
            &action.owner
        },
        action.due_date.as_deref().unwrap_or("none"),
        action.status.as_str(),
        if action.notes.is_empty() {
            String::new()
        } else {
            format!("; notes: {}", action.notes)
        }
    )
}
