//! The report model: everything the exported PDF shows, as plain values. It holds no database
//! or checklist types, so the renderer can be tested and benchmarked with hand-built reports,
//! and whatever fills it (the store, an import, a test) decides the content while the renderer
//! decides only the form.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// One assessment's report, in the order the PDF presents it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub cover: Cover,
    pub summary: Summary,
    /// Question recommendations, already in priority order (see [`super::priority`]).
    /// The executive summary shows the first three, so the two can never disagree.
    pub recommendations: Vec<Recommendation>,
    /// The recommendation not tied to one question; always printed last.
    pub overall_recommendation: Option<Recommendation>,
    /// One per question, in checklist order. The summary chart is drawn from these levels and
    /// targets, again so that chart and findings can never disagree.
    pub findings: Vec<Finding>,
    /// Present when earlier assessments of the same organisation are compared.
    pub comparison: Option<Comparison>,
    /// Each group's results, for a checklist with groups; empty otherwise.
    pub groups: Vec<GroupResult>,
    pub method: Method,
}

/// What the cover page and every running header say.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cover {
    pub organisation: String,
    /// A financial year such as "2026/27".
    pub period: String,
    /// What within the organisation was assessed (a service, a system); empty for the whole
    /// organisation.
    pub scope: String,
    pub status: Status,
    pub assessor: String,
    /// Present once the assessment has been signed off.
    pub approval: Option<Approval>,
    /// When the PDF was exported. The renderer reads no clock, so a fixed value gives a
    /// byte-identical file.
    pub exported_at: DateTime<Utc>,
    /// A Government Security Classification marking such as "OFFICIAL", printed at the top and
    /// bottom of every page when present.
    pub protective_marking: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every page says DRAFT.
    Draft,
    Final,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub approver: String,
    pub date: NaiveDate,
}

/// The parts of the executive summary that are not drawn from elsewhere in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The mean level, for a checklist whose results are an average; None until at least
    /// one question has been assessed, and for other checklists.
    pub overall: Option<OverallMaturity>,
    /// The results by the checklist's own rule when it is not an average (counts against
    /// targets, or the worst rating); None for an averaged checklist.
    pub results: Option<ResultsLine>,
    /// How many questions were judged not applicable (left out of every figure).
    pub not_applicable: u32,
    /// What changed since the previous assessment of the same organisation, if there was one.
    pub since_previous: Option<Changes>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverallMaturity {
    /// The (weighted) mean level, e.g. 2.3 on a 0–4 scale.
    pub score: f64,
    /// The label of the level the score falls in, e.g. "Developing".
    pub label: String,
    pub assessed: u32,
    pub questions: u32,
}

/// A result stated in words, as the checklist summarises it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultsLine {
    /// "9 of 38 outcomes meet their target", "Red: the lowest rating governs".
    pub headline: String,
    /// "Not achieved 3, Partially achieved 5, Achieved 9"; empty before any level.
    pub breakdown: String,
    pub assessed: u32,
    pub not_assessed: u32,
    pub not_applicable: u32,
    pub questions: u32,
}

/// One group's results (an objective, or a principle within one), in checklist order.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    pub code: String,
    pub title: String,
    /// 0 for an objective, 1 for a principle inside one.
    pub depth: u8,
    pub results: ResultsLine,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    pub previous_period: String,
    pub previous_score: Option<f64>,
    /// One per question, in checklist order, whether or not its level moved.
    pub questions: Vec<Change>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub number: u32,
    pub title: String,
    pub previous: Option<u8>,
    pub current: Option<u8>,
}

/// A level on the scale with its label, e.g. 2 "Developing".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelRef {
    pub level: u8,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionRef {
    pub number: u32,
    /// What readers call it: "A1.a", or the number for a checklist without codes.
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub title: String,
    pub text: String,
    /// None for the overall recommendation.
    pub question: Option<QuestionRef>,
    /// None when the question has not been assessed.
    pub current: Option<LevelRef>,
    pub target: Option<LevelRef>,
    /// Why this matters for this council now: the assessor's reasoning.
    pub reasoning: String,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub what: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    /// As shown to the user, e.g. "Not started", "In progress", "Done".
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub number: u32,
    /// See [`QuestionRef::code`].
    pub code: String,
    pub title: String,
    pub question: String,
    /// The index in [`Method::scales`] of the scale it is judged on.
    pub scale: usize,
    /// Why it does not apply, when it was judged not applicable (then it has no level).
    pub not_applicable: Option<String>,
    /// None when the question has not been assessed yet.
    pub level: Option<LevelRef>,
    /// What the chosen level looks like in a council, from the checklist.
    pub descriptor: Option<String>,
    /// The chosen level's indicator statements, when the checklist lists them.
    pub indicators: Vec<String>,
    pub target: Option<LevelRef>,
    pub rationale: String,
    /// "Low", "Medium" or "High"; None when not given.
    pub confidence: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// Printed in full: a note is often the only record of what was seen.
    Note {
        text: String,
    },
    Link {
        title: String,
        url: String,
    },
    /// A file copied into the app's storage; the report names it, it does not embed it.
    File {
        name: String,
        added: NaiveDate,
    },
}

