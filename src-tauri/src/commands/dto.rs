//! The types that cross IPC, and the generator of their TypeScript twins in
//! `ui/src/lib/backend/bindings.ts`. A test fails when that file is stale; run
//! `make bindings` to rewrite it.

use serde::Serialize;
use ts_rs::TS;

pub use yardstick::checklist::{
    Checklist, Group, Level, Profile, ProfileTarget, Provenance, Question, Recommendation,
    ResultRule, Scale, Source, Wording,
};
pub use yardstick::compare::{
    ActionFollowUp, Cell, CellState, Change, ChangeCounts, Comparison, ComparisonKind, Direction,
    MatchedQuestion, PeriodColumn, QuestionRow,
};
pub use yardstick::contributions::answering::{
    AnsweringFile, AnsweringLevel, AnsweringQuestion, AnsweringRequest, AnsweringSummary,
    ContributionAnswerInput, OpenedRequest,
};
pub use yardstick::contributions::{
    ContributedAnswer, ContributedFile, Contribution, ContributionRequest, Decision,
    ImportedContribution, RequestFormat, ReviewedAnswer,
};
pub use yardstick::exchange::{ExportFormat, ImportOutcome, ImportReport, OnConflict};
pub use yardstick::scoring::{
    AssessmentOverview, AssessmentResults, GroupResult, LevelCount, PrioritisedRecommendation,
    ResultSummary,
};
pub use yardstick::store::actions::{Action, ActionInput, ActionStatus};
pub use yardstick::store::answers::{Answer, AnswerInput, Confidence};
pub use yardstick::store::archive::SignedOff;
pub use yardstick::store::assessments::{Assessment, AssessmentStatus, AssessmentSummary};
pub use yardstick::store::evidence::{Evidence, EvidenceFile, EvidenceKind};
pub use yardstick::store::organisations::{DeletionCounts, Organisation, OrganisationKind};
pub use yardstick::store::settings::{Settings, ZoomChange};
pub use yardstick::store::snapshots::SnapshotInfo;
pub use yardstick::store::start::{OrganisationChoice, StartAssessment};
pub use yardstick::store::AssessmentDetail;
pub use yardstick::{ErrorKind, Field};

pub use super::checklists::{ChecklistCatalogue, ChecklistInfo, ProfileInfo};
pub use super::contributions::RequestInput;
pub use super::organisations::OrganisationInput;
pub use crate::error::IpcError;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
}

/// The whole of `bindings.ts`: every type the UI receives or sends, in a stable order.
pub fn typescript_bindings() -> String {
    // Ids and sizes are i64/u64 in Rust but arrive as plain JSON numbers, well inside the
    // range a JavaScript number holds exactly.
    let config = ts_rs::Config::default().with_large_int("number");
    let declarations = [
        ErrorKind::decl(&config),
        Field::decl(&config),
        IpcError::decl(&config),
        AppInfo::decl(&config),
        AssessmentSummary::decl(&config),
        AssessmentDetail::decl(&config),
        Assessment::decl(&config),
        SignedOff::decl(&config),
        AssessmentStatus::decl(&config),
        SnapshotInfo::decl(&config),
        StartAssessment::decl(&config),
        OrganisationChoice::decl(&config),
        Organisation::decl(&config),
        OrganisationKind::decl(&config),
        OrganisationInput::decl(&config),
        DeletionCounts::decl(&config),
        Checklist::decl(&config),
        Source::decl(&config),
        Scale::decl(&config),
        Level::decl(&config),
        Group::decl(&config),
        ResultRule::decl(&config),
        Profile::decl(&config),
        ProfileTarget::decl(&config),
        Wording::decl(&config),
        Question::decl(&config),
        Recommendation::decl(&config),
        Provenance::decl(&config),
        ChecklistInfo::decl(&config),
        ProfileInfo::decl(&config),
        ChecklistCatalogue::decl(&config),
        Answer::decl(&config),
        AnswerInput::decl(&config),
        Confidence::decl(&config),
        Evidence::decl(&config),
        EvidenceFile::decl(&config),
        EvidenceKind::decl(&config),
        Action::decl(&config),
        ActionInput::decl(&config),
        ActionStatus::decl(&config),
        Settings::decl(&config),
        ZoomChange::decl(&config),
        AssessmentOverview::decl(&config),
        PrioritisedRecommendation::decl(&config),
        AssessmentResults::decl(&config),
        ResultSummary::decl(&config),
        GroupResult::decl(&config),
        LevelCount::decl(&config),
        Comparison::decl(&config),
        ComparisonKind::decl(&config),
        PeriodColumn::decl(&config),
        QuestionRow::decl(&config),
        Cell::decl(&config),
        CellState::decl(&config),
        MatchedQuestion::decl(&config),
        Change::decl(&config),
        Direction::decl(&config),
        ChangeCounts::decl(&config),
        ActionFollowUp::decl(&config),
        ExportFormat::decl(&config),
        OnConflict::decl(&config),
        ImportOutcome::decl(&config),
        ImportReport::decl(&config),
        ContributionRequest::decl(&config),
        RequestFormat::decl(&config),
        RequestInput::decl(&config),
        ImportedContribution::decl(&config),
        Contribution::decl(&config),
        ReviewedAnswer::decl(&config),
        ContributedAnswer::decl(&config),
        ContributedFile::decl(&config),
        Decision::decl(&config),
        OpenedRequest::decl(&config),
        AnsweringSummary::decl(&config),
        AnsweringRequest::decl(&config),
        AnsweringQuestion::decl(&config),
        AnsweringLevel::decl(&config),
        AnsweringFile::decl(&config),
        ContributionAnswerInput::decl(&config),
        crate::first_screen::HomeSnapshot::decl(&config),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/src/commands/dto.rs by `make bindings`.\n// Do not edit by hand: a test fails when this file and the Rust types disagree.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    // Limits the UI enforces in its forms come from the core too, so they cannot drift.
    out.push_str(&format!(
        "/** The most assessments compared at once (the core's `compare::MAX_COMPARED`). */\nexport const MAX_COMPARED = {};\n",
        yardstick::compare::MAX_COMPARED
    ));
    out.push_str(&format!(
        "/** How many automatic backups are kept (the core's `archive::KEEP_AUTOMATIC`). */\nexport const KEEP_AUTOMATIC_BACKUPS = {};\n",
        yardstick::store::archive::KEEP_AUTOMATIC
    ));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    /// The UI's copy of the IPC types must match Rust's, or a renamed field would only show up
    /// as `undefined` at run time. `UPDATE_BINDINGS=1` (or `make bindings`) rewrites the file.
    #[test]
    fn typescript_bindings_are_current() {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/backend/bindings.ts");
        let expected = super::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).expect("write bindings.ts");
            return;
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{} is stale: run `make bindings` and commit the result",
            path.display()
        );
    }
}
