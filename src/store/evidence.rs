//! Evidence for a question: notes, web links and attached files. Files live in the evidence
//! folder beside the database (see `evidence_files`); a row records the original name, size,
//! media type and hash. A stored file that has gone missing is reported as `missing`, never
//! treated as an error, so one lost file cannot stop an assessment from opening.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::evidence_files::{self, StoredFile};
use super::{assessments, audit, evidence_dir, now, snapshots, validate, write};
use crate::{Error, Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Note,
    Link,
    File,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: i64,
    pub assessment_id: i64,
    pub question_id: String,
    pub kind: EvidenceKind,
    /// The note itself, or a description of the link or file.
    pub note: String,
    pub url: Option<String>,
    pub file: Option<EvidenceFile>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceFile {
    /// The name the file had when it was attached.
    pub name: String,
    pub size: u64,
    pub media_type: String,
    pub sha256: String,
    /// The stored copy is no longer in the evidence folder (deleted by hand, or a database
    /// restored without its folder). The UI says so and offers to attach it again.
    pub missing: bool,
}

const COLUMNS: &str = "id, assessment_id, question_id, kind, note, url, file_sha256, file_name, file_size, media_type, created_at";

fn from_row(row: &Row, dir: Option<&Path>) -> rusqlite::Result<Evidence> {
    let kind: String = row.get(3)?;
    let sha256: Option<String> = row.get(6)?;
    let file = match sha256 {
        Some(sha256) => Some(EvidenceFile {
            name: row.get(7)?,
            size: row.get(8)?,
            media_type: row.get(9)?,
            missing: !dir
                .and_then(|d| evidence_files::path_of(d, &sha256))
                .is_some_and(|path| is_regular_file(&path)),
            sha256,
        }),
        None => None,
    };
    Ok(Evidence {
        id: row.get(0)?,
        assessment_id: row.get(1)?,
        question_id: row.get(2)?,
        kind: match kind.as_str() {
            "link" => EvidenceKind::Link,
            "file" => EvidenceKind::File,
            _ => EvidenceKind::Note,
        },
        note: row.get(4)?,
        url: row.get(5)?,
        file,
        created_at: row.get(10)?,
    })
}

pub fn get_evidence(conn: &Connection, evidence_id: i64) -> Result<Evidence> {
    let dir = evidence_dir(conn);
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM evidence WHERE id = ?1"),
        [evidence_id],
        |row| from_row(row, dir.as_deref()),
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "There is no evidence item with id {evidence_id}. It may have been removed."
        ))
    })
}

/// Every evidence item of an assessment, oldest first within each question.
pub fn list_evidence(conn: &Connection, assessment_id: i64) -> Result<Vec<Evidence>> {
    let dir = evidence_dir(conn);
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM evidence WHERE assessment_id = ?1 ORDER BY question_id, id"
    ))?;
    let rows = statement.query_map([assessment_id], |row| from_row(row, dir.as_deref()))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn add_note(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    note: &str,
) -> Result<Evidence> {
    let note = validate::required(Field::Note, note)?;
    insert(
        conn,
        assessment_id,
        question_id,
        &Draft {
            note: &note,
            url: None,
            file: None,
        },
    )
}

pub fn add_link(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    url: &str,
    note: &str,
) -> Result<Evidence> {
    let url = validate::link(url)?;
    validate::text(Field::LinkDescription, note)?;
    insert(
        conn,
        assessment_id,
        question_id,
        &Draft {
            note: note.trim(),
            url: Some(&url),
            file: None,
        },
    )
}

/// Copies the file at `source` into the evidence folder and records it.
pub fn add_file(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    source: &Path,
    note: &str,
) -> Result<Evidence> {
    validate::text(Field::LinkDescription, note)?;
    // Checked before copying so a locked assessment or a wrong question costs no disk space.
    check_target(conn, assessment_id, question_id)?;
    let dir = evidence_dir(conn).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory, so it has nowhere to keep attached files.".into(),
        )
    })?;
    let stored = evidence_files::store_file(&dir, source)?;
    add_stored_file(conn, assessment_id, question_id, &stored, note)
}

/// Records a file already in the evidence folder (a colleague's attachment, written there
/// when their contribution was taken in).
pub(crate) fn add_stored_file(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    stored: &StoredFile,
    note: &str,
) -> Result<Evidence> {
    validate::text(Field::LinkDescription, note)?;
    insert(
        conn,
        assessment_id,
        question_id,
        &Draft {
            note: note.trim(),
            url: None,
            file: Some(stored),
        },
    )
}

/// Copies several files in and records them in one transaction: all of them are attached, or
/// (if one cannot be read, or the assessment is final) none.
pub fn add_files(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    sources: &[PathBuf],
) -> Result<Vec<Evidence>> {
    write(conn, |tx| {
        sources
            .iter()
            .map(|source| add_file(tx, assessment_id, question_id, source, ""))
            .collect()
    })
}

/// What opening an evidence item opens outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenTarget {
    /// A web link, for the system browser.
    Link(String),
    /// The stored copy of an attached file, for the app the system uses for its type.
    File(PathBuf),
}

