//! Contributions: answers and evidence gathered from colleagues with files, not a server.
//!
//! The lead picks questions of a draft assessment and names a colleague ([`create_request`]);
//! the request goes out as an Excel workbook or a Yardstick contribution file
//! ([`export_request`]). What comes back is matched to its request by the ids the file carries,
//! checked in full, and kept as a *pending* contribution ([`import_files`]): nothing in the
//! assessment changes until the lead accepts it, whole or question by question ([`accept`]),
//! or sets it aside with a note ([`set_aside`]). Every decision leaves an audit row.

pub mod answering;
pub mod file;
mod request;
mod review;
pub mod workbook;

use serde::Serialize;
use ts_rs::TS;

pub use request::{check_request, create_request, get_request, list_requests, NewRequest};
pub use review::{accept, contributors_by_question, list_contributions, set_aside};

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::store::answers::{Answer, Confidence};
use crate::{files, Error, Result};

/// What the lead asked of one colleague.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributionRequest {
    pub id: i64,
    /// The random id written into the workbook or file, so a returned one finds its request.
    pub request_key: String,
    pub assessment_id: i64,
    pub checklist_id: String,
    pub checklist_version: String,
    pub checklist_sha256: String,
    /// The questions asked, in checklist order.
    pub question_ids: Vec<String>,
    pub contributor: String,
    pub team: String,
    pub due_date: Option<String>,
    pub note: String,
    pub created_at: String,
}

/// One question's answer as a colleague gave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributedAnswer {
    pub question_id: String,
    pub level: Option<u8>,
    /// Why the question does not apply, when the colleague said so.
    pub not_applicable: Option<String>,
    pub rationale: String,
    pub confidence: Option<Confidence>,
    pub target_level: Option<u8>,
    pub evidence_notes: String,
    /// http(s) links, as given.
    pub links: Vec<String>,
    /// Files attached in a contribution file, already in the evidence folder.
    pub files: Vec<ContributedFile>,
}

/// A file a colleague attached to an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributedFile {
    /// The name it had on the colleague's computer: a plain name, no folders.
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

impl ContributedAnswer {
    /// True when the colleague left the question blank.
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.not_applicable.is_none()
            && self.rationale.trim().is_empty()
            && self.confidence.is_none()
            && self.target_level.is_none()
            && self.evidence_notes.trim().is_empty()
            && self.links.is_empty()
            && self.files.is_empty()
    }
}

/// Where the lead's decision on one contributed answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Pending,
    Accepted,
    SetAside,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pending => "pending",
            Decision::Accepted => "accepted",
            Decision::SetAside => "set_aside",
        }
    }

    fn parse(value: &str) -> Decision {
        match value {
            "accepted" => Decision::Accepted,
            "set_aside" => Decision::SetAside,
            _ => Decision::Pending,
        }
    }
}

/// One question of a contribution under review: what the colleague said beside the answer
/// the assessment holds now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewedAnswer {
    pub contributed: ContributedAnswer,
    pub current: Option<Answer>,
    pub decision: Decision,
    pub decided_at: Option<String>,
}

/// A returned workbook or file, taken in and kept apart from the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    pub id: i64,
    pub request: ContributionRequest,
    /// The file it came in.
    pub source_name: String,
    pub received_at: String,
    /// The lead's note when setting it aside; empty otherwise.
    pub decision_note: String,
    pub answers: Vec<ReviewedAnswer>,
}

impl Contribution {
    /// "from Sam Patel, Customer Services, 3 March 2027": kept on accepted evidence and said
    /// in the audit trail, so anyone can see whose words they are.
    pub fn attribution(&self) -> String {
        attribution(
            &self.request.contributor,
            &self.request.team,
            &self.received_at,
        )
    }
}

pub(crate) fn attribution(contributor: &str, team: &str, received_at: &str) -> String {
    let date = chrono::DateTime::parse_from_rfc3339(received_at)
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| received_at.to_string());
    if team.trim().is_empty() {
        format!("from {contributor}, {date}")
    } else {
        format!("from {contributor}, {team}, {date}")
    }
}

/// The two forms a request goes out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequestFormat {
    /// An Excel workbook, for colleagues without Yardstick.
    Xlsx,
    /// A Yardstick contribution file (JSON), see docs/contribution-format.md.
    Json,
}

