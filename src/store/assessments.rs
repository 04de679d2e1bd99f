//! Assessments: one organisation's self-assessment for one financial year against one
//! checklist snapshot, optionally of one scope (a service, a system). An organisation has at
//! most one assessment per period, checklist and scope, and its history (previous year,
//! comparison, report) runs within one checklist and scope. Owns the draft → final →
//! (reopened) draft life cycle and the rule that a final assessment cannot be changed, and the
//! summary rows of the home screen and `list`.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::snapshots::{self, SnapshotInfo};
use super::{audit, carry, now, organisations, validate, write};
use crate::{scoring, Error, Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    Draft,
    Final,
}

impl AssessmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Final => "final",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    /// Financial year, e.g. "2026/27".
    pub period: String,
    pub assessor: String,
    pub status: AssessmentStatus,
    pub checklist: SnapshotInfo,
    /// What was assessed within the organisation, e.g. "Planning applications service"; empty
    /// when the whole organisation was.
    pub scope: String,
    /// The id of the checklist's target profile it started from; empty when none.
    pub profile_id: String,
    pub question_count: u32,
    /// The assessment this one was started from, if any (and not since deleted).
    pub previous_id: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
    pub finalised_at: Option<String>,
    pub approver: Option<String>,
    /// Imported as a peer council's assessment: read-only, for comparison.
    pub peer: bool,
    /// For a peer's assessment, the name of the file it was imported from.
    pub peer_source: Option<String>,
}

/// One assessment on the home screen: who, when, how far along.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentSummary {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub period: String,
    /// The checklist's id and title, so lists can tell assessments of one period apart.
    pub checklist_id: String,
    pub checklist_title: String,
    /// See [`Assessment::scope`].
    pub scope: String,
    pub status: String,
    pub assessor: String,
    /// Questions with a level or judged not applicable.
    pub answered: u32,
    pub question_count: u32,
    /// See [`scoring::overall_level`]; `None` until a question has a level, and for a
    /// checklist whose results are not an average.
    pub overall_level: Option<u8>,
    /// The results in one line by the checklist's own rule (see [`scoring::ResultSummary`]).
    pub result: String,
    pub updated_at: String,
    /// A peer council's imported assessment (see [`Assessment::peer`]).
    pub peer: bool,
    pub peer_source: Option<String>,
}

/// What is needed to start an assessment. `checklist_source` is the full text of the
/// checklist file (e.g. `LoadedChecklist::source_text`); it is stored as the snapshot.
#[derive(Debug, Clone)]
pub struct NewAssessment<'a> {
    pub organisation_id: i64,
    pub period: &'a str,
    pub assessor: &'a str,
    pub checklist_source: &'a str,
    /// See [`Assessment::scope`]; empty for the whole organisation.
    pub scope: &'a str,
    /// A target profile of the checklist to set the targets from; `None` for none.
    pub profile: Option<&'a str>,
    /// Carry answers, evidence and open actions forward from this assessment.
    pub from: Option<i64>,
}

/// Every assessment, grouped by organisation name and newest period first.
pub fn list_summaries(conn: &Connection) -> Result<Vec<AssessmentSummary>> {
    let mut answers = super::answers::answers_by_assessment(conn)?;
    // Each checklist file is parsed once however many assessments used it.
    let mut checklists: HashMap<i64, crate::checklist::Checklist> = HashMap::new();
    let mut statement = conn.prepare(
        "SELECT a.id, o.id AS organisation_id, o.name AS organisation, a.period, a.status,
                a.assessor, a.question_count, a.updated_at, a.peer_source, a.checklist_id,
                s.title AS checklist_title, a.scope, a.checklist_snapshot_id
           FROM assessment a
           JOIN organisation o ON o.id = a.organisation_id
           JOIN checklist_snapshot s ON s.id = a.checklist_snapshot_id
          ORDER BY o.name COLLATE NOCASE, a.period DESC, s.title, a.scope, a.id DESC",
    )?;
    let mut rows = statement.query([])?;
    let mut summaries = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get("id")?;
        let snapshot_id: i64 = row.get("checklist_snapshot_id")?;
        if let std::collections::hash_map::Entry::Vacant(entry) = checklists.entry(snapshot_id) {
            entry.insert(snapshots::parse_stored(conn, snapshot_id)?);
        }
        let checklist = &checklists[&snapshot_id];
        let answers = answers.remove(&id).unwrap_or_default();
        let results = scoring::assessment_results(checklist, &answers).overall;
        summaries.push(AssessmentSummary {
            id,
            organisation_id: row.get("organisation_id")?,
            organisation: row.get("organisation")?,
            period: row.get("period")?,
            checklist_id: row.get("checklist_id")?,
            checklist_title: row.get("checklist_title")?,
            scope: row.get("scope")?,
            status: row.get("status")?,
            assessor: row.get("assessor")?,
            answered: results.assessed + results.not_applicable,
            question_count: row.get("question_count")?,
            overall_level: match checklist.results {
                crate::checklist::ResultRule::Average => results.level,
                _ => None,
            },
            result: results.headline,
            updated_at: row.get("updated_at")?,
            peer: row.get::<_, Option<String>>("peer_source")?.is_some(),
            peer_source: row.get("peer_source")?,
        });
    }
    Ok(summaries)
}

