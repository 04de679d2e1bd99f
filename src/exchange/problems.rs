//! The problems found in an import file, kept bounded: the first fifty are listed, each cut
//! short, and the rest only counted, so a file built to fail every check costs no more memory
//! or time to refuse than one with a single mistake. Also the checks that run before any
//! item is looked at: a file with more answers, evidence or actions than its checklist has
//! room for is refused at once.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use super::format::ExchangeDocument;
use crate::checklist::Checklist;
use crate::store::validate::{MAX_ACTIONS_PER_QUESTION, MAX_EVIDENCE_PER_QUESTION};
use crate::text::quoted;
use crate::{Error, Result};

/// How many problems a message lists before saying "and N more". Only these are kept, so a
/// file with a million mistakes costs no more memory than one with fifty.
const SHOWN_PROBLEMS: usize = 50;

/// The longest single problem kept; a longer one is cut.
const MAX_PROBLEM_CHARS: usize = 400;

pub(super) struct Problems {
    shown: Vec<String>,
    count: usize,
}

impl Problems {
    pub(super) fn new() -> Self {
        Problems {
            shown: Vec::new(),
            count: 0,
        }
    }

    pub(super) fn add(&mut self, path: impl Display, what: impl Display) {
        self.count += 1;
        if self.shown.len() < SHOWN_PROBLEMS {
            let mut line = format!("{path}: {what}");
            if let Some((cut, _)) = line.char_indices().nth(MAX_PROBLEM_CHARS) {
                line.truncate(cut);
                line.push('…');
            }
            self.shown.push(line);
        }
    }

    /// Runs a store rule and records its message (already written for the user) if it fails.
    pub(super) fn rule<T>(&mut self, path: impl Display, result: Result<T>) -> Option<T> {
        result.map_err(|e| self.add(path, e)).ok()
    }

    pub(super) fn into_result(self, label: &str) -> Result<()> {
        let count = self.count;
        if count == 0 {
            return Ok(());
        }
        let mut list = self.shown;
        if count > list.len() {
            list.push(format!("and {} more", count - list.len()));
        }
        Err(Error::InvalidInput(format!(
            "{label} cannot be imported: {count} problem{} found, and nothing was changed.\n  - {}",
            if count == 1 { "" } else { "s" },
            list.join("\n  - ")
        )))
    }
}

/// The checklist's question ids as a set, and a short list of them for messages.
pub(super) struct Questions {
    pub(super) ids: HashSet<String>,
    pub(super) listed: String,
}

impl Questions {
    pub(super) fn new(checklist: &Checklist) -> Self {
        const LISTED: usize = 20;
        let mut listed: Vec<&str> = checklist
            .questions
            .iter()
            .take(LISTED)
            .map(|q| q.id.as_str())
            .collect();
        let more = checklist.questions.len().saturating_sub(LISTED);
        let more = format!("and {more} more");
        if checklist.questions.len() > LISTED {
            listed.push(&more);
        }
        Questions {
            ids: checklist.questions.iter().map(|q| q.id.clone()).collect(),
            listed: listed.join(", "),
        }
    }
}

/// Refuses a file with more answers, evidence or actions than the checklist has room for
/// before each item is checked, so a file padded with millions of items is turned away at
/// once rather than checked item by item and then stored.
pub(super) fn counts(
    label: &str,
    checklist: &Checklist,
    document: &ExchangeDocument,
) -> Result<()> {
    let questions = checklist.questions.len();
    let too_many = |what: &str, found: usize, most: usize, rule: &str| {
        Error::InvalidInput(format!(
            "{label} cannot be imported: it holds {found} {what}, but {rule}, so at most {most}. This is not an assessment Yardstick exported; ask for the file again. Nothing was changed."
        ))
    };
    if document.answers.len() > questions {
        return Err(too_many(
            "answers",
            document.answers.len(),
            questions,
            &format!("its checklist has {questions} questions and each is answered once"),
        ));
    }
    let mut evidence: HashMap<&str, usize> = HashMap::new();
    for item in &document.evidence {
        let count = evidence.entry(item.question_id.as_str()).or_default();
        *count += 1;
        if *count > MAX_EVIDENCE_PER_QUESTION {
            return Err(too_many(
                &format!(
                    "evidence items for question \"{}\"",
                    quoted(&item.question_id)
                ),
                document
                    .evidence
                    .iter()
                    .filter(|e| e.question_id == item.question_id)
                    .count(),
                MAX_EVIDENCE_PER_QUESTION,
                "a question can have no more than that",
            ));
        }
    }
    let mut actions: HashMap<Option<&str>, usize> = HashMap::new();
    for action in &document.actions {
        let count = actions.entry(action.question_id.as_deref()).or_default();
        *count += 1;
        if *count > MAX_ACTIONS_PER_QUESTION {
            let which = action
                .question_id
                .as_deref()
                .map_or("the overall recommendation".to_string(), |q| {
                    format!("question \"{}\"", quoted(q))
                });
            return Err(too_many(
                &format!("actions for {which}"),
                document
                    .actions
                    .iter()
                    .filter(|a| a.question_id == action.question_id)
                    .count(),
                MAX_ACTIONS_PER_QUESTION,
                "a question can have no more than that",
            ));
        }
    }
    Ok(())
}
