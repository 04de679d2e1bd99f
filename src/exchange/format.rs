//! The `yardstick-assessment` JSON document, format version 1, as Rust types. These types
//! are the format: serde reads and writes them, and the published JSON Schema
//! (`docs/exchange-format.schema.json`) is generated from them, so the two cannot drift.
//! They are deliberately separate from the store's types: the database may change shape
//! without changing what other councils' files look like. Readers refuse fields they do not
//! know, so any addition to the format comes with a new format version.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::store::answers::Confidence;

/// The value of `format` in every exchange document.
pub const FORMAT_NAME: &str = "yardstick-assessment";

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// One council's self-assessment with everything needed to read it elsewhere: the checklist
/// it was made against, answers, evidence, actions and sign-off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Yardstick assessment exchange document (format version 1)")]
pub struct ExchangeDocument {
    /// Always "yardstick-assessment".
    #[schemars(extend("const" = FORMAT_NAME))]
    pub format: String,
    /// 1 for this version of the format. A reader refuses versions newer than it knows.
    #[schemars(extend("const" = FORMAT_VERSION))]
    pub format_version: u32,
    /// Where and when the file was written. Local to the exporting machine: never imported.
    pub exported: ExportInfo,
    pub organisation: OrganisationDoc,
    pub assessment: AssessmentDoc,
    /// The checklist the assessment used, in full, so the file can be read without it.
    pub checklist: ChecklistDoc,
    /// One per question that has been touched, in checklist order. A question with no entry
    /// has not been started.
    pub answers: Vec<AnswerDoc>,
    /// Ordered by question id, then oldest first.
    pub evidence: Vec<EvidenceDoc>,
    /// Overall actions (no question) first, then by question id, oldest first.
    pub actions: Vec<ActionDoc>,
    /// Present exactly when `assessment.status` is "final".
    #[serde(default)]
    pub sign_off: Option<SignOffDoc>,
}

/// Facts about the export itself; they change every time a file is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportInfo {
    /// The program that wrote the file, e.g. "Yardstick 0.1.0".
    pub application: String,
    /// RFC 3339 time of the export.
    pub exported_at: String,
    /// The assessment's id in the exporting database; meaningless anywhere else.
    pub assessment_id: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganisationDoc {
    /// The council's name; an import matches organisations by name, ignoring case.
    pub name: String,
    pub kind: OrganisationKindDoc,
    /// The ONS GSS code (a letter and eight digits, e.g. E07000123), when known.
    #[serde(default)]
    pub gss_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKindDoc {
    District,
    County,
    Unitary,
    MetropolitanBorough,
    LondonBorough,
    WelshPrincipal,
    Scottish,
    NorthernIrish,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentDoc {
    /// UK financial year, e.g. "2026/27".
    #[schemars(pattern(r"^[0-9]{4}/[0-9]{2}$"))]
    pub period: String,
    /// What within the organisation was assessed (a service, a system). Left out when the
    /// whole organisation was, so such files still import into earlier Yardstick versions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = 2000))]
    pub scope: String,
    /// The id of the checklist's target profile the assessment started from; left out when
    /// none, so such files still import into earlier Yardstick versions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = 64))]
    pub profile: String,
    #[serde(default)]
    pub assessor: String,
    pub status: AssessmentStatusDoc,
    /// RFC 3339 time the assessment was started.
    pub created_at: String,
    /// RFC 3339 time of the last change.
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatusDoc {
    Draft,
    Final,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChecklistDoc {
    /// The checklist's stable id; must match the id inside `source`.
    pub id: String,
    /// Must match the version inside `source`.
    pub version: String,
    /// Lower-case hex SHA-256 of `source` (UTF-8).
    #[schemars(pattern(r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// The checklist file, in full (TOML, see docs/checklist-format.md).
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerDoc {
    /// A question id of the checklist; each question appears at most once.
    pub question_id: String,
    /// The maturity level chosen, on the checklist's scale; null is "not assessed".
    #[serde(default)]
    pub level: Option<u8>,
    /// The level the council aims for, on the checklist's scale.
    #[serde(default)]
    pub target_level: Option<u8>,
    #[serde(default)]
    pub confidence: Option<ConfidenceDoc>,
    #[serde(default)]
    pub rationale: String,
    /// Copied from an earlier year and not yet reviewed.
    #[serde(default)]
    pub carried_forward: bool,
    /// Why the question does not apply, when it was judged not applicable (then `level` is
    /// null). Left out otherwise, so such files still import into earlier versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 20000))]
    pub not_applicable: Option<String>,
    /// RFC 3339 time of the last change.
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConfidenceDoc {
    Low,
    Medium,
    High,
}

impl From<Confidence> for ConfidenceDoc {
    fn from(value: Confidence) -> Self {
        match value {
            Confidence::Low => ConfidenceDoc::Low,
            Confidence::Medium => ConfidenceDoc::Medium,
            Confidence::High => ConfidenceDoc::High,
        }
    }
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EvidenceDoc {
    pub question_id: String,
    pub kind: EvidenceKindDoc,
    /// The note itself (kind "note"), or a description of the link or file.
    #[serde(default)]
    pub note: String,
    /// An http(s) link; present exactly when kind is "link".
    #[serde(default)]
    pub url: Option<String>,
    /// The attached file; present exactly when kind is "file".
    #[serde(default)]
    pub file: Option<FileDoc>,
    /// RFC 3339 time the evidence was added.
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKindDoc {
    Note,
    Link,
    File,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileDoc {
    /// The file's name when it was attached: a plain name, no folders.
    #[schemars(pattern(r"^[^/\\:]+$"))]
    pub name: String,
    /// Size in bytes; at most 100 MiB.
    #[schemars(range(max = 104_857_600))]
    pub size: u64,
    pub media_type: String,
    /// Lower-case hex SHA-256 of the file's bytes.
    #[schemars(pattern(r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// The file's bytes in standard base64, when the export included files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionDoc {
    /// The question it follows from; null for the overall recommendation.
    #[serde(default)]
    pub question_id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub owner: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    #[schemars(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub due_date: Option<String>,
    pub status: ActionStatusDoc,
    #[serde(default)]
    pub notes: String,
    /// RFC 3339 time the action was added.
    pub created_at: String,
    /// RFC 3339 time of the last change.
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatusDoc {
    Open,
    InProgress,
    Done,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOffDoc {
    /// Who signed the assessment off.
    pub approver: String,
    /// RFC 3339 time it was made final.
    pub finalised_at: String,
}

/// Gives each format enum the text it has in the document (the same as its serde name) and
/// a reading from the store's text, which uses the same words.
macro_rules! named {
    ($name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $name {
            /// The value as written in the document and stored in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value for the store's (and the document's) text, if it is one.
            pub fn from_store(text: &str) -> Option<Self> {
                match text {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

named!(OrganisationKindDoc {
    District = "district",
    County = "county",
    Unitary = "unitary",
    MetropolitanBorough = "metropolitan_borough",
    LondonBorough = "london_borough",
    WelshPrincipal = "welsh_principal",
    Scottish = "scottish",
    NorthernIrish = "northern_irish",
    Other = "other",
});
named!(AssessmentStatusDoc {
    Draft = "draft",
    Final = "final"
});
named!(ConfidenceDoc {
    Low = "low",
    Medium = "medium",
    High = "high"
});
named!(EvidenceKindDoc {
    Note = "note",
    Link = "link",
    File = "file"
});
named!(ActionStatusDoc {
    Open = "open",
    InProgress = "in_progress",
    Done = "done",
    Dropped = "dropped",
});
