//! Taking returned files in, and the lead's review: the list of contributions beside the
//! current answers, accepting (whole or by question) and setting aside.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{params, Connection};

use super::request::{self, get_request};
use super::{
    file, workbook, ContributedAnswer, ContributedFile, Contribution, ContributionRequest,
    Decision, ImportedContribution, ReviewedAnswer, MAX_RETURNED_BYTES,
};
use crate::problems::{counted, Problems};
use crate::store::answers::{self, AnswerInput, Confidence};
use crate::store::evidence_files::{self, StoredFile};
use crate::store::{self, assessments, audit, evidence, now, snapshots, validate, write};
use crate::text::quoted;
use crate::{Error, Field, Result};

/// A returned file that passed every check, ready to store.
pub(super) struct Checked {
    request: ContributionRequest,
    source_name: String,
    source_sha256: String,
    answers: Vec<ContributedAnswer>,
    /// Attached files, decoded and verified: (sha256, bytes).
    files: Vec<(String, Vec<u8>)>,
}

/// Reads and checks one returned file in full, writing nothing.
pub(super) fn check_returned(
    conn: &Connection,
    path: &Path,
    assessment_id: Option<i64>,
) -> Result<Checked> {
    let (name, bytes) = file::read_bounded(path)?;
    let size = bytes.len() as u64;
    let is_json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !is_json && size > MAX_RETURNED_BYTES {
        return Err(Error::invalid(
            Field::File,
            format!("{name} is {size} bytes; a returned workbook is at most {MAX_RETURNED_BYTES}. Check it is the right file."),
        ));
    }
    let mut problems = Problems::new();
    let mut files = Vec::new();
    let (request, answers) = if is_json {
        let mut document = file::parse(&bytes, &name)?;
        let request = matching_request(conn, &document.request.request_id, &name)?;
        let claimed = &document.request;
        for (what, found, wanted) in [
            (
                "request.assessmentId",
                claimed.assessment_id.to_string(),
                request.assessment_id.to_string(),
            ),
            (
                "request.checklist.id",
                claimed.checklist.id.clone(),
                request.checklist_id.clone(),
            ),
            (
                "request.checklist.version",
                claimed.checklist.version.clone(),
                request.checklist_version.clone(),
            ),
            (
                "request.checklist.sha256",
                claimed.checklist.sha256.clone(),
                request.checklist_sha256.clone(),
            ),
        ] {
            if found != wanted {
                problems.add(what, format!("the file says \"{}\" but the request it names has \"{}\": it was changed, or made for another assessment or checklist version.", quoted(&found), quoted(&wanted)));
            }
        }
        let checklist = snapshots::assessment_checklist(conn, request.assessment_id)?;
        let answers = file::answers_of(
            &mut document,
            &request,
            &checklist,
            &mut problems,
            &mut files,
        );
        (request, answers)
    } else {
        let returned = workbook::open(&bytes, &name)?;
        let request = matching_request(conn, &returned.identity.request_key, &name)?;
        workbook::check_identity(&returned.identity, &request, &mut problems);
        let checklist = snapshots::assessment_checklist(conn, request.assessment_id)?;
        let answers = workbook::answers_of(&returned, &request, &checklist, &mut problems);
        (request, answers)
    };
    if let Some(wanted) = assessment_id.filter(|id| *id != request.assessment_id) {
        return Err(Error::InvalidInput(format!(
            "{name} answers a request for assessment {}, not assessment {wanted}, so it was not taken in. Import it from that assessment.",
            request.assessment_id
        )));
    }
    let assessment = assessments::get_assessment(conn, request.assessment_id)?;
    if assessment.status == assessments::AssessmentStatus::Final {
        return Err(Error::Locked(format!(
            "{name} is for the {} assessment for {} (id {}), which is final, so it was not taken in. Reopen the assessment first if the contribution is still wanted.",
            assessment.organisation, assessment.period, assessment.id
        )));
    }
    if problems.is_empty() && answers.is_empty() {
        problems.add(
            "the file",
            "no question has been answered. Fill in at least one answer and send it back.",
        );
    }
    if let Some((count, list)) = problems.finish() {
        return Err(Error::problems(
            format!(
                "{name} cannot be taken in: {} found, and nothing was changed.",
                counted(count)
            ),
            list.into_iter().map(|p| format!("{name}: {p}")).collect(),
        ));
    }
    let source_sha256 = snapshots::sha256_hex(&bytes);
    let already: Option<i64> = conn
        .query_row(
            "SELECT id FROM contribution WHERE request_id = ?1 AND source_sha256 = ?2",
            params![request.id, source_sha256],
            |row| row.get(0),
        )
        .ok();
    if let Some(id) = already {
        return Err(Error::Conflict(format!(
            "{name} has already been taken in, as contribution {id}."
        )));
    }
    Ok(Checked {
        request,
        source_name: name,
        source_sha256,
        answers,
        files,
    })
}

