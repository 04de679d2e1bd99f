//! The typed shape of a checklist once parsed and validated. Everything the engine knows about
//! a checklist (its scale, questions, descriptors, recommendations) comes from these values,
//! never from constants in code, so a council can edit or add checklists as data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A whole checklist: its identity, where it came from, its scale and its questions in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// Stable id (a slug) shared by every version of the same checklist.
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub source: Source,
    /// The maturity scale, lowest first; `levels[i].level == i`. Between 2 and 7 levels.
    pub levels: Vec<Level>,
    pub questions: Vec<Question>,
    /// The recommendation that is not tied to one question.
    pub overall_recommendation: Recommendation,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Stable id (a slug), never reused; results are matched across years by it.
    pub id: String,
    pub number: u32,
    /// A short name for the theme, e.g. "Promotion".
    pub title: String,
    pub question: String,
    pub why_it_matters: String,
    /// One descriptor per level, in level order: what that level looks like in a council.
    pub descriptors: Vec<String>,
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

    /// The highest level on the scale (4 on a 0–4 scale).
    pub fn max_level(&self) -> u8 {
        self.levels.len().saturating_sub(1) as u8
    }

    pub fn level(&self, level: u8) -> Option<&Level> {
        self.levels.get(level as usize)
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
