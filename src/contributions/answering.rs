//! The colleague's side: a contribution file someone sent is opened in this copy of
//! Yardstick, which shows only the questions asked; the colleague answers them, attaches
//! files, and saves the contribution file to send back. Nothing here touches an assessment:
//! the request is kept whole (table `answering`), its answers inside it, and attached files
//! in the evidence folder until they are embedded in the file sent back.

use std::path::{Path, PathBuf};

use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::file::{self, AnswerDoc, ContributionDocument, FileDoc, QuestionDoc};
use super::MAX_RETURNED_FILE_BYTES;
use crate::exchange::attachment;
use crate::problems::{counted, Problems};
use crate::store::answers::Confidence;
use crate::store::evidence_files;
use crate::store::validate::{self, MAX_EVIDENCE_PER_QUESTION};
use crate::store::{self, now, write};
use crate::text::quoted;
use crate::{files, Error, Field, Result};

/// The most questions an opened request may hold; the lead side never asks more.
const MAX_OPENED_QUESTIONS: usize = super::request::MAX_REQUESTED_QUESTIONS;

/// A request opened to be answered, as the list on the home screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnsweringSummary {
    pub id: i64,
    pub organisation: String,
    pub period: String,
    /// Who the request is for (the person answering).
    pub contributor: String,
    pub due_date: Option<String>,
    pub questions: usize,
    pub answered: usize,
    pub updated_at: String,
}

/// A request being answered, with every question asked and the answers given so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnsweringRequest {
    pub id: i64,
    pub organisation: String,
    pub period: String,
    pub checklist_id: String,
    pub checklist_version: String,
    pub contributor: String,
    pub team: String,
    pub due_date: Option<String>,
    /// What the person asking wrote.
    pub note: String,
    /// The file it was opened from.
    pub source_name: String,
    pub opened_at: String,
    pub updated_at: String,
    pub questions: Vec<AnsweringQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnsweringQuestion {
    pub question_id: String,
    pub code: String,
    pub title: String,
    pub question: String,
    pub why_it_matters: String,
    pub levels: Vec<AnsweringLevel>,
    pub not_applicable_allowed: bool,
    pub answer: ContributionAnswerInput,
    pub files: Vec<AnsweringFile>,
}

impl AnsweringQuestion {
    /// True when the colleague has said anything about this question.
    pub fn is_answered(&self) -> bool {
        let answer = &self.answer;
        answer.level.is_some()
            || answer.not_applicable.is_some()
            || !answer.rationale.is_empty()
            || answer.confidence.is_some()
            || answer.target_level.is_some()
            || !answer.evidence_notes.is_empty()
            || !answer.links.is_empty()
            || !self.files.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnsweringLevel {
    pub level: u8,
    pub label: String,
    pub descriptor: String,
}

/// A file attached to an answer, waiting to be sent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnsweringFile {
    pub id: i64,
    pub name: String,
    pub size: u64,
}

/// One answer as the colleague gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributionAnswerInput {
    pub level: Option<u8>,
    /// Why the question does not apply; then `level` is empty.
    pub not_applicable: Option<String>,
    pub rationale: String,
    pub confidence: Option<Confidence>,
    pub target_level: Option<u8>,
    pub evidence_notes: String,
    /// http(s) links.
    pub links: Vec<String>,
}

impl From<&AnswerDoc> for ContributionAnswerInput {
    fn from(doc: &AnswerDoc) -> Self {
        ContributionAnswerInput {
            level: doc.level,
            not_applicable: doc.not_applicable.clone(),
            rationale: doc.rationale.clone(),
            confidence: doc.confidence.map(Confidence::from),
            target_level: doc.target_level,
            evidence_notes: doc.evidence_notes.clone(),
            links: doc.links.clone(),
        }
    }
}

