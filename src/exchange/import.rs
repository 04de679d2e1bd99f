//! Importing a checked document: decide what to do if the organisation already has an
//! assessment for the period, then write organisation, checklist snapshot, assessment,
//! answers, evidence, actions and embedded files in one transaction.
//!
//! The organisation and snapshot go through the store's own functions. The assessment and
//! its parts are inserted here because an import reproduces a record rather than editing
//! one: it keeps the original timestamps, sign-off and carried-forward flags, may be final or
//! a peer's (which the editing functions rightly refuse to touch), and records itself in the
//! audit trail once instead of once per field. Every value was checked by `check` against
//! the same rules the editing functions apply.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::check::{self, Checked};
use super::format::{AssessmentStatusDoc, ExchangeDocument};
use super::{read, ImportOptions, ImportOutcome, OnConflict};
use crate::store::organisations::{self, Organisation, OrganisationKind};
use crate::store::{self, audit, evidence_files, snapshots};
use crate::{Error, Field, Result};

/// Imports the `yardstick-assessment` file at `path`. Nothing is written unless the whole
/// file is valid; see [`ImportOutcome`] for what happened.
pub fn import_json_file(
    conn: &Connection,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    let label = path.display().to_string();
    let bytes = read::read_file(path, &label)?;
    let document = read::parse(&label, &bytes)?;
    // An import may be hundreds of megabytes; the parsed document is all that is needed now.
    drop(bytes);
    let file_name = path
        .file_name()
        .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
    import_document(conn, &label, &file_name, document, options)
}

/// Imports a `yardstick-assessment` document already in memory (a drop, a paste, a fuzzer),
/// by the same checks and writes as [`import_json_file`]; `name` stands for the file name
/// in messages, the audit trail and a peer's source.
pub fn import_json_bytes(
    conn: &Connection,
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    read::refuse_size(name, bytes.len() as u64)?;
    let document = read::parse(name, bytes)?;
    import_document(conn, name, name, document, options)
}

fn import_document(
    conn: &Connection,
    label: &str,
    file_name: &str,
    document: ExchangeDocument,
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    let checked = check::check(label, document)?;
    store::write(conn, |tx| write(tx, label, file_name, &checked, options))
}

/// Where the assessment goes: into an organisation (existing or to be created under
/// `name`), or nowhere.
enum Target {
    Into {
        existing: Option<Organisation>,
        name: String,
        copy_of: Option<i64>,
    },
    Skip(i64),
}

fn write(
    tx: &Connection,
    label: &str,
    file_name: &str,
    checked: &Checked,
    options: &ImportOptions,
) -> Result<ImportOutcome> {
    let document = &checked.document;
    let period = document.assessment.period.clone();
    let (existing, name, copy_of) = match target(tx, label, checked, options)? {
        Target::Skip(existing_id) => {
            return Ok(ImportOutcome::Skipped {
                existing_id,
                organisation: document.organisation.name.clone(),
                period,
            })
        }
        Target::Into {
            existing,
            name,
            copy_of,
        } => (existing, name, copy_of),
    };
    let organisation = match existing {
        Some(organisation) => organisation,
        None => create_organisation(tx, &name, document, options.as_peer)?,
    };
    let peer_source = options.as_peer.then_some(file_name);
    let id = insert_assessment(tx, organisation.id, checked, peer_source)?;
    insert_parts(tx, id, document)?;
    audit::record(
        tx,
        id,
        "assessment",
        None,
        Some(&format!(
            "imported from {file_name} ({}, exported {}){}",
            document.exported.application,
            document.exported.exported_at,
            if options.as_peer {
                " as a peer's assessment"
            } else {
                ""
            }
        )),
    )?;
    store_files(tx, checked)?;
    let peer = options.as_peer;
    Ok(match copy_of {
        Some(existing_id) => ImportOutcome::Copied {
            id,
            organisation: organisation.name,
            original_organisation: document.organisation.name.clone(),
            existing_id,
            period,
            peer,
        },
        None => ImportOutcome::Imported {
            id,
            organisation: organisation.name,
            period,
            peer,
        },
    })
}

/// A peer's assessment is placed among peer organisations only, and the user's own among
/// their own, so the two never share an organisation whatever the names.
fn target(
    tx: &Connection,
    label: &str,
    checked: &Checked,
    options: &ImportOptions,
) -> Result<Target> {
    let document = &checked.document;
    let name = &document.organisation.name;
    let period = &document.assessment.period;
    let find = |name: &str| {
        if options.as_peer {
            organisations::find_peer_by_name(tx, name)
        } else {
            organisations::find_by_name(tx, name)
        }
    };
    let existing = find(name)?;
    let checklist_id = &checked.checklist.id;
    let scope = &document.assessment.scope;
    let clash = match &existing {
        Some(organisation) => assessment_for(tx, organisation.id, period, checklist_id, scope)?,
        None => None,
    };
    let Some(existing_id) = clash else {
        return Ok(Target::Into {
            existing,
            name: name.clone(),
            copy_of: None,
        });
    };
    match options.on_conflict {
        OnConflict::Skip => Ok(Target::Skip(existing_id)),
        OnConflict::Copy => Ok(Target::Into {
            existing: None,
            name: copy_name(name, find)?,
            copy_of: Some(existing_id),
        }),
        OnConflict::Refuse => Err(Error::Conflict(format!(
            "{label} holds the {period} assessment of {name} against “{}”{}, and this database already has one (id {existing_id}), so nothing was imported. To keep both, import it as a copy (it goes under \"{name} (copy)\"); to keep only the one you have, skip it.",
            checked.checklist.title,
            if scope.is_empty() { String::new() } else { format!(" for {scope}") },
        ))
        .on(Field::OnConflict)),
    }
}