const SELECT: &str = "SELECT a.id, a.organisation_id, o.name AS organisation, a.period,
        a.assessor, a.status, s.checklist_id, s.title, s.version, s.sha256, a.scope, a.profile_id, a.question_count,
        a.previous_id, a.created_at, a.updated_at, a.finalised_at, a.approver, a.peer_source
   FROM assessment a
   JOIN organisation o ON o.id = a.organisation_id
   JOIN checklist_snapshot s ON s.id = a.checklist_snapshot_id";

fn from_row(row: &Row) -> rusqlite::Result<Assessment> {
    let status: String = row.get("status")?;
    Ok(Assessment {
        id: row.get("id")?,
        organisation_id: row.get("organisation_id")?,
        organisation: row.get("organisation")?,
        period: row.get("period")?,
        assessor: row.get("assessor")?,
        status: if status == "final" {
            AssessmentStatus::Final
        } else {
            AssessmentStatus::Draft
        },
        checklist: SnapshotInfo {
            checklist_id: row.get("checklist_id")?,
            title: row.get("title")?,
            version: row.get("version")?,
            sha256: row.get("sha256")?,
        },
        scope: row.get("scope")?,
        profile_id: row.get("profile_id")?,
        question_count: row.get("question_count")?,
        previous_id: row.get("previous_id")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        finalised_at: row.get("finalised_at")?,
        approver: row.get("approver")?,
        peer: row.get::<_, Option<String>>("peer_source")?.is_some(),
        peer_source: row.get("peer_source")?,
    })
}

pub fn get_assessment(conn: &Connection, id: i64) -> Result<Assessment> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| not_found(id))
}

