//! The Yardstick contribution file (`yardstick-contribution`, format version 1): one JSON
//! document that goes out as a request, with only the questions asked, and comes back with
//! each question's `answer` filled in. Specified in docs/contribution-format.md; the JSON
//! Schema beside it is generated from these types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::problems::Problems;
use super::{ContributedAnswer, ContributionRequest};
use crate::checklist::Checklist;
use crate::store::answers::Confidence;
use crate::store::assessments::Assessment;
use crate::store::validate;
use crate::{Error, Field, Result};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConfidenceDoc {
    Low,
    Medium,
    High,
}

impl From<ConfidenceDoc> for Confidence {
    fn from(value: ConfidenceDoc) -> Self {
        match value {
            ConfidenceDoc::Low => Confidence::Low,
            ConfidenceDoc::Medium => Confidence::Medium,
            ConfidenceDoc::High => Confidence::High,
        }
    }
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
/// rules; every problem is recorded by question.
pub(super) fn answers_of(
    document: &ContributionDocument,
    request: &ContributionRequest,
    checklist: &Checklist,
    problems: &mut Problems,
) -> Vec<ContributedAnswer> {
    let mut answers = Vec::new();
    for (index, entry) in document.questions.iter().enumerate() {
        let place = format!(
            "questions[{index}] ({})",
            crate::text::quoted(&entry.question_id)
        );
        if !request.question_ids.contains(&entry.question_id) {
            problems.add(&place, "this question was not asked in the request, so an answer to it cannot be taken in. Remove it from the file.");
            continue;
        }
        if document.questions[..index]
            .iter()
            .any(|q| q.question_id == entry.question_id)
        {
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
        let Some(answer) = &entry.answer else {
            continue;
        };
        let max = checklist.max_level_of(question);
        for (name, level) in [
            ("level", answer.level),
            ("targetLevel", answer.target_level),
        ] {
            if let Some(level) = level.filter(|l| *l > max) {
                problems.add(
                    format!("{place}.answer.{name}"),
                    format!("{level} is not on this question's scale, which runs from 0 to {max}."),
                );
            }
        }
        if let Some(reason) = &answer.not_applicable {
            if !question.not_applicable {
                problems.add(
                    format!("{place}.answer.notApplicable"),
                    "this question may not be answered \"not applicable\".",
                );
            } else if reason.trim().is_empty() {
                problems.add(
                    format!("{place}.answer.notApplicable"),
                    "give the reason the question does not apply.",
                );
            }
            if answer.level.is_some() {
                problems.add(
                    format!("{place}.answer.level"),
                    "a question that does not apply has no level; leave the level null.",
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
                problems.add(format!("{place}.answer.{name}"), e);
            }
        }
        let mut links = Vec::new();
        for (n, link) in answer.links.iter().enumerate() {
            match validate::link(link) {
                Ok(link) => links.push(link),
                Err(e) => problems.add(format!("{place}.answer.links[{n}]"), e),
            }
        }
        let contributed = ContributedAnswer {
            question_id: entry.question_id.clone(),
            level: answer.level,
            not_applicable: answer.not_applicable.as_ref().map(|r| r.trim().to_string()),
            rationale: answer.rationale.trim().to_string(),
            confidence: answer.confidence.map(Confidence::from),
            target_level: answer.target_level,
            evidence_notes: answer.evidence_notes.trim().to_string(),
            links,
        };
        if !contributed.is_empty() {
            answers.push(contributed);
        }
    }
    answers
}
