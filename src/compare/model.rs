//! The shape of a comparison as the compare screen, the CLI and the report read it. Every
//! change carries both data (direction, difference) and the plain-English words and symbol
//! to show, so no reader has to rely on colour or work the wording out again.

use serde::Serialize;
use ts_rs::TS;

use crate::store::actions::ActionStatus;
use crate::store::assessments::AssessmentStatus;

/// Assessments side by side: one column per assessment, one row per question.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub kind: ComparisonKind,
    /// A heading such as "Example District Council, 2024/25 to 2026/27", or
    /// "Peer comparison: …" when organisations differ.
    pub title: String,
    /// Oldest first; in a peer comparison grouped by organisation.
    pub periods: Vec<PeriodColumn>,
    /// The latest checklist version's questions in its order, then any questions found only
    /// in earlier versions.
    pub questions: Vec<QuestionRow>,
    /// Improved / unchanged / declined between the last two assessments of the organisation
    /// of the last column; `None` when there is no earlier one.
    pub latest_counts: Option<ChangeCounts>,
    /// What changed, in a sentence or two of plain English.
    pub summary: String,
    /// Set when only one assessment is in the comparison: says plainly why nothing is
    /// compared and what to do.
    pub nothing_to_compare: Option<String>,
    /// Actions recorded in every assessment but an organisation's latest, with their status
    /// now, oldest due date first.
    pub actions: Vec<ActionFollowUp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonKind {
    /// Assessments of one organisation over time.
    SameOrganisation,
    /// Assessments of different organisations, compared because the user asked for it.
    Peer,
}

/// One assessment in the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodColumn {
    #[ts(type = "number")]
    pub assessment_id: i64,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub organisation: String,
    pub period: String,
    /// The column heading: the period, or organisation and period in a peer comparison.
    pub label: String,
    pub status: AssessmentStatus,
    pub checklist_version: String,
    /// The mean level rounded down, as everywhere else (see `store::assessments::overall_level`).
    pub overall_level: Option<u8>,
    pub overall_label: Option<String>,
    /// The unrounded mean level, so progress within a level still shows.
    pub overall_score: Option<f64>,
    /// The results in one line by the checklist's own rule (the only overall figure for a
    /// checklist that is not averaged).
    pub result: String,
    pub answered: u32,
    pub question_count: u32,
    /// Against the previous assessment of the same organisation, if any.
    pub overall_change: Option<Change>,
    pub counts: Option<ChangeCounts>,
}

/// One question across the compared assessments, matched by stable id and `replaces`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuestionRow {
    /// The id in the newest checklist version that has the question.
    pub question_id: String,
    pub number: u32,
    pub title: String,
    /// False for a question that only earlier checklist versions have.
    pub in_latest_checklist: bool,
    /// One per column, in the order of [`Comparison::periods`].
    pub cells: Vec<Cell>,
    /// First known level against the last, within one organisation; `None` in a peer
    /// comparison or with fewer than two known levels.
    pub trend: Option<Change>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub state: CellState,
    pub level: Option<u8>,
    /// E.g. "2 Developing", "Not assessed", "Not in this checklist version".
    pub text: String,
    /// The questions of this column's checklist the level comes from: the row's own, or the
    /// ones it renamed, split or merged.
    pub matched: Vec<MatchedQuestion>,
    /// Why the level comes from differently named questions, when it does.
    pub note: Option<String>,
    /// Against the previous assessment of the same organisation.
    pub change: Option<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    Assessed,
    NotAssessed,
    /// That assessment's checklist version has no such question (added or removed later).
    NotInChecklist,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchedQuestion {
    pub id: String,
    pub title: String,
    pub level: Option<u8>,
}

/// A move between two levels or scores, as data and as words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub direction: Direction,
    /// Later minus earlier: whole levels for a question, the mean for overall maturity.
    pub difference: f64,
    /// E.g. "up 1 level", "no change", "down 0.4".
    pub text: String,
    /// "↑", "→" or "↓": a shape that survives a black-and-white printer.
    pub symbol: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Improved,
    Held,
    Fell,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeCounts {
    pub from_period: String,
    pub to_period: String,
    pub improved: u32,
    pub unchanged: u32,
    pub declined: u32,
    /// Questions without a level on one side (not assessed, or not in that version).
    pub not_comparable: u32,
}

/// An action from an earlier assessment and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionFollowUp {
    pub organisation: String,
    /// The period whose assessment first recorded the action.
    pub recorded_in: String,
    /// None for an action on the overall recommendation.
    pub question_title: Option<String>,
    pub title: String,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub status: ActionStatus,
    /// "Open", "In progress", "Done" or "Dropped".
    pub status_text: String,
    /// The latest compared assessment that still records the action: its status there is
    /// the status now.
    pub status_as_of: String,
}