/// Levels per question across assessments of one organisation, oldest period first.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub periods: Vec<String>,
    pub rows: Vec<ComparisonRow>,
    /// Overall maturity (the mean level) per period; None where nothing was assessed, and
    /// for a checklist whose results are not an average.
    pub overall: Vec<Option<f64>>,
    /// The results per period in words, by the checklist's own rule.
    pub results: Vec<String>,
    /// What changed, in a sentence or two of plain English.
    pub summary: String,
    /// Actions recorded in earlier assessments, with their status now.
    pub actions: Vec<FollowUp>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonRow {
    pub number: u32,
    /// See [`QuestionRef::code`].
    pub code: String,
    /// The index in [`Method::scales`] of the scale its levels are on.
    pub scale: usize,
    pub title: String,
    /// One per period, in the order of [`Comparison::periods`]; None where not assessed.
    pub levels: Vec<Option<u8>>,
    /// One per period: false where that period's checklist version had no such question,
    /// which the report shows differently from "not assessed".
    pub in_checklist: Vec<bool>,
    /// Since the previous period, e.g. "up 1 level"; None where either level is missing.
    pub change: Option<String>,
    /// Where a level came from a renamed, split or merged question.
    pub notes: Vec<String>,
}

/// An action from an earlier assessment and what became of it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub what: String,
    pub recorded_in: String,
    pub due: Option<NaiveDate>,
    /// E.g. "Done (2026/27)": the status and the assessment that records it.
    pub status: String,
}

/// How the assessment was made: the checklist, where it came from, and the scale.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Method {
    pub checklist_title: String,
    pub checklist_version: String,
    pub source: String,
    /// One per question, e.g. "Published", "Partly published", "Reconstructed".
    pub provenance: Vec<QuestionProvenance>,
    /// The first (for most checklists the only) scale, lowest level first.
    pub scale: Vec<ScaleLevel>,
    /// Every scale questions are judged on, the first being [`Method::scale`]; a chart is
    /// drawn per scale so no level is placed on another scale's axis.
    pub scales: Vec<NamedScale>,
    pub wording: Wording,
    /// The target profile the assessment started from, by its title.
    pub profile: Option<String>,
    /// Who contributed accepted answers, one line each in order of first contribution:
    /// "Sam Patel (Customer Services): 1 Promotion, 3 End to end". Empty when nobody did.
    pub contributors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedScale {
    pub title: String,
    pub levels: Vec<ScaleLevel>,
}

/// The checklist's words for its own things, taken as they are from the checklist.
pub use crate::checklist::Wording;

impl Finding {
    /// "3. Promotion" or "A1.a Governance: outcome a": how a row or heading names it.
    pub fn label(&self) -> String {
        question_label(&self.code, &self.title)
    }
}

impl QuestionRef {
    pub fn label(&self) -> String {
        question_label(&self.code, &self.title)
    }
}

fn question_label(code: &str, title: &str) -> String {
    if code.chars().all(|c| c.is_ascii_digit()) {
        format!("{code}. {title}")
    } else {
        format!("{code} {title}")
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionProvenance {
    pub number: u32,
    pub title: String,
    pub provenance: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScaleLevel {
    pub level: u8,
    pub label: String,
    pub meaning: String,
}

impl Method {
    /// What the report calls this assessment, from the checklist's own title, so a report
    /// on another framework never claims to be a "digital" one: "Digital best practice
    /// checklist" gives "Digital best practice self-assessment"; "NCSC Cyber Assessment
    /// Framework" gives "NCSC Cyber Assessment Framework self-assessment".
    pub fn assessment_name(&self) -> String {
        let title = self.checklist_title.trim();
        let stem = match title.len().checked_sub(" checklist".len()) {
            Some(at)
                if at > 0
                    && title.is_char_boundary(at)
                    && title[at..].eq_ignore_ascii_case(" checklist") =>
            {
                &title[..at]
            }
            _ => title,
        };
        format!("{stem} {}", self.wording.assessment)
    }

    /// The scales charts are drawn on: [`Method::scales`], or the one [`Method::scale`]
    /// when a report was built without them.
    pub fn chart_scales(&self) -> Vec<NamedScale> {
        match self.scales.is_empty() {
            true => vec![NamedScale {
                title: "Maturity".into(),
                levels: self.scale.clone(),
            }],
            false => self.scales.clone(),
        }
    }

    /// Every level label of every scale once, lowest first (labels shared between scales,
    /// such as "Achieved", once, in their place).
    pub fn level_labels(&self) -> Vec<String> {
        let mut order: Vec<String> = Vec::new();
        let scales = self.scales.iter().map(|s| &s.levels);
        for levels in std::iter::once(&self.scale).chain(scales) {
            let mut insert_at = 0;
            for level in levels {
                match order.iter().position(|l| *l == level.label) {
                    Some(found) => insert_at = found + 1,
                    None => {
                        order.insert(insert_at, level.label.clone());
                        insert_at += 1;
                    }
                }
            }
        }
        order
    }

    /// The label of `level` on the checklist's scale, or the bare number when the scale
    /// does not have it (an old assessment on a longer scale).
    pub fn level_label(&self, level: u8) -> String {
        self.scale
            .iter()
            .find(|s| s.level == level)
            .map_or_else(|| format!("level {level}"), |s| s.label.clone())
    }
}