/// All assessments of one organisation, oldest period first (the order of a comparison).
pub fn list_for_organisation(conn: &Connection, organisation_id: i64) -> Result<Vec<Assessment>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} WHERE a.organisation_id = ?1 ORDER BY a.period, a.id"
    ))?;
    let rows = statement.query_map([organisation_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The assessments `assessment` has a history with: the same organisation, checklist and
/// scope, oldest period first, itself included. Another checklist's results are on another
/// scale and another scope is another thing assessed, so neither is "last year".
pub fn list_history(conn: &Connection, assessment: &Assessment) -> Result<Vec<Assessment>> {
    let mut statement = conn.prepare(&format!(
        "{SELECT} WHERE a.organisation_id = ?1 AND a.checklist_id = ?2 AND a.scope = ?3
          ORDER BY a.period, a.id"
    ))?;
    let rows = statement.query_map(
        params![
            assessment.organisation_id,
            assessment.checklist.checklist_id,
            assessment.scope
        ],
        from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// `“Service Standard” for Planning applications service`: what an assessment is of, for
/// messages that must tell two assessments of one period apart.
pub fn checklist_and_scope(assessment: &Assessment) -> String {
    match assessment.scope.as_str() {
        "" => format!("“{}”", assessment.checklist.title),
        scope => format!("“{}” for {scope}", assessment.checklist.title),
    }
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "There is no assessment with id {id}. It may have been deleted; choose one from the list of assessments."
    ))
}

/// The assessment, if it may be changed; a final one gives a `Locked` error that says how to
/// unlock it. Every write to an assessment's parts goes through here.
pub fn ensure_draft(conn: &Connection, id: i64) -> Result<Assessment> {
    let assessment = ensure_own(conn, id)?;
    if assessment.status == AssessmentStatus::Final {
        return Err(Error::Locked(format!(
            "The {} assessment for {} (id {id}) is final, so it cannot be changed. Reopen it, giving a reason, if it needs correcting.",
            assessment.organisation, assessment.period
        )));
    }
    Ok(assessment)
}

/// The assessment, if it is the organisation's own; a peer's imported assessment gives a
/// `Locked` error, because it is someone else's record kept for comparison.
fn ensure_own(conn: &Connection, id: i64) -> Result<Assessment> {
    let assessment = get_assessment(conn, id)?;
    if let Some(source) = &assessment.peer_source {
        return Err(Error::Locked(format!(
            "The {} assessment for {} (id {id}) is a peer's, imported from {source}, so it cannot be changed. Ask them for a new export if it needs correcting.",
            assessment.organisation, assessment.period
        )));
    }
    Ok(assessment)
}

/// Marks an assessment as changed now, for "last saved" and list order.
pub(crate) fn touch(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE assessment SET updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// Starts a draft assessment, storing the checklist snapshot, and if `from` is given carries
/// that assessment's answers, evidence and open actions forward, all in one transaction.
pub fn create_assessment(conn: &Connection, new: &NewAssessment) -> Result<Assessment> {
    validate::period(new.period)?;
    let period = new.period.trim();
    let assessor = new.assessor.trim();
    validate::text(Field::Assessor, assessor)?;
    let scope = new.scope.trim();
    validate::text(Field::Scope, scope)?;
    write(conn, |tx| {
        let organisation = organisations::get_organisation(tx, new.organisation_id)?;
        let snapshot_id = snapshots::store_snapshot(tx, new.checklist_source)?;
        let checklist = snapshots::parse_stored(tx, snapshot_id)?;
        refuse_duplicate(tx, &organisation, period, &checklist, scope)?;
        if let Some(from) = new.from {
            refuse_other_checklist(&get_assessment(tx, from)?, &checklist)?;
        }
        let profile = match new.profile.map(str::trim).filter(|p| !p.is_empty()) {
            Some(id) => Some(require_profile(&checklist, id)?),
            None => None,
        };
        let at = now();
        tx.execute(
            "INSERT INTO assessment (organisation_id, period, assessor, status, checklist_snapshot_id,
                                     checklist_id, scope, question_count, previous_id, created_at,
                                     updated_at, profile_id)
             VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            params![organisation.id, period, assessor, snapshot_id, checklist.id, scope, checklist.questions.len() as u32, new.from, at, profile.map_or("", |p| p.id.as_str())],
        )?;
        let id = tx.last_insert_rowid();
        let mut created = "started".to_string();
        if let Some(profile) = profile {
            set_targets_from_profile(tx, id, profile, &at)?;
            created.push_str(&format!(
                " with the targets of the profile “{}”",
                profile.title
            ));
        }
        if let Some(from) = new.from {
            created.push_str(&format!(
                " from assessment {from}; {}",
                carry::carry_forward(tx, from, id, &checklist)?
            ));
        }
        audit::record(tx, id, "assessment", None, Some(&created))?;
        get_assessment(tx, id)
    })
}

/// The profile `id` of `checklist`, or an error on the profile field that lists the ones it has.
fn require_profile<'c>(
    checklist: &'c crate::checklist::Checklist,
    id: &str,
) -> Result<&'c crate::checklist::Profile> {
    if let Some(profile) = checklist.profile(id) {
        return Ok(profile);
    }
    let known: Vec<String> = checklist
        .profiles
        .iter()
        .map(|p| format!("\"{}\" ({})", p.id, p.title))
        .collect();
    let choose = match known.is_empty() {
        true => "It has no target profiles, so leave the profile out.".to_string(),
        false => format!("Choose one of {}.", known.join(", ")),
    };
    Err(Error::invalid(
        Field::Profile,
        format!(
            "The checklist “{}” has no target profile \"{}\". {choose}",
            checklist.title,
            crate::text::quoted(id)
        ),
    ))
}

/// One answer per question the profile names, with its target and nothing else yet.
fn set_targets_from_profile(
    conn: &Connection,
    assessment_id: i64,
    profile: &crate::checklist::Profile,
    at: &str,
) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO answer (assessment_id, question_id, level, rationale, confidence, target_level, carried_forward, updated_at)
         VALUES (?1, ?2, NULL, '', NULL, ?3, 0, ?4)",
    )?;
    for target in &profile.targets {
        insert.execute(params![assessment_id, target.question_id, target.level, at])?;
    }
    Ok(())
}