/// What opening evidence item `evidence_id` should open. Only a stored link that is still a
/// web link is opened, so a value changed behind the app's back cannot run something else.
pub fn open_target(conn: &Connection, evidence_id: i64) -> Result<OpenTarget> {
    let item = get_evidence(conn, evidence_id)?;
    match item.kind {
        EvidenceKind::Link => {
            let url = item.url.unwrap_or_default();
            validate::link(&url).map(OpenTarget::Link).map_err(|_| {
                Error::InvalidInput(
                    "Only web links (http or https) can be opened from Yardstick.".into(),
                )
            })
        }
        EvidenceKind::File => stored_file_path(conn, evidence_id).map(OpenTarget::File),
        EvidenceKind::Note => Err(Error::InvalidInput("A note has nothing to open.".into())),
    }
}

/// Changes the text of a note or the description of a link or file.
pub fn update_note(conn: &Connection, evidence_id: i64, note: &str) -> Result<Evidence> {
    validate::text(Field::Note, note)?;
    write(conn, |tx| {
        let before = get_evidence(tx, evidence_id)?;
        assessments::ensure_draft(tx, before.assessment_id)?;
        tx.execute(
            "UPDATE evidence SET note = ?2 WHERE id = ?1",
            params![evidence_id, note.trim()],
        )?;
        let what = format!("{}: evidence {evidence_id}", before.question_id);
        audit::record_change(
            tx,
            before.assessment_id,
            &what,
            Some(&before.note),
            Some(note.trim()),
        )?;
        assessments::touch(tx, before.assessment_id)?;
        get_evidence(tx, evidence_id)
    })
}

/// Removes an evidence item. A stored file stays in the evidence folder: other items (a
/// carried-forward copy, an older backup) may point at the same content.
pub fn remove_evidence(conn: &Connection, evidence_id: i64) -> Result<()> {
    write(conn, |tx| {
        let before = get_evidence(tx, evidence_id)?;
        assessments::ensure_draft(tx, before.assessment_id)?;
        tx.execute("DELETE FROM evidence WHERE id = ?1", [evidence_id])?;
        let what = format!("{}: evidence removed", before.question_id);
        audit::record(
            tx,
            before.assessment_id,
            &what,
            Some(&describe(&before)),
            None,
        )?;
        assessments::touch(tx, before.assessment_id)
    })
}

/// The stored copy of an attached file, for opening or exporting it. A missing copy is a
/// `NotFound` error that says what to do.
pub fn stored_file_path(conn: &Connection, evidence_id: i64) -> Result<PathBuf> {
    let evidence = get_evidence(conn, evidence_id)?;
    let (Some(file), Some(dir)) = (evidence.file, evidence_dir(conn)) else {
        return Err(Error::InvalidInput(format!(
            "Evidence item {evidence_id} is not an attached file."
        )));
    };
    if file.missing {
        return Err(Error::NotFound(format!(
            "The stored copy of \"{}\" is missing from {}. Remove this evidence item and attach the file again.",
            file.name,
            dir.display()
        )));
    }
    evidence_files::path_of(&dir, &file.sha256).ok_or_else(|| {
        Error::InvalidInput(format!(
            "The record of \"{}\" does not hold a real file hash, so it cannot be opened. Remove this evidence item and attach the file again.",
            crate::text::quoted(&file.name)
        ))
    })
}

/// A regular file, not a link, folder or special file: only those are ours to read.
fn is_regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

struct Draft<'a> {
    note: &'a str,
    url: Option<&'a str>,
    file: Option<&'a StoredFile>,
}

fn check_target(conn: &Connection, assessment_id: i64, question_id: &str) -> Result<()> {
    assessments::ensure_draft(conn, assessment_id)?;
    let checklist = snapshots::assessment_checklist(conn, assessment_id)?;
    checklist.require_question(question_id, ", so evidence cannot be added to it")?;
    Ok(())
}

fn insert(
    conn: &Connection,
    assessment_id: i64,
    question_id: &str,
    draft: &Draft,
) -> Result<Evidence> {
    write(conn, |tx| {
        check_target(tx, assessment_id, question_id)?;
        validate::room_for(
            tx,
            "evidence",
            assessment_id,
            Some(question_id),
            validate::MAX_EVIDENCE_PER_QUESTION,
        )?;
        let kind = match (draft.url, draft.file) {
            (Some(_), _) => "link",
            (_, Some(_)) => "file",
            _ => "note",
        };
        let file = draft.file;
        tx.execute(
            "INSERT INTO evidence (assessment_id, question_id, kind, note, url, file_sha256, file_name, file_size, media_type, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                assessment_id,
                question_id,
                kind,
                draft.note,
                draft.url,
                file.map(|f| &f.sha256),
                file.map(|f| &f.name),
                file.map(|f| f.size),
                file.map(|f| f.media_type),
                now()
            ],
        )?;
        let evidence = get_evidence(tx, tx.last_insert_rowid())?;
        audit::record(
            tx,
            assessment_id,
            &format!("{question_id}: evidence added"),
            None,
            Some(&describe(&evidence)),
        )?;
        assessments::touch(tx, assessment_id)?;
        Ok(evidence)
    })
}

/// A one-line account of an evidence item for the audit trail.
fn describe(evidence: &Evidence) -> String {
    match (&evidence.url, &evidence.file) {
        (Some(url), _) => format!("link {url}"),
        (_, Some(file)) => format!(
            "file {} ({} bytes, sha256 {})",
            file.name, file.size, file.sha256
        ),
        _ => format!("note: {}", evidence.note),
    }
}
