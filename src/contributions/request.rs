//! Making and reading contribution requests.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::ContributionRequest;
use crate::store::{assessments, now, snapshots, validate, write};
use crate::{Error, Field, Result};

/// The most questions one request may ask; more than a whole checklist is never needed.
pub const MAX_REQUESTED_QUESTIONS: usize = 500;

/// What the lead chooses when asking a colleague.
#[derive(Debug, Clone, Default)]
pub struct NewRequest<'a> {
    pub assessment_id: i64,
    pub question_ids: &'a [String],
    pub contributor: &'a str,
    pub team: &'a str,
    /// `YYYY-MM-DD`.
    pub due_date: Option<&'a str>,
    pub note: &'a str,
}

/// A request that passed every check, ready to record.
struct Checked {
    assessment: assessments::Assessment,
    contributor: String,
    due_date: Option<String>,
    /// The questions asked, in checklist order.
    chosen: Vec<String>,
}

fn check(conn: &Connection, new: &NewRequest) -> Result<Checked> {
    let contributor = validate::required(Field::Contributor, new.contributor)?;
    validate::text(Field::Team, new.team)?;
    validate::text(Field::Note, new.note)?;
    let due_date = new.due_date.map(validate::due_date).transpose()?;
    if new.question_ids.is_empty() {
        return Err(Error::invalid(
            Field::RequestQuestions,
            "Choose at least one question to ask about.",
        ));
    }
    if new.question_ids.len() > MAX_REQUESTED_QUESTIONS {
        return Err(Error::invalid(
            Field::RequestQuestions,
            format!("A request may ask at most {MAX_REQUESTED_QUESTIONS} questions."),
        ));
    }
    let assessment = assessments::ensure_draft(conn, new.assessment_id)?;
    let checklist = snapshots::assessment_checklist(conn, new.assessment_id)?;
    for id in new.question_ids {
        checklist
            .require_question(id.trim(), ", so it cannot be asked about")
            .map_err(|e| e.on(Field::RequestQuestions))?;
    }
    let chosen = checklist
        .questions
        .iter()
        .map(|q| q.id.clone())
        .filter(|id| new.question_ids.iter().any(|asked| asked.trim() == *id))
        .collect();
    Ok(Checked {
        assessment,
        contributor,
        due_date,
        chosen,
    })
}

/// Checks a request as [`create_request`] would, writing nothing: the app asks where to save
/// it only once the form is right.
pub fn check_request(conn: &Connection, new: &NewRequest) -> Result<()> {
    check(conn, new).map(|_| ())
}

/// Records a request for `new.question_ids` of a draft assessment. The questions are kept in
/// checklist order whatever order they were named in.
pub fn create_request(conn: &Connection, new: &NewRequest) -> Result<ContributionRequest> {
    write(conn, |tx| {
        let Checked {
            assessment,
            contributor,
            due_date,
            chosen,
        } = check(tx, new)?;
        let key = new_request_key()?;
        tx.execute(
            "INSERT INTO contribution_request (request_key, assessment_id, checklist_id, checklist_version, checklist_sha256, contributor, team, due_date, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                key,
                assessment.id,
                assessment.checklist.checklist_id,
                assessment.checklist.version,
                assessment.checklist.sha256,
                contributor,
                new.team.trim(),
                due_date,
                new.note.trim(),
                now(),
            ],
        )?;
        let id = tx.last_insert_rowid();
        for (position, question_id) in chosen.iter().enumerate() {
            tx.execute(
                "INSERT INTO contribution_request_question (request_id, position, question_id) VALUES (?1, ?2, ?3)",
                params![id, position as i64, question_id],
            )?;
        }
        crate::store::audit::record(
            tx,
            assessment.id,
            &format!("contribution request {id} to {contributor}"),
            None,
            Some(&chosen.join(", ")),
        )?;
        get_request(tx, id)
    })
}

/// A random id of 128 bits written as a UUID (version 4 layout), unguessable so that a
/// returned file cannot be made to match another request by accident.
fn new_request_key() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| {
        Error::Internal(format!(
            "The system could not give a random number for the request id: {e}"
        ))
    })?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}

const COLUMNS: &str = "id, request_key, assessment_id, checklist_id, checklist_version, checklist_sha256, contributor, team, due_date, note, created_at";

fn from_row(row: &Row) -> rusqlite::Result<ContributionRequest> {
    Ok(ContributionRequest {
        id: row.get(0)?,
        request_key: row.get(1)?,
        assessment_id: row.get(2)?,
        checklist_id: row.get(3)?,
        checklist_version: row.get(4)?,
        checklist_sha256: row.get(5)?,
        question_ids: Vec::new(),
        contributor: row.get(6)?,
        team: row.get(7)?,
        due_date: row.get(8)?,
        note: row.get(9)?,
        created_at: row.get(10)?,
    })
}

fn with_questions(
    conn: &Connection,
    mut request: ContributionRequest,
) -> Result<ContributionRequest> {
    let mut statement = conn.prepare(
        "SELECT question_id FROM contribution_request_question WHERE request_id = ?1 ORDER BY position",
    )?;
    request.question_ids = statement
        .query_map([request.id], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(request)
}

pub fn get_request(conn: &Connection, id: i64) -> Result<ContributionRequest> {
    let request = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM contribution_request WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "There is no contribution request with id {id}. `yardstick contributions list` shows an assessment's requests and contributions."
            ))
        })?;
    with_questions(conn, request)
}

/// The request a returned file names by its key, if this database made it.
pub(super) fn find_by_key(conn: &Connection, key: &str) -> Result<Option<ContributionRequest>> {
    let request = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM contribution_request WHERE request_key = ?1"),
            [key],
            from_row,
        )
        .optional()?;
    request.map(|r| with_questions(conn, r)).transpose()
}

/// The requests made for one assessment, oldest first.
pub fn list_requests(conn: &Connection, assessment_id: i64) -> Result<Vec<ContributionRequest>> {
    assessments::get_assessment(conn, assessment_id)?;
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM contribution_request WHERE assessment_id = ?1 ORDER BY id"
    ))?;
    let requests = statement
        .query_map([assessment_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    requests
        .into_iter()
        .map(|r| with_questions(conn, r))
        .collect()
}