fn refuse_duplicate(
    conn: &Connection,
    organisation: &organisations::Organisation,
    period: &str,
    checklist: &crate::checklist::Checklist,
    scope: &str,
) -> Result<()> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM assessment
              WHERE organisation_id = ?1 AND period = ?2 AND checklist_id = ?3 AND scope = ?4",
            params![organisation.id, period, checklist.id, scope],
            |row| row.get(0),
        )
        .optional()?;
    let of_scope = match scope {
        "" => String::new(),
        scope => format!(" for {scope}"),
    };
    match existing {
        Some(id) => Err(Error::Conflict(format!(
            "{} already has an assessment against “{}”{of_scope} for {period} (id {id}). Open that one, choose another period, or name a different scope.",
            organisation.name, checklist.title
        ))
        .on(Field::Period)),
        None => Ok(()),
    }
}

/// Answers carry forward only within one checklist: another checklist's questions and levels
/// mean something else.
fn refuse_other_checklist(
    from: &Assessment,
    checklist: &crate::checklist::Checklist,
) -> Result<()> {
    if from.checklist.checklist_id == checklist.id {
        return Ok(());
    }
    Err(Error::invalid(
        Field::PreviousAssessment,
        format!(
            "Assessment {} ({}, {}) used the checklist “{}”, so its answers cannot be carried into an assessment against “{}”. Start without carrying anything forward, or choose an earlier assessment against “{}”.",
            from.id, from.organisation, from.period, from.checklist.title, checklist.title, checklist.title
        ),
    ))
}

/// Signs an assessment off: it becomes final and read-only.
pub fn finalise(conn: &Connection, id: i64, approver: &str) -> Result<Assessment> {
    let approver = validate::required(Field::Approver, approver)?;
    write(conn, |tx| {
        ensure_draft(tx, id)?;
        tx.execute(
            "UPDATE assessment SET status = 'final', approver = ?2, finalised_at = ?3, updated_at = ?3 WHERE id = ?1",
            params![id, approver, now()],
        )?;
        audit::record(
            tx,
            id,
            "status",
            Some("draft"),
            Some(&format!("final, approved by {approver}")),
        )?;
        get_assessment(tx, id)
    })
}

/// Reopens a final assessment as a draft. The reason is required and kept in the audit trail
/// with the sign-off it undoes, because changing a signed-off assessment must be accountable.
pub fn reopen(conn: &Connection, id: i64, reason: &str) -> Result<Assessment> {
    let reason = validate::required(Field::ReopenReason, reason)?;
    write(conn, |tx| {
        let assessment = ensure_own(tx, id)?;
        if assessment.status != AssessmentStatus::Final {
            return Err(Error::Conflict(format!(
                "The {} assessment for {} (id {id}) is already a draft, so there is nothing to reopen.",
                assessment.organisation, assessment.period
            )));
        }
        tx.execute(
            "UPDATE assessment SET status = 'draft', approver = NULL, finalised_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        let old = format!(
            "final, approved by {} on {}",
            assessment.approver.as_deref().unwrap_or("unknown"),
            assessment.finalised_at.as_deref().unwrap_or("unknown date")
        );
        audit::record(
            tx,
            id,
            "status",
            Some(&old),
            Some(&format!("draft, reopened: {reason}")),
        )?;
        get_assessment(tx, id)
    })
}

/// Deletes a draft assessment with everything in it. A final one must be reopened first; a
/// peer's can always be deleted, since it is only a copy kept for comparison.
///
/// A peer organisation left with no assessments goes too: it exists only to hold them.
pub fn delete_assessment(conn: &Connection, id: i64) -> Result<()> {
    write(conn, |tx| {
        let assessment = get_assessment(tx, id)?;
        if assessment.peer_source.is_none() {
            ensure_draft(tx, id)?;
        }
        tx.execute("DELETE FROM assessment WHERE id = ?1", [id])?;
        tx.execute(
            "DELETE FROM organisation WHERE id = ?1 AND peer = 1
                AND NOT EXISTS (SELECT 1 FROM assessment WHERE organisation_id = ?1)",
            [assessment.organisation_id],
        )?;
        Ok(())
    })
}
