//! The checks that run before any item of an import file is looked at: a file with more
//! answers, evidence or actions than its checklist has room for is refused at once.

use std::collections::{HashMap, HashSet};

use super::format::ExchangeDocument;
use crate::checklist::Checklist;
use crate::store::validate::{MAX_ACTIONS_PER_QUESTION, MAX_EVIDENCE_PER_QUESTION};
use crate::text::quoted;
use crate::{Error, Result};

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
