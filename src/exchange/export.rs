//! Building the exchange document from the store and writing it as JSON. The document is a
//! faithful copy of what is stored (timestamps and flags included), so that importing it and
//! exporting again gives the same document apart from the `exported` block.

use std::io::Read;

use base64::Engine;
use rusqlite::Connection;

use super::format::*;
use super::{ExportOptions, MAX_IMPORT_BYTES};
use crate::store::evidence::{self, Evidence, EvidenceKind};
use crate::store::{self, actions::Action, answers::Answer, snapshots, AssessmentDetail};
use crate::{Error, Result};

/// The assessment `id` as a `yardstick-assessment` JSON document (pretty-printed UTF-8).
pub fn export_json(conn: &Connection, id: i64, options: &ExportOptions) -> Result<Vec<u8>> {
    let document = document(conn, id, options)?;
    let mut bytes = serde_json::to_vec_pretty(&document).map_err(|e| {
        Error::Internal(format!("The assessment could not be written as JSON: {e}"))
    })?;
    bytes.push(b'\n');
    // A file that no Yardstick would import helps nobody, so say so now rather than later.
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(Error::InvalidInput(format!(
            "With its files embedded, assessment {id} comes to {} MiB, more than the {} MiB an import accepts. Export it without files, and send the large files separately.",
            bytes.len() / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The document for assessment `id`.
pub(crate) fn document(
    conn: &Connection,
    id: i64,
    options: &ExportOptions,
) -> Result<ExchangeDocument> {
    let detail = store::load_assessment(conn, id)?;
    let evidence = detail
        .evidence
        .iter()
        .map(|item| evidence_doc(conn, item, options.with_files))
        .collect::<Result<Vec<_>>>()?;
    Ok(ExchangeDocument {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        exported: ExportInfo {
            application: format!("Yardstick {}", env!("CARGO_PKG_VERSION")),
            exported_at: store::now(),
            assessment_id: id,
        },
        organisation: organisation_doc(&detail),
        assessment: assessment_doc(&detail)?,
        checklist: checklist_doc(conn, &detail)?,
        answers: detail.answers.iter().map(answer_doc).collect(),
        evidence,
        actions: detail.actions.iter().map(action_doc).collect(),
        sign_off: sign_off_doc(&detail),
    })
}

fn organisation_doc(detail: &AssessmentDetail) -> OrganisationDoc {
    let organisation = &detail.organisation;
    OrganisationDoc {
        name: organisation.name.clone(),
        kind: OrganisationKindDoc::from_store(organisation.kind.as_str())
            .unwrap_or(OrganisationKindDoc::Other),
        gss_code: organisation.gss_code.clone(),
    }
}

fn assessment_doc(detail: &AssessmentDetail) -> Result<AssessmentDoc> {
    let assessment = &detail.assessment;
    Ok(AssessmentDoc {
        period: assessment.period.clone(),
        scope: assessment.scope.clone(),
        profile: assessment.profile_id.clone(),
        assessor: assessment.assessor.clone(),
        status: AssessmentStatusDoc::from_store(assessment.status.as_str())
            .ok_or_else(|| Error::Internal("An assessment has an unknown status.".into()))?,
        created_at: assessment.created_at.clone(),
        updated_at: assessment.updated_at.clone(),
    })
}

fn sign_off_doc(detail: &AssessmentDetail) -> Option<SignOffDoc> {
    let assessment = &detail.assessment;
    match (&assessment.approver, &assessment.finalised_at) {
        (Some(approver), Some(finalised_at)) => Some(SignOffDoc {
            approver: approver.clone(),
            finalised_at: finalised_at.clone(),
        }),
        _ => None,
    }
}

fn checklist_doc(conn: &Connection, detail: &AssessmentDetail) -> Result<ChecklistDoc> {
    let snapshot_id: i64 = conn.query_row(
        "SELECT checklist_snapshot_id FROM assessment WHERE id = ?1",
        [detail.assessment.id],
        |row| row.get(0),
    )?;
    let info = &detail.assessment.checklist;
    Ok(ChecklistDoc {
        id: info.checklist_id.clone(),
        version: info.version.clone(),
        sha256: info.sha256.clone(),
        source: snapshots::snapshot_source(conn, snapshot_id)?,
    })
}

fn answer_doc(answer: &Answer) -> AnswerDoc {
    AnswerDoc {
        question_id: answer.question_id.clone(),
        level: answer.level,
        target_level: answer.target_level,
        confidence: answer
            .confidence
            .and_then(|c| ConfidenceDoc::from_store(c.as_str())),
        rationale: answer.rationale.clone(),
        carried_forward: answer.carried_forward,
        not_applicable: answer.not_applicable.clone(),
        updated_at: answer.updated_at.clone(),
    }
}

fn action_doc(action: &Action) -> ActionDoc {
    ActionDoc {
        question_id: action.question_id.clone(),
        title: action.title.clone(),
        owner: action.owner.clone(),
        due_date: action.due_date.clone(),
        status: ActionStatusDoc::from_store(action.status.as_str())
            .unwrap_or(ActionStatusDoc::Open),
        notes: action.notes.clone(),
        created_at: action.created_at.clone(),
        updated_at: action.updated_at.clone(),
    }
}

fn evidence_doc(conn: &Connection, item: &Evidence, with_files: bool) -> Result<EvidenceDoc> {
    let file = match &item.file {
        Some(file) => Some(FileDoc {
            // Names stored before the one file-name rule may break it; send what import takes.
            name: match crate::files::unsafe_file_name(&file.name) {
                Some(_) => crate::files::plain_file_name(&file.name),
                None => file.name.clone(),
            },
            size: file.size,
            media_type: file.media_type.clone(),
            sha256: file.sha256.clone(),
            content: match with_files {
                true => Some(embedded(conn, item, &file.sha256)?),
                false => None,
            },
        }),
        None => None,
    };
    Ok(EvidenceDoc {
        question_id: item.question_id.clone(),
        kind: match item.kind {
            EvidenceKind::Note => EvidenceKindDoc::Note,
            EvidenceKind::Link => EvidenceKindDoc::Link,
            EvidenceKind::File => EvidenceKindDoc::File,
        },
        note: item.note.clone(),
        url: item.url.clone(),
        file,
        created_at: item.created_at.clone(),
    })
}

/// The stored copy of an attached file, base64-encoded, after checking it is still the file
/// that was attached: a damaged copy must not travel under the original's hash.
fn embedded(conn: &Connection, item: &Evidence, sha256: &str) -> Result<String> {
    let path = evidence::stored_file_path(conn, item.id)?;
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|file| {
            file.take(store::validate::MAX_ATTACHMENT_BYTES + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| {
            Error::io(
                format!("Could not read the attached file {}", path.display()),
                e,
            )
        })?;
    if snapshots::sha256_hex(&bytes) != sha256 {
        return Err(Error::Conflict(format!(
            "The stored copy of \"{}\" ({}) no longer matches the file that was attached, so it cannot be exported with its files. Attach the file again, or export without files.",
            item.file.as_ref().map_or("", |f| f.name.as_str()),
            path.display()
        )));
    }
    Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
}