impl From<&ContributionAnswerInput> for AnswerDoc {
    fn from(input: &ContributionAnswerInput) -> Self {
        AnswerDoc {
            level: input.level,
            not_applicable: input.not_applicable.clone(),
            rationale: input.rationale.clone(),
            confidence: input.confidence.map(file::ConfidenceDoc::from),
            target_level: input.target_level,
            evidence_notes: input.evidence_notes.clone(),
            links: input.links.clone(),
            files: Vec::new(),
        }
    }
}

/// What opening a request file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedRequest {
    pub id: i64,
    /// The same request was opened before: its answers so far are kept and the file is not
    /// read again.
    pub already_open: bool,
}

/// Opens the contribution file at `path` to be answered: checks it in full and keeps it,
/// with any answers and files it already carries (a contribution saved earlier and opened
/// again). Opening a request already open changes nothing and says so.
pub fn open_request(conn: &Connection, path: &Path) -> Result<OpenedRequest> {
    let (name, bytes) = file::read_bounded(path)?;
    let mut document = file::parse(&bytes, &name)?;
    drop(bytes);
    let key = document.request.request_id.trim().to_string();
    if let Some(id) = find(conn, &key)? {
        return Ok(OpenedRequest {
            id,
            already_open: true,
        });
    }
    let mut problems = Problems::new();
    check_document(&mut problems, &document);
    let mut files = Vec::new();
    for (index, question) in document.questions.iter_mut().enumerate() {
        let Some(answer) = &mut question.answer else {
            continue;
        };
        let place = format!("questions[{index}]");
        let max = question.levels.iter().map(|l| l.level).max().unwrap_or(0);
        let (_, found) = file::check_answer(max, question.not_applicable_allowed, answer);
        for problem in found {
            problems.add(format!("{place}.answer.{}", problem.name), problem.message);
        }
        for (n, attached) in answer.files.iter_mut().enumerate() {
            let path = format!("{place}.answer.files[{n}]");
            if let Some((sha256, content)) = attachment::check(&mut problems, &path, attached) {
                files.push((
                    question.question_id.clone(),
                    attached.name.clone(),
                    sha256,
                    content,
                ));
            } else if attached.content.is_none() {
                problems.add(format!("{path}.content"), "the file's bytes are missing.");
            }
        }
        answer.files.clear();
    }
    if let Some((count, list)) = problems.finish() {
        return Err(Error::problems(
            format!(
                "{name} cannot be opened: {} found, and nothing was changed. Ask for the request to be sent again.",
                counted(count)
            ),
            list.into_iter().map(|p| format!("{name}: {p}")).collect(),
        ));
    }
    let dir = evidence_folder(conn)?;
    for (_, _, sha256, content) in &files {
        evidence_files::store_bytes(&dir, sha256, content)?;
    }
    let text = serde_json::to_string(&document)
        .map_err(|e| Error::Internal(format!("The request could not be kept: {e}")))?;
    write(conn, |tx| {
        let opened = now();
        tx.execute(
            "INSERT INTO answering (request_key, document, source_name, opened_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![key, text, name, opened],
        )?;
        let id = tx.last_insert_rowid();
        for (question_id, file_name, sha256, content) in &files {
            insert_file(tx, id, question_id, file_name, content.len() as u64, sha256)?;
        }
        Ok(OpenedRequest {
            id,
            already_open: false,
        })
    })
}