/// Writes request `request_id` to `out` in `format`. Never over the database, a file SQLite
/// keeps beside it, or anything in the evidence folder.
pub fn export_request(
    conn: &Connection,
    request_id: i64,
    format: RequestFormat,
    out: &Path,
) -> Result<PathBuf> {
    let request = get_request(conn, request_id)?;
    let checklist = crate::store::snapshots::assessment_checklist(conn, request.assessment_id)?;
    let assessment = crate::store::assessments::get_assessment(conn, request.assessment_id)?;
    let bytes = match format {
        RequestFormat::Xlsx => workbook::write_workbook(&request, &assessment, &checklist)?,
        RequestFormat::Json => file::write_request(&request, &assessment, &checklist)?,
    };
    check_output(conn, out)?;
    files::write_atomically(out, &bytes)?;
    Ok(out.to_path_buf())
}

/// Records the request and writes it to `out` in `format`, in one step: when the file cannot
/// be written, no request is left behind.
pub fn make_request(
    conn: &Connection,
    new: &NewRequest,
    format: RequestFormat,
    out: &Path,
) -> Result<ContributionRequest> {
    check_output(conn, out)?;
    crate::store::write(conn, |tx| {
        let request = create_request(tx, new)?;
        export_request(tx, request.id, format, out)?;
        Ok(request)
    })
}

/// Refuses `out` when it is the database, a file SQLite keeps beside it, or inside the
/// evidence folder; callers check before making a request, so a refused name leaves no
/// request behind.
pub fn check_output(conn: &Connection, out: &Path) -> Result<()> {
    crate::store::refuse_overwriting_database(conn, out)?;
    refuse_evidence_folder(conn, out)
}

fn refuse_evidence_folder(conn: &Connection, out: &Path) -> Result<()> {
    let Some(evidence) = crate::store::evidence_dir(conn) else {
        return Ok(());
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (Ok(evidence), Ok(parent)) = (evidence.canonicalize(), parent.canonicalize()) else {
        return Ok(());
    };
    if parent.starts_with(&evidence) {
        return Err(Error::InvalidInput(format!(
            "{} is inside the evidence folder Yardstick keeps attached files in, so nothing was written there. Choose another folder.",
            out.display()
        )));
    }
    Ok(())
}

impl RequestFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RequestFormat::Xlsx => "xlsx",
            RequestFormat::Json => "json",
        }
    }
}

/// The file name a save dialog suggests for a request to `contributor`.
pub fn default_file_name(contributor: &str, format: RequestFormat) -> String {
    files::suggested_name(
        &format!("Contribution request for {}", contributor.trim()),
        "",
        format.extension(),
    )
}

/// The largest returned workbook read: far above any honest workbook of a few hundred
/// questions, and small enough that a hostile one costs little to refuse.
pub const MAX_RETURNED_BYTES: u64 = 20 * 1024 * 1024;

/// The largest returned contribution file read: it may carry attached files, so it has the
/// exchange format's limit.
pub const MAX_RETURNED_FILE_BYTES: u64 = crate::exchange::MAX_IMPORT_BYTES;

/// What an import took in, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedContribution {
    pub contribution_id: i64,
    pub assessment_id: i64,
    pub contributor: String,
    pub source_name: String,
    /// How many questions it answers.
    pub answered: usize,
}

impl std::fmt::Display for ImportedContribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Took in contribution {} from {} ({}) for assessment {}: {} question{} answered, waiting for review.",
            self.contribution_id,
            self.contributor,
            self.source_name,
            self.assessment_id,
            self.answered,
            if self.answered == 1 { "" } else { "s" }
        )
    }
}

/// Reads each returned workbook (`.xlsx`) or contribution file (`.json`), checks every one in
/// full, and stores them as pending contributions in one transaction: all of them, or (when any
/// has a problem) none, with every problem listed by file, sheet, row and column. With
/// `assessment_id`, a file for another assessment is refused.
pub fn import_files(
    conn: &Connection,
    paths: &[PathBuf],
    assessment_id: Option<i64>,
) -> Result<Vec<ImportedContribution>> {
    if paths.is_empty() {
        return Err(Error::invalid(
            crate::Field::File,
            "Name at least one returned workbook or contribution file.",
        ));
    }
    let mut checked = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    for path in paths {
        match review::check_returned(conn, path, assessment_id) {
            Ok(returned) => checked.push(returned),
            Err(error) => {
                failures.push(error.to_string());
                failures.extend(error.problem_list().iter().cloned());
            }
        }
    }
    if !failures.is_empty() {
        return Err(Error::problems(
            format!(
                "Nothing was imported: {} of {} file{} could not be taken in. Each problem is listed; correct the file (or ask the colleague for a new one) and import again.",
                paths.len() - checked.len(),
                paths.len(),
                if paths.len() == 1 { "" } else { "s" }
            ),
            failures,
        ));
    }
    review::store_returned(conn, checked)
}
