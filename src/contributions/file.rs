//! The Yardstick contribution file (`yardstick-contribution`, format version 1): one JSON
//! document that goes out as a request, with only the questions asked, and comes back with
//! each question's `answer` filled in. Specified in docs/contribution-format.md; the JSON
//! Schema beside it is generated from these types.

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ContributedAnswer, ContributionRequest};
use super::{ContributedFile, MAX_RETURNED_FILE_BYTES};
use crate::checklist::Checklist;
use crate::exchange::attachment;
pub use crate::exchange::format::{ConfidenceDoc, FileDoc};
use crate::problems::Problems;
use crate::store::answers::Confidence;
use crate::store::assessments::Assessment;
use crate::store::validate::{self, MAX_EVIDENCE_PER_QUESTION};
use crate::{Error, Field, Result};

/// The file at `path` with the name messages call it by, refused unread when it is larger
/// than any contribution file can be.
pub(super) fn read_bounded(path: &Path) -> Result<(String, Vec<u8>)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let unreadable = |e| Error::io(format!("Could not read {}", path.display()), e);
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_RETURNED_FILE_BYTES {
        return Err(Error::invalid(
            Field::File,
            format!("{name} is {size} bytes; a contribution file is at most {MAX_RETURNED_FILE_BYTES}. Check it is the right file."),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    Ok((name, bytes))
}

pub const FORMAT: &str = "yardstick-contribution";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContributionDocument {
    /// Always "yardstick-contribution".
    pub format: String,
    /// 1.
    pub format_version: u32,
    pub request: RequestDoc,
    /// The questions asked, in checklist order.
    pub questions: Vec<QuestionDoc>,
}

/// Who asked whom, about which assessment and checklist. Returned unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestDoc {
    /// The request's random id (UUID layout); matches the returned file to its request.
    pub request_id: String,
    /// The assessment's id in the lead's database.
    pub assessment_id: i64,
    pub organisation: String,
    pub period: String,
    pub checklist: ChecklistDoc,
    pub contributor: String,
    pub team: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    pub note: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChecklistDoc {
    pub id: String,
    pub version: String,
    /// Lower-case hex SHA-256 of the checklist file the assessment uses.
    pub sha256: String,
}

/// One question asked, with what the contributor needs to answer it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionDoc {
    pub question_id: String,
    pub code: String,
    pub title: String,
    pub question: String,
    pub why_it_matters: String,
    /// The levels of this question's own scale, lowest first.
    pub levels: Vec<LevelDoc>,
    /// Whether "not applicable" (with a reason) is an allowed answer.
    pub not_applicable_allowed: bool,
    /// Filled in by the contributor; absent or null when not answered.
    #[serde(default)]
    pub answer: Option<AnswerDoc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LevelDoc {
    pub level: u8,
    pub label: String,
    /// What this level looks like for this question.
    pub descriptor: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerDoc {
    /// A level of the question's scale; null when not judged.
    #[serde(default)]
    pub level: Option<u8>,
    /// The reason the question does not apply; then `level` must be null.
    #[serde(default)]
    pub not_applicable: Option<String>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub confidence: Option<ConfidenceDoc>,
    #[serde(default)]
    pub target_level: Option<u8>,
    #[serde(default)]
    pub evidence_notes: String,
    /// http(s) links only.
    #[serde(default)]
    pub links: Vec<String>,
    /// Files the contributor attached, each with its bytes in `content` (base64); at most
    /// 100 MiB each. Only the contribution file carries files; a workbook cannot.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileDoc>,
}

/// The generated JSON Schema of the contribution file, as checked in beside its spec.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ContributionDocument);
    let mut text =
        serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The request as a contribution file, every `answer` empty.
pub fn request_document(
    request: &ContributionRequest,
    assessment: &Assessment,
    checklist: &Checklist,
) -> ContributionDocument {
    let questions = request
        .question_ids
        .iter()
        .filter_map(|id| checklist.question(id))
        .map(|question| QuestionDoc {
            question_id: question.id.clone(),
            code: question.code.clone(),
            title: question.title.clone(),
            question: question.question.clone(),
            why_it_matters: question.why_it_matters.clone(),
            levels: checklist
                .levels_of(question)
                .iter()
                .map(|level| LevelDoc {
                    level: level.level,
                    label: level.label.clone(),
                    descriptor: question
                        .descriptors
                        .get(usize::from(level.level))
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect(),
            not_applicable_allowed: question.not_applicable,
            answer: None,
        })
        .collect();
    ContributionDocument {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        request: RequestDoc {
            request_id: request.request_key.clone(),
            assessment_id: request.assessment_id,
            organisation: assessment.organisation.clone(),
            period: assessment.period.clone(),
            checklist: ChecklistDoc {
                id: request.checklist_id.clone(),
                version: request.checklist_version.clone(),
                sha256: request.checklist_sha256.clone(),
            },
            contributor: request.contributor.clone(),
            team: request.team.clone(),
            due_date: request.due_date.clone(),
            note: request.note.clone(),
            created_at: request.created_at.clone(),
        },
        questions,
    }
}

pub(super) fn write_request(
    request: &ContributionRequest,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(&request_document(request, assessment, checklist))
        .map_err(|e| Error::Internal(format!("The contribution file could not be written: {e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Parses a returned file far enough to learn its request id; the shape is checked in full.
pub(super) fn parse(bytes: &[u8], file: &str) -> Result<ContributionDocument> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::invalid(
            Field::File,
            format!("{file} is not a Yardstick contribution file: it is not valid JSON ({e})."),
        )
    })?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(Error::invalid(
            Field::File,
            format!("{file} is not a Yardstick contribution file: its \"format\" should be \"{FORMAT}\"."),
        ));
    }
    let version = value
        .get("formatVersion")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if version > u64::from(FORMAT_VERSION) {
        return Err(Error::invalid(
            Field::File,
            format!("{file} was made by a newer version of Yardstick (contribution format {version}; this one reads {FORMAT_VERSION}). Update Yardstick to take it in."),
        ));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        Error::invalid(
            Field::File,
            format!(
                "{file} is not a valid contribution file: at {}, {}. See docs/contribution-format.md.",
                e.path(),
                e.inner()
            ),
        )
    })
}

/// The answers of a returned file, each checked against its question's scale and the store's
/// rules; every problem is recorded by question. Attached files are decoded and verified into
/// `files` as (sha256, bytes), each once.
pub(super) fn answers_of(
    document: &mut ContributionDocument,
    request: &ContributionRequest,
    checklist: &Checklist,
    problems: &mut Problems,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Vec<ContributedAnswer> {
    let mut answers = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, entry) in document.questions.iter_mut().enumerate() {
        let place = format!(
            "questions[{index}] ({})",
            crate::text::quoted(&entry.question_id)
        );
        if !request.question_ids.contains(&entry.question_id) {
            problems.add(&place, "this question was not asked in the request, so an answer to it cannot be taken in. Remove it from the file.");
            continue;
        }
        if !seen.insert(entry.question_id.clone()) {
            problems.add(&place, "this question appears twice; keep one answer.");
            continue;
        }
        let Some(question) = checklist.question(&entry.question_id) else {
            problems.add(
                &place,
                "this question is not in the assessment's checklist.",
            );
            continue;
        };
        let Some(answer) = &mut entry.answer else {
            continue;
        };
        let (links, found) = check_answer(
            checklist.max_level_of(question),
            question.not_applicable,
            answer,
        );
        for problem in found {
            problems.add(format!("{place}.answer.{}", problem.name), problem.message);
        }
        let attached = attached_files(problems, &place, &mut answer.files, files);
        let contributed = ContributedAnswer {
            question_id: entry.question_id.clone(),
            level: answer.level,
            not_applicable: answer.not_applicable.as_ref().map(|r| r.trim().to_string()),
            rationale: answer.rationale.trim().to_string(),
            confidence: answer.confidence.map(Confidence::from),
            target_level: answer.target_level,
            evidence_notes: answer.evidence_notes.trim().to_string(),
            links,
            files: attached,
        };
        if !contributed.is_empty() {
            answers.push(contributed);
        }
    }
    answers
}

/// One problem with an answer: the JSON name under `answer` it is at ("level", "links[2]"),
/// the form field it concerns, and what is wrong.
pub(super) struct AnswerProblem {
    pub name: String,
    pub field: Field,
    pub message: String,
}

/// Checks one answer against its question's scale, which runs from 0 to `max`, and whether
/// the question may be not applicable; returns its links, tidied, and every problem. Used for
/// a returned file and for a request being answered in Yardstick.
pub(super) fn check_answer(
    max: u8,
    not_applicable_allowed: bool,
    answer: &AnswerDoc,
) -> (Vec<String>, Vec<AnswerProblem>) {
    let mut problems = Vec::new();
    let mut add = |name: &str, field: Field, message: String| {
        problems.push(AnswerProblem {
            name: name.to_string(),
            field,
            message,
        })
    };
    for (name, field, level) in [
        ("level", Field::Level, answer.level),
        ("targetLevel", Field::TargetLevel, answer.target_level),
    ] {
        if let Some(level) = level.filter(|l| *l > max) {
            add(
                name,
                field,
                format!("{level} is not on this question's scale, which runs from 0 to {max}."),
            );
        }
    }
    if let Some(reason) = &answer.not_applicable {
        if !not_applicable_allowed {
            add(
                "notApplicable",
                Field::Level,
                "This question may not be answered \"not applicable\".".into(),
            );
        } else if reason.trim().is_empty() {
            add(
                "notApplicable",
                Field::NotApplicableReason,
                "Enter why this question does not apply.".into(),
            );
        }
        if answer.level.is_some() {
            add(
                "level",
                Field::Level,
                "A question that does not apply has no level; leave the level empty.".into(),
            );
        }
    }
    for (name, field, text) in [
        ("rationale", Field::Rationale, answer.rationale.as_str()),
        ("evidenceNotes", Field::Note, answer.evidence_notes.as_str()),
        (
            "notApplicable",
            Field::NotApplicableReason,
            answer.not_applicable.as_deref().unwrap_or(""),
        ),
    ] {
        if let Err(e) = validate::text(field, text) {
            add(name, field, e.to_string());
        }
    }
    let mut links = Vec::new();
    if answer.links.len() > MAX_EVIDENCE_PER_QUESTION {
        add(
            "links",
            Field::Link,
            format!(
                "{} links are given, but a question holds at most {MAX_EVIDENCE_PER_QUESTION} evidence items.",
                answer.links.len()
            ),
        );
    } else {
        for (n, link) in answer.links.iter().enumerate() {
            match validate::link(link) {
                Ok(link) => links.push(link),
                Err(e) => add(&format!("links[{n}]"), Field::Link, e.to_string()),
            }
        }
    }
    (links, problems)
}

/// Checks the files attached to one answer (at `place`), keeping the verified bytes of each
/// new one in `bytes`.
fn attached_files(
    problems: &mut Problems,
    place: &str,
    given: &mut [FileDoc],
    bytes: &mut Vec<(String, Vec<u8>)>,
) -> Vec<ContributedFile> {
    if given.len() > MAX_EVIDENCE_PER_QUESTION {
        problems.add(
            format!("{place}.answer.files"),
            format!(
                "{} files are attached, but a question holds at most {MAX_EVIDENCE_PER_QUESTION} evidence items. Send fewer files.",
                given.len()
            ),
        );
        return Vec::new();
    }
    let mut attached = Vec::new();
    for (n, file) in given.iter_mut().enumerate() {
        let path = format!("{place}.answer.files[{n}]");
        if file.content.is_none() {
            problems.add(
                format!("{path}.content"),
                "the file's bytes are missing; attach the file again in Yardstick and save the contribution again.",
            );
            continue;
        }
        let Some((sha256, content)) = attachment::check(problems, &path, file) else {
            continue;
        };
        // The bytes are held once: the base64 text is no longer needed.
        file.content = None;
        if !bytes.iter().any(|(known, _)| *known == sha256) {
            bytes.push((sha256.clone(), content));
        }
        attached.push(ContributedFile {
            name: file.name.clone(),
            size: file.size,
            sha256,
        });
    }
    attached
}