/// What a request must hold to be answerable: an id, questions (each once), and each
/// question's own scale numbered from 0 in order.
fn check_document(problems: &mut Problems, document: &ContributionDocument) {
    let key = document.request.request_id.trim();
    if key.is_empty() || key.len() > 100 {
        problems.add(
            "request.requestId",
            "is missing or not a request id Yardstick makes.",
        );
    }
    if let Err(e) = validate::required(Field::Contributor, &document.request.contributor) {
        problems.add("request.contributor", e);
    }
    if document.questions.is_empty() {
        problems.add("questions", "the request asks no questions.");
    }
    if document.questions.len() > MAX_OPENED_QUESTIONS {
        problems.add(
            "questions",
            format!(
                "the request asks {} questions; a request asks at most {MAX_OPENED_QUESTIONS}.",
                document.questions.len()
            ),
        );
        return;
    }
    let mut seen = std::collections::HashSet::new();
    for (index, question) in document.questions.iter().enumerate() {
        let place = format!("questions[{index}]");
        if question.question_id.trim().is_empty() || !seen.insert(&question.question_id) {
            problems.add(
                format!("{place}.questionId"),
                format!(
                    "\"{}\" is empty or appears twice.",
                    quoted(&question.question_id)
                ),
            );
        }
        let numbered = !question.levels.is_empty()
            && question.levels.len() <= 11
            && question
                .levels
                .iter()
                .enumerate()
                .all(|(n, level)| usize::from(level.level) == n);
        if !numbered {
            problems.add(
                format!("{place}.levels"),
                "the levels must be numbered 0, 1, 2 … in order (at most 11 of them).",
            );
        }
        for (what, text) in [
            ("title", &question.title),
            ("question", &question.question),
            ("whyItMatters", &question.why_it_matters),
        ] {
            if let Err(e) = validate::text(Field::Note, text) {
                problems.add(format!("{place}.{what}"), e);
            }
        }
    }
}

fn evidence_folder(conn: &Connection) -> Result<PathBuf> {
    store::evidence_dir(conn).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory, so it has nowhere to keep attached files.".into(),
        )
    })
}

fn find(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM answering WHERE request_key = ?1",
            [key],
            |row| row.get(0),
        )
        .optional()?)
}