/// The assessment already here for the same organisation, period, checklist and scope.
fn assessment_for(
    tx: &Connection,
    organisation_id: i64,
    period: &str,
    checklist_id: &str,
    scope: &str,
) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM assessment
              WHERE organisation_id = ?1 AND period = ?2 AND checklist_id = ?3 AND scope = ?4",
            params![organisation_id, period, checklist_id, scope],
            |row| row.get(0),
        )
        .optional()?)
}

/// "<name> (copy)", or "(copy 2)", "(copy 3)"… when that is taken too.
fn copy_name(name: &str, find: impl Fn(&str) -> Result<Option<Organisation>>) -> Result<String> {
    for n in 1.. {
        let candidate = match n {
            1 => format!("{name} (copy)"),
            n => format!("{name} (copy {n})"),
        };
        if find(&candidate)?.is_none() {
            return Ok(candidate);
        }
    }
    Err(Error::Internal(
        "No free name for a copy of the organisation.".into(),
    ))
}

fn create_organisation(
    tx: &Connection,
    name: &str,
    document: &ExchangeDocument,
    peer: bool,
) -> Result<Organisation> {
    let kind = document.organisation.kind;
    let kind = OrganisationKind::parse(kind.as_str()).unwrap_or(OrganisationKind::Other);
    let gss = document.organisation.gss_code.as_deref();
    if peer {
        organisations::create(tx, name, kind, gss, true)
    } else {
        organisations::create_organisation(tx, name, kind, gss)
    }
}

fn insert_assessment(
    tx: &Connection,
    organisation_id: i64,
    checked: &Checked,
    peer_source: Option<&str>,
) -> Result<i64> {
    let document = &checked.document;
    let snapshot_id = snapshots::store_snapshot(tx, &document.checklist.source)?;
    let assessment = &document.assessment;
    let sign_off = document.sign_off.as_ref();
    let status = match assessment.status {
        AssessmentStatusDoc::Draft => "draft",
        AssessmentStatusDoc::Final => "final",
    };
    tx.execute(
        "INSERT INTO assessment (organisation_id, period, assessor, status, checklist_snapshot_id, question_count,
                                 created_at, updated_at, finalised_at, approver, peer_source,
                                 checklist_id, scope, profile_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            organisation_id,
            assessment.period,
            assessment.assessor,
            status,
            snapshot_id,
            checked.checklist.questions.len() as u32,
            assessment.created_at,
            assessment.updated_at,
            sign_off.map(|s| &s.finalised_at),
            sign_off.map(|s| &s.approver),
            peer_source,
            checked.checklist.id,
            assessment.scope,
            assessment.profile,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn insert_parts(tx: &Connection, id: i64, document: &ExchangeDocument) -> Result<()> {
    let mut answer = tx.prepare(
        "INSERT INTO answer (assessment_id, question_id, level, rationale, confidence, target_level, carried_forward, updated_at, not_applicable_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for a in &document.answers {
        answer.execute(params![
            id,
            a.question_id,
            a.level,
            a.rationale,
            a.confidence.map(|c| c.as_str()),
            a.target_level,
            a.carried_forward,
            a.updated_at,
            a.not_applicable,
        ])?;
    }
    let mut evidence = tx.prepare(
        "INSERT INTO evidence (assessment_id, question_id, kind, note, url, file_sha256, file_name, file_size, media_type, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for e in &document.evidence {
        let file = e.file.as_ref();
        evidence.execute(params![
            id,
            e.question_id,
            e.kind.as_str(),
            e.note,
            e.url,
            file.map(|f| &f.sha256),
            file.map(|f| &f.name),
            file.map(|f| f.size),
            file.map(|f| &f.media_type),
            e.created_at
        ])?;
    }
    let mut action = tx.prepare(
        "INSERT INTO action (assessment_id, question_id, title, owner, due_date, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for a in &document.actions {
        action.execute(params![
            id,
            a.question_id,
            a.title,
            a.owner,
            a.due_date,
            a.status.as_str(),
            a.notes,
            a.created_at,
            a.updated_at
        ])?;
    }
    Ok(())
}

/// Writes embedded files into the evidence folder before the transaction commits, so a
/// committed row never points at a file that is not there. Should the commit then fail, the
/// files stay unreferenced, like files of removed evidence.
fn store_files(tx: &Connection, checked: &Checked) -> Result<()> {
    if checked.files.is_empty() {
        return Ok(());
    }
    let dir = store::evidence_dir(tx).ok_or_else(|| {
        Error::InvalidInput(
            "This database is held in memory, so it has nowhere to keep the attached files in this import.".into(),
        )
    })?;
    for (sha256, bytes) in &checked.files {
        evidence_files::store_bytes(&dir, sha256, bytes)?;
    }
    Ok(())
}
