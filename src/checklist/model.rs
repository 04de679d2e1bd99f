//! The typed shape of a checklist once parsed and validated. Everything the engine knows about
//! a checklist (its scales, groups, questions, descriptors, recommendations, how results are
//! summarised, target profiles and wording) comes from these values, never from constants in
//! code, so a council can edit or add checklists as data. Both file formats read into this one
//! shape: a format-1 file is a format-2 checklist with one scale, no groups and no profiles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A whole checklist: its identity, where it came from, its scales, groups and questions in
/// order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// The file format it was written in: 1 or 2.
    pub format: u8,
    /// Stable id (a slug) shared by every version of the same checklist.
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub source: Source,
    /// At least one scale; every question is judged on one of them.
    pub scales: Vec<Scale>,
    /// Objectives and their principles, in file order; a parent comes before its children.
    pub groups: Vec<Group>,
    pub questions: Vec<Question>,
    /// How an assessment's results (and each group's) are summarised.
    pub results: ResultRule,
    /// Named sets of targets an assessment can start from.
    pub profiles: Vec<Profile>,
    pub wording: Wording,
    /// The recommendation that is not tied to one question.
    pub overall_recommendation: Recommendation,
}

/// A named scale, lowest level first; `levels[i].level == i`. Between 2 and 7 levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    pub id: String,
    pub title: String,
    pub levels: Vec<Level>,
}

/// An objective (no parent) or a principle within one (its parent is an objective).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub id: String,
    /// What readers call it, e.g. "A1".
    pub code: String,
    pub title: String,
    /// May be empty.
    pub summary: String,
    pub parent: Option<String>,
}

/// How results are summarised, for the whole assessment and for each group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ResultRule {
    /// The mean level, rounded down for the headline ("2.4 out of 4, Defined").
    Average,
    /// How many questions are at each level, and how many meet their target; no average.
    Counts,
    /// The lowest rating governs: one red point makes the whole red.
    Worst,
}

/// A named set of targets, one per question it lists, that a new assessment can start from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    pub title: String,
    /// May be empty.
    pub summary: String,
    /// Target level by question id, in question order.
    pub targets: Vec<ProfileTarget>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileTarget {
    pub question_id: String,
    pub level: u8,
}

/// The words the app and the report use for this checklist's things, so nothing says
/// "digital" or "question" where the framework says "review" or "outcome".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Wording {
    /// What an assessment against it is called, lower case: "self-assessment".
    pub assessment: String,
    /// One question, lower case: "question", "outcome", "point".
    pub question: String,
    /// More than one: "questions", "outcomes", "points".
    pub questions: String,
}

impl Wording {
    /// "Outcome" for the start of a sentence or a heading.
    pub fn question_capitalised(&self) -> String {
        crate::text::capitalised(&self.question)
    }

    /// "Outcomes" for a heading.
    pub fn questions_capitalised(&self) -> String {
        crate::text::capitalised(&self.questions)
    }

    /// "1 outcome", "39 outcomes".
    pub fn count(&self, n: usize) -> String {
        match n {
            1 => format!("1 {}", self.question),
            n => format!("{n} {}", self.questions),
        }
    }
}

impl Default for Wording {
    fn default() -> Self {
        Wording {
            assessment: "self-assessment".into(),
            question: "question".into(),
            questions: "questions".into(),
        }
    }
}

/// Where the checklist's content comes from, and what of it is original.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub title: String,
    pub author: String,
    pub date: String,
    pub url: String,
    pub notes: String,
}