fn insert_file(
    conn: &Connection,
    answering_id: i64,
    question_id: &str,
    name: &str,
    size: u64,
    sha256: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO answering_file (answering_id, question_id, name, size, media_type, sha256, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            answering_id,
            question_id,
            name,
            size,
            evidence_files::media_type(name),
            sha256,
            now()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

struct Stored {
    document: ContributionDocument,
    source_name: String,
    opened_at: String,
    updated_at: String,
}

fn load_document(conn: &Connection, id: i64) -> Result<Stored> {
    let row: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT document, source_name, opened_at, updated_at FROM answering WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let Some((text, source_name, opened_at, updated_at)) = row else {
        return Err(Error::NotFound(format!(
            "There is no request with id {id} being answered here. Open the request file again."
        )));
    };
    let document = serde_json::from_str(&text).map_err(|e| {
        Error::Internal(format!(
            "The request being answered (id {id}) could not be read back: {e}. Open the request file again."
        ))
    })?;
    Ok(Stored {
        document,
        source_name,
        opened_at,
        updated_at,
    })
}

fn files_of(conn: &Connection, id: i64) -> Result<Vec<(String, AnsweringFile, String)>> {
    let mut statement = conn.prepare(
        "SELECT question_id, id, name, size, sha256 FROM answering_file WHERE answering_id = ?1 ORDER BY id",
    )?;
    let rows = statement
        .query_map([id], |row| {
            Ok((
                row.get(0)?,
                AnsweringFile {
                    id: row.get(1)?,
                    name: row.get(2)?,
                    size: row.get(3)?,
                },
                row.get(4)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn question_view(question: &QuestionDoc, files: Vec<AnsweringFile>) -> AnsweringQuestion {
    AnsweringQuestion {
        question_id: question.question_id.clone(),
        code: question.code.clone(),
        title: question.title.clone(),
        question: question.question.clone(),
        why_it_matters: question.why_it_matters.clone(),
        levels: question
            .levels
            .iter()
            .map(|l| AnsweringLevel {
                level: l.level,
                label: l.label.clone(),
                descriptor: l.descriptor.clone(),
            })
            .collect(),
        not_applicable_allowed: question.not_applicable_allowed,
        answer: question
            .answer
            .as_ref()
            .map(ContributionAnswerInput::from)
            .unwrap_or_default(),
        files,
    }
}

/// The request being answered, every question with its answer and files so far.
pub fn get_answering(conn: &Connection, id: i64) -> Result<AnsweringRequest> {
    let stored = load_document(conn, id)?;
    let files = files_of(conn, id)?;
    let request = &stored.document.request;
    let questions = stored
        .document
        .questions
        .iter()
        .map(|question| {
            let own = files
                .iter()
                .filter(|(q, _, _)| *q == question.question_id)
                .map(|(_, file, _)| file.clone())
                .collect();
            question_view(question, own)
        })
        .collect();
    Ok(AnsweringRequest {
        id,
        organisation: request.organisation.clone(),
        period: request.period.clone(),
        checklist_id: request.checklist.id.clone(),
        checklist_version: request.checklist.version.clone(),
        contributor: request.contributor.clone(),
        team: request.team.clone(),
        due_date: request.due_date.clone(),
        note: request.note.clone(),
        source_name: stored.source_name,
        opened_at: stored.opened_at,
        updated_at: stored.updated_at,
        questions,
    })
}

/// Every request opened to be answered, most recently worked on first.
pub fn list_answering(conn: &Connection) -> Result<Vec<AnsweringSummary>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM answering ORDER BY updated_at DESC, id DESC")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| {
            let request = get_answering(conn, id)?;
            Ok(AnsweringSummary {
                id,
                answered: request.questions.iter().filter(|q| q.is_answered()).count(),
                questions: request.questions.len(),
                organisation: request.organisation,
                period: request.period,
                contributor: request.contributor,
                due_date: request.due_date,
                updated_at: request.updated_at,
            })
        })
        .collect()
}

fn question_index(document: &ContributionDocument, question_id: &str) -> Result<usize> {
    document
        .questions
        .iter()
        .position(|q| q.question_id == question_id)
        .ok_or_else(|| {
            Error::NotFound(format!(
                "\"{}\" is not one of the questions this request asks.",
                quoted(question_id)
            ))
        })
}

/// Saves the colleague's answer to one question, checked against that question's own scale.
/// A blank answer clears it.
pub fn save_answer(
    conn: &Connection,
    id: i64,
    question_id: &str,
    input: &ContributionAnswerInput,
) -> Result<AnsweringQuestion> {
    let mut answer = AnswerDoc::from(input);
    answer.rationale = answer.rationale.trim().to_string();
    answer.evidence_notes = answer.evidence_notes.trim().to_string();
    answer.not_applicable = answer.not_applicable.map(|r| r.trim().to_string());
    answer.links = answer
        .links
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    write(conn, |tx| {
        let mut stored = load_document(tx, id)?;
        let index = question_index(&stored.document, question_id)?;
        let question = &mut stored.document.questions[index];
        let max = question.levels.iter().map(|l| l.level).max().unwrap_or(0);
        let (links, problems) = file::check_answer(max, question.not_applicable_allowed, &answer);
        if let [only] = problems.as_slice() {
            return Err(Error::invalid(only.field, only.message.clone()));
        }
        if let Some(first) = problems.first() {
            let list = problems.iter().map(|p| p.message.clone()).collect();
            return Err(Error::problems(
                format!(
                    "The answer was not saved: {} found.",
                    counted(problems.len())
                ),
                list,
            )
            .on(first.field));
        }
        answer.links = links;
        let blank = ContributionAnswerInput::from(&answer) == ContributionAnswerInput::default();
        question.answer = (!blank).then_some(answer);
        let text = serde_json::to_string(&stored.document)
            .map_err(|e| Error::Internal(format!("The answer could not be kept: {e}")))?;
        tx.execute(
            "UPDATE answering SET document = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, text, now()],
        )?;
        let request = get_answering(tx, id)?;
        Ok(request.questions[index].clone())
    })
}

/// Copies `sources` into the evidence folder and attaches them to the answer to
/// `question_id`: all of them, or none.
pub fn attach_files(
    conn: &Connection,
    id: i64,
    question_id: &str,
    sources: &[PathBuf],
) -> Result<Vec<AnsweringFile>> {
    let dir = evidence_folder(conn)?;
    write(conn, |tx| {
        let stored = load_document(tx, id)?;
        question_index(&stored.document, question_id)?;
        let already: i64 = tx.query_row(
            "SELECT COUNT(*) FROM answering_file WHERE answering_id = ?1 AND question_id = ?2",
            params![id, question_id],
            |row| row.get(0),
        )?;
        if already as usize + sources.len() > MAX_EVIDENCE_PER_QUESTION {
            return Err(Error::invalid(
                Field::File,
                format!("A question holds at most {MAX_EVIDENCE_PER_QUESTION} files; this one has {already}. Attach fewer files."),
            ));
        }
        let mut attached = Vec::new();
        for source in sources {
            let stored_file = evidence_files::store_file(&dir, source)?;
            let file_id = insert_file(
                tx,
                id,
                question_id,
                &stored_file.name,
                stored_file.size,
                &stored_file.sha256,
            )?;
            attached.push(AnsweringFile {
                id: file_id,
                name: stored_file.name,
                size: stored_file.size,
            });
        }
        tx.execute(
            "UPDATE answering SET updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        Ok(attached)
    })
}

/// Takes an attached file off the answer (the stored copy is cleared later, like removed
/// evidence).
pub fn remove_file(conn: &Connection, file_id: i64) -> Result<()> {
    let removed = conn.execute("DELETE FROM answering_file WHERE id = ?1", [file_id])?;
    if removed == 0 {
        return Err(Error::NotFound(format!(
            "There is no attached file with id {file_id}; it may have been removed already."
        )));
    }
    Ok(())
}

/// The contribution file to send back: the request as received, each answer filled in, and
/// every attached file embedded.
pub fn contribution_document(conn: &Connection, id: i64) -> Result<ContributionDocument> {
    let mut document = load_document(conn, id)?.document;
    let dir = evidence_folder(conn)?;
    let mut total: u64 = 0;
    for (question_id, file, sha256) in files_of(conn, id)? {
        let path = evidence_files::path_of(&dir, &sha256).ok_or_else(|| {
            Error::Internal(format!("\"{}\" has no stored copy.", quoted(&file.name)))
        })?;
        let bytes = std::fs::read(&path).map_err(|e| {
            Error::io(
                format!(
                    "The attached file \"{}\" is no longer in {}; remove it and attach it again",
                    quoted(&file.name),
                    dir.display()
                ),
                e,
            )
        })?;
        total += bytes.len() as u64;
        if total > MAX_RETURNED_FILE_BYTES * 3 / 4 {
            return Err(Error::invalid(
                Field::File,
                format!("The attached files come to more than {} MiB, too much for one contribution file. Remove some, and send large files another way.", MAX_RETURNED_FILE_BYTES * 3 / 4 / (1024 * 1024)),
            ));
        }
        let index = question_index(&document, &question_id)?;
        let answer = document.questions[index]
            .answer
            .get_or_insert_with(AnswerDoc::default);
        answer.files.push(FileDoc {
            media_type: evidence_files::media_type(&file.name).to_string(),
            name: file.name,
            size: file.size,
            sha256,
            content: Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
        });
    }
    Ok(document)
}

/// Writes the contribution to send back to `out`: never over the database, a file SQLite
/// keeps beside it, or anything in the evidence folder.
pub fn export_contribution(conn: &Connection, id: i64, out: &Path) -> Result<PathBuf> {
    let document = contribution_document(conn, id)?;
    if !document.questions.iter().any(|q| q.answer.is_some()) {
        return Err(Error::InvalidInput(
            "No question has been answered yet. Answer at least one before saving the contribution to send back.".into(),
        ));
    }
    super::check_output(conn, out)?;
    let mut bytes = serde_json::to_vec_pretty(&document)
        .map_err(|e| Error::Internal(format!("The contribution could not be written: {e}")))?;
    bytes.push(b'\n');
    files::write_atomically(out, &bytes)?;
    Ok(out.to_path_buf())
}

/// The file name a save dialog suggests for the contribution sent back.
pub fn default_return_name(request: &AnsweringRequest) -> String {
    files::suggested_name(
        &format!("Contribution from {}", request.contributor),
        "",
        "json",
    )
}