fn matching_request(conn: &Connection, key: &str, name: &str) -> Result<ContributionRequest> {
    request::find_by_key(conn, key.trim())?.ok_or_else(|| {
        Error::NotFound(format!(
            "{name} answers request \"{}\", which this database did not make: it was made from another Yardstick database, or the file was altered. Import it into the database the request was made from.",
            quoted(key)
        ))
    })
}

/// Stores every checked file as a pending contribution, in one transaction.
pub(super) fn store_returned(
    conn: &Connection,
    checked: Vec<Checked>,
) -> Result<Vec<ImportedContribution>> {
    for (index, one) in checked.iter().enumerate() {
        if checked[..index]
            .iter()
            .any(|o| o.source_sha256 == one.source_sha256)
        {
            return Err(Error::InvalidInput(format!(
                "{} was named twice (or is the same file as another named); nothing was imported.",
                one.source_name
            )));
        }
    }
    store_files(conn, &checked)?;
    write(conn, |tx| {
        let mut outcome = Vec::new();
        for one in &checked {
            tx.execute(
                "INSERT INTO contribution (request_id, source_name, source_sha256, received_at) VALUES (?1, ?2, ?3, ?4)",
                params![one.request.id, one.source_name, one.source_sha256, now()],
            )?;
            let id = tx.last_insert_rowid();
            for answer in &one.answers {
                tx.execute(
                    "INSERT INTO contribution_answer (contribution_id, question_id, level, not_applicable_reason, rationale, confidence, target_level, evidence_notes, links)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        id,
                        answer.question_id,
                        answer.level,
                        answer.not_applicable,
                        answer.rationale,
                        answer.confidence.map(Confidence::as_str),
                        answer.target_level,
                        answer.evidence_notes,
                        answer.links.join("\n"),
                    ],
                )?;
                for (position, file) in answer.files.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO contribution_file (contribution_id, question_id, position, name, size, media_type, sha256)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            id,
                            answer.question_id,
                            position as i64,
                            file.name,
                            file.size,
                            evidence_files::media_type(&file.name),
                            file.sha256,
                        ],
                    )?;
                }
            }
            audit::record(
                tx,
                one.request.assessment_id,
                &format!(
                    "contribution {id} received from {}",
                    one.request.contributor
                ),
                None,
                Some(&one.source_name),
            )?;
            outcome.push(ImportedContribution {
                contribution_id: id,
                assessment_id: one.request.assessment_id,
                contributor: one.request.contributor.clone(),
                source_name: one.source_name.clone(),
                answered: one.answers.len(),
            });
        }
        Ok(outcome)
    })
}

/// Writes attached files into the evidence folder before the transaction commits, so a
/// committed row never points at a file that is not there; should the commit fail, the files
/// stay unreferenced and are cleared like those of removed evidence.
fn store_files(conn: &Connection, checked: &[Checked]) -> Result<()> {
    if checked.iter().all(|one| one.files.is_empty()) {
        return Ok(());
    }
    let dir = store::evidence_dir(conn).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory, so it has nowhere to keep the files in this contribution.".into(),
        )
    })?;
    for (sha256, bytes) in checked.iter().flat_map(|one| &one.files) {
        evidence_files::store_bytes(&dir, sha256, bytes)?;
    }
    Ok(())
}