/// One step of the maturity scale, with its label and general meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    pub level: u8,
    pub label: String,
    pub meaning: String,
    /// A `#rrggbb` colour for charts and tags; the label is always shown beside it.
    pub colour: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Stable id (a slug), never reused; results are matched across years by it.
    pub id: String,
    pub number: u32,
    /// What readers call it, e.g. "A1.a"; the number as text when the file gives none.
    pub code: String,
    /// The innermost group it belongs to; `None` in a checklist without groups.
    pub group: Option<String>,
    /// The id of the scale it is judged on.
    pub scale: String,
    /// A short name for the theme, e.g. "Promotion".
    pub title: String,
    pub question: String,
    pub why_it_matters: String,
    /// One descriptor per level of its scale, in level order: what that level looks like in a
    /// council. Always readable text: a descriptor written as a list of indicators is those
    /// indicators joined into one sentence here.
    pub descriptors: Vec<String>,
    /// Per level, the indicator statements when the file gives the descriptor as a list;
    /// empty for a descriptor written as plain text.
    pub indicators: Vec<Vec<String>>,
    /// Whether an assessor may answer "not applicable" (with a reason).
    pub not_applicable: bool,
    pub evidence_prompts: Vec<String>,
    pub recommendation: Recommendation,
    pub weight: u32,
    pub provenance: Provenance,
    /// Ids of questions in earlier versions that this one renames, splits or merges.
    pub replaces: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub title: String,
    pub text: String,
}

/// How much of a question comes from the published source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    Published,
    PartlyPublished,
    Reconstructed,
}

impl Checklist {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The scale `question` is judged on.
    pub fn scale_of(&self, question: &Question) -> &Scale {
        self.scales
            .iter()
            .find(|s| s.id == question.scale)
            .unwrap_or(&self.scales[0])
    }

    /// The levels of `question`'s scale, lowest first.
    pub fn levels_of(&self, question: &Question) -> &[Level] {
        &self.scale_of(question).levels
    }

    /// The highest level of `question`'s scale (4 on a 0–4 scale).
    pub fn max_level_of(&self, question: &Question) -> u8 {
        self.levels_of(question).len().saturating_sub(1) as u8
    }

    /// Level `level` of `question`'s scale.
    pub fn level_of(&self, question: &Question, level: u8) -> Option<&Level> {
        self.levels_of(question).get(level as usize)
    }

    /// The first scale: the only one in a format-1 file, and the one an average is taken on
    /// (an average is only allowed when every question shares it).
    pub fn main_scale(&self) -> &Scale {
        &self.scales[0]
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// The objective a question sits under (its group's parent, or its group), if any.
    pub fn top_group_of(&self, question: &Question) -> Option<&Group> {
        let group = self.group(question.group.as_deref()?)?;
        match &group.parent {
            Some(parent) => self.group(parent),
            None => Some(group),
        }
    }

    /// True when any question may be answered "not applicable".
    pub fn allows_not_applicable(&self) -> bool {
        self.questions.iter().any(|q| q.not_applicable)
    }

    /// The question `id`, or an error that says what to do instead (`then`, e.g. "so evidence
    /// cannot be added to it"), suggests the id that was probably meant, and lists the ids,
    /// cut short on a long checklist.
    pub fn require_question(&self, id: &str, then: &str) -> crate::Result<&Question> {
        if let Some(question) = self.question(id) {
            return Ok(question);
        }
        const LISTED: usize = 12;
        let ids: Vec<&str> = self.questions.iter().map(|q| q.id.as_str()).collect();
        let normalised: Vec<String> = ids.iter().map(|q| q.replace('-', "_")).collect();
        let candidates: Vec<&str> = normalised.iter().map(String::as_str).collect();
        let meant = super::suggest::closest(id, &candidates)
            .and_then(|n| candidates.iter().position(|c| *c == n))
            .map(|index| format!(" Did you mean \"{}\"?", ids[index]))
            .unwrap_or_default();
        let shown = ids
            .iter()
            .take(LISTED)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let more = match ids.len().saturating_sub(LISTED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let echoed = crate::text::quoted(id);
        Err(crate::Error::InvalidInput(format!(
            "\"{echoed}\" is not a question in the checklist “{}” this assessment uses{then}.{meant} Its questions are: {shown}{more}.",
            self.title
        )))
    }
}