fn files_of(
    conn: &Connection,
    contribution_id: i64,
    question_id: &str,
) -> Result<Vec<ContributedFile>> {
    let mut statement = conn.prepare_cached(
        "SELECT name, size, sha256 FROM contribution_file
          WHERE contribution_id = ?1 AND question_id = ?2 ORDER BY position",
    )?;
    let files = statement
        .query_map(params![contribution_id, question_id], |row| {
            Ok(ContributedFile {
                name: row.get(0)?,
                size: row.get(1)?,
                sha256: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(files)
}

fn load(conn: &Connection, id: i64) -> Result<Contribution> {
    let (request_id, source_name, received_at, decision_note): (i64, String, String, String) = conn
        .query_row(
            "SELECT request_id, source_name, received_at, decision_note FROM contribution WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .map_err(|_| {
            Error::NotFound(format!(
                "There is no contribution with id {id}. `yardstick contributions list ASSESSMENT` shows them."
            ))
        })?;
    let request = get_request(conn, request_id)?;
    let mut statement = conn.prepare(
        "SELECT question_id, level, not_applicable_reason, rationale, confidence, target_level, evidence_notes, links, status, decided_at
           FROM contribution_answer WHERE contribution_id = ?1",
    )?;
    let mut rows: Vec<ReviewedAnswer> = statement
        .query_map([id], |row| {
            let confidence: Option<String> = row.get(4)?;
            let links: String = row.get(7)?;
            let status: String = row.get(8)?;
            Ok(ReviewedAnswer {
                contributed: ContributedAnswer {
                    question_id: row.get(0)?,
                    level: row.get(1)?,
                    not_applicable: row.get(2)?,
                    rationale: row.get(3)?,
                    confidence: confidence.and_then(|c| Confidence::parse(&c).ok()),
                    target_level: row.get(5)?,
                    evidence_notes: row.get(6)?,
                    links: links
                        .lines()
                        .map(str::to_string)
                        .filter(|l| !l.is_empty())
                        .collect(),
                    files: Vec::new(),
                },
                current: None,
                decision: Decision::parse(&status),
                decided_at: row.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let order = |q: &str| {
        request
            .question_ids
            .iter()
            .position(|id| id == q)
            .unwrap_or(usize::MAX)
    };
    rows.sort_by_key(|r| order(&r.contributed.question_id));
    for row in &mut rows {
        row.contributed.files = files_of(conn, id, &row.contributed.question_id)?;
        row.current =
            answers::get_answer(conn, request.assessment_id, &row.contributed.question_id)?;
    }
    Ok(Contribution {
        id,
        request,
        source_name,
        received_at,
        decision_note,
        answers: rows,
    })
}

/// Every contribution taken in for an assessment, oldest first, each question beside the
/// answer the assessment holds now.
pub fn list_contributions(conn: &Connection, assessment_id: i64) -> Result<Vec<Contribution>> {
    assessments::get_assessment(conn, assessment_id)?;
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT c.id FROM contribution c JOIN contribution_request r ON r.id = c.request_id
              WHERE r.assessment_id = ?1 ORDER BY c.id",
        )?
        .query_map([assessment_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| load(conn, id)).collect()
}

/// The pending questions of `contribution` that `questions` names (all pending ones when
/// `None`); naming one it does not answer, or one already decided, is refused.
fn chosen(
    contribution: &Contribution,
    questions: Option<&[String]>,
) -> Result<Vec<ReviewedAnswer>> {
    let pending: Vec<&ReviewedAnswer> = contribution
        .answers
        .iter()
        .filter(|a| a.decision == Decision::Pending)
        .collect();
    let Some(questions) = questions else {
        if pending.is_empty() {
            return Err(Error::Conflict(format!(
                "Every question of contribution {} has already been decided.",
                contribution.id
            )));
        }
        return Ok(pending.into_iter().cloned().collect());
    };
    let mut picked = Vec::new();
    for id in questions {
        let id = id.trim();
        match contribution
            .answers
            .iter()
            .find(|a| a.contributed.question_id == id)
        {
            None => {
                let answered: Vec<&str> = contribution
                    .answers
                    .iter()
                    .map(|a| a.contributed.question_id.as_str())
                    .collect();
                return Err(Error::InvalidInput(format!(
                    "Contribution {} does not answer \"{}\"; it answers {}.",
                    contribution.id,
                    quoted(id),
                    answered.join(", ")
                )));
            }
            Some(a) if a.decision != Decision::Pending => {
                return Err(Error::Conflict(format!(
                    "The answer to \"{id}\" in contribution {} has already been {}.",
                    contribution.id,
                    if a.decision == Decision::Accepted {
                        "accepted"
                    } else {
                        "set aside"
                    }
                )));
            }
            Some(a) => picked.push(a.clone()),
        }
    }
    Ok(picked)
}

/// Accepts the contribution's answers to `questions` (all still pending when `None`): the
/// fields the colleague filled in replace the assessment's (blank ones leave it as it is),
/// evidence notes and links are added with their attribution, and each decision is audited.
/// All in one transaction; refused on a final assessment.
pub fn accept(
    conn: &Connection,
    contribution_id: i64,
    questions: Option<&[String]>,
) -> Result<Contribution> {
    write(conn, |tx| {
        let contribution = load(tx, contribution_id)?;
        let assessment_id = contribution.request.assessment_id;
        assessments::ensure_draft(tx, assessment_id)?;
        let picked = chosen(&contribution, questions)?;
        let from = contribution.attribution();
        for answer in &picked {
            let given = &answer.contributed;
            let question = &given.question_id;
            let mut input = answer
                .current
                .as_ref()
                .map(AnswerInput::from)
                .unwrap_or_default();
            if given.level.is_some() || given.not_applicable.is_some() {
                input.level = given.level;
                input.not_applicable = given.not_applicable.clone();
            }
            if !given.rationale.is_empty() {
                input.rationale = given.rationale.clone();
            }
            if given.confidence.is_some() {
                input.confidence = given.confidence;
            }
            if given.target_level.is_some() {
                input.target_level = given.target_level;
            }
            answers::save_answer(tx, assessment_id, question, &input)?;
            if !given.evidence_notes.is_empty() {
                let note = format!("{} ({from})", given.evidence_notes);
                validate::text(Field::Note, &note)?;
                evidence::add_note(tx, assessment_id, question, &note)?;
            }
            for link in &given.links {
                evidence::add_link(tx, assessment_id, question, link, &format!("Link {from}"))?;
            }
            for file in &given.files {
                let stored = StoredFile {
                    sha256: file.sha256.clone(),
                    size: file.size,
                    media_type: evidence_files::media_type(&file.name),
                    name: file.name.clone(),
                };
                evidence::add_stored_file(
                    tx,
                    assessment_id,
                    question,
                    &stored,
                    &format!("File {from}"),
                )?;
            }
            tx.execute(
                "UPDATE contribution_answer SET status = 'accepted', decided_at = ?3 WHERE contribution_id = ?1 AND question_id = ?2",
                params![contribution_id, question, now()],
            )?;
            audit::record(
                tx,
                assessment_id,
                &format!("{question}: contribution {contribution_id} accepted"),
                None,
                Some(&from),
            )?;
        }
        load(tx, contribution_id)
    })
}

/// Sets aside every still-pending answer of a contribution, with the lead's note; the
/// assessment is not changed, and the decision is audited.
pub fn set_aside(conn: &Connection, contribution_id: i64, note: &str) -> Result<Contribution> {
    let note = validate::required(Field::Note, note)?;
    write(conn, |tx| {
        let contribution = load(tx, contribution_id)?;
        let assessment_id = contribution.request.assessment_id;
        assessments::ensure_draft(tx, assessment_id)?;
        let picked = chosen(&contribution, None)?;
        for answer in &picked {
            tx.execute(
                "UPDATE contribution_answer SET status = 'set_aside', decided_at = ?3 WHERE contribution_id = ?1 AND question_id = ?2",
                params![contribution_id, answer.contributed.question_id, now()],
            )?;
        }
        tx.execute(
            "UPDATE contribution SET decision_note = ?2 WHERE id = ?1",
            params![contribution_id, note],
        )?;
        audit::record(
            tx,
            assessment_id,
            &format!(
                "contribution {contribution_id} {} set aside",
                contribution.attribution()
            ),
            None,
            Some(&note),
        )?;
        load(tx, contribution_id)
    })
}

/// Who contributed accepted answers, by question id: "Sam Patel (Customer Services)". For the
/// report's method section.
pub fn contributors_by_question(
    conn: &Connection,
    assessment_id: i64,
) -> Result<BTreeMap<String, Vec<String>>> {
    let mut statement = conn.prepare(
        "SELECT a.question_id, r.contributor, r.team
           FROM contribution_answer a
           JOIN contribution c ON c.id = a.contribution_id
           JOIN contribution_request r ON r.id = c.request_id
          WHERE r.assessment_id = ?1 AND a.status = 'accepted'
          ORDER BY c.id",
    )?;
    let mut by_question: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let rows = statement.query_map([assessment_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (question, name, team) = row?;
        let who = if team.is_empty() {
            name
        } else {
            format!("{name} ({team})")
        };
        let list = by_question.entry(question).or_default();
        if !list.contains(&who) {
            list.push(who);
        }
    }
    Ok(by_question)
}
