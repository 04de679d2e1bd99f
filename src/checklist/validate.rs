//! The rules a checklist must follow beyond its shape: stable ids that are slugs and unique, a
//! version that can be ordered, a scale of 2–7 levels numbered from 0, one descriptor per level
//! for every question, questions numbered 1, 2, 3… in order, and `replaces` lists that make
//! sense. These are what keep results comparable across years.

use std::collections::HashSet;

use super::model::Checklist;
use super::parse::Spans;
use super::problem::Collector;

/// The fewest and most levels a scale may have.
pub const MIN_LEVELS: usize = 2;
pub const MAX_LEVELS: usize = 7;

/// Checks every rule, recording each broken one in `out`.
pub(crate) fn check(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    check_checklist_id(checklist, spans, out);
    check_version(checklist, spans, out);
    check_levels(checklist, spans, out);
    check_question_ids(checklist, spans, out);
    check_numbers(checklist, spans, out);
    check_descriptors(checklist, spans, out);
    check_replaces(checklist, spans, out);
}

/// A slug: lowercase letters, digits and single hyphens, starting with a letter.
pub fn is_slug(text: &str) -> bool {
    let starts_with_letter = text.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    starts_with_letter
        && allowed
        && !text.ends_with('-')
        && !text.contains("--")
        && text.len() <= 64
}

const SLUG_HELP: &str = "use lowercase letters, digits and single hyphens, starting with a letter, at most 64 characters (for example `end-to-end`)";

fn check_checklist_id(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    if !checklist.id.is_empty() && !is_slug(&checklist.id) {
        out.at(
            &spans.id,
            format!(
                "the checklist id \"{}\" is not a valid id; {SLUG_HELP}",
                checklist.id
            ),
        );
    }
}

fn check_version(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    if !checklist.version.is_empty() && super::version::parse(&checklist.version).is_none() {
        out.at(
            &spans.version,
            format!(
                "the version \"{}\" is not numbers separated by dots; write it like \"1\", \"2026.1\" or \"1.2.0\" so newer versions can be told apart",
                checklist.version
            ),
        );
    }
}

fn check_levels(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    let count = checklist.levels.len();
    if count > 0 && !(MIN_LEVELS..=MAX_LEVELS).contains(&count) {
        let at = spans.levels.first().map_or(&spans.root, |l| &l.level);
        out.at(
            at,
            format!(
                "the scale has {}, but it must have between {MIN_LEVELS} and {MAX_LEVELS}; add or remove [[levels]] tables",
                plural(count, "level")
            ),
        );
    }
    for (i, (level, at)) in checklist.levels.iter().zip(&spans.levels).enumerate() {
        if level.level != u8::MAX && usize::from(level.level) != i {
            out.at(
                &at.level,
                format!(
                    "this is level number {i} in order, but it says `level = {}`; number the levels 0, 1, 2… from lowest to highest, with no gaps",
                    level.level
                ),
            );
        }
    }
    let labels = checklist.levels.iter().map(|l| l.label.as_str());
    let label_spans = spans.levels.iter().map(|l| &l.label);
    for (label, at) in duplicates(labels.zip(label_spans)) {
        out.at(
            at,
            format!("two levels are labelled \"{label}\"; give each level its own label"),
        );
    }
}

fn check_question_ids(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        if !question.id.is_empty() && !is_slug(&question.id) {
            out.at(
                &at.id,
                format!(
                    "the question id \"{}\" is not a valid id; {SLUG_HELP}",
                    question.id
                ),
            );
        }
    }
    let ids = checklist.questions.iter().map(|q| q.id.as_str());
    let id_spans = spans.questions.iter().map(|q| &q.id);
    for (id, at) in duplicates(ids.zip(id_spans)) {
        out.at(
            at,
            format!("the question id \"{id}\" is used by an earlier question too; every question needs its own id, and an id is never reused"),
        );
    }
}

fn check_numbers(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    for (i, (question, at)) in checklist.questions.iter().zip(&spans.questions).enumerate() {
        let expected = i + 1;
        if question.number != 0 && question.number as usize != expected {
            out.at(
                &at.number,
                format!(
                    "this is question {expected} in order, but it says `number = {}`; number the questions 1, 2, 3… in the order they appear",
                    question.number
                ),
            );
        }
    }
}

fn check_descriptors(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    let levels = checklist.levels.len();
    if !(MIN_LEVELS..=MAX_LEVELS).contains(&levels) {
        return;
    }
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        let count = question.descriptors.len();
        if count > 0 && count != levels {
            let fix = if count < levels {
                "add the missing ones"
            } else {
                "remove the extra ones"
            };
            out.at(
                &at.descriptors,
                format!(
                    "question \"{}\" has {}, but the scale has {levels} levels; write one descriptor per level, lowest level first, and {fix}",
                    question.id,
                    plural(count, "descriptor")
                ),
            );
        }
    }
}

fn check_replaces(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    // A set, not a scan per entry: a file with many questions must still check in linear time.
    let current: HashSet<&str> = checklist.questions.iter().map(|q| q.id.as_str()).collect();
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        for (old, span) in question.replaces.iter().zip(&at.replaces) {
            let message = if !is_slug(old) {
                format!("`replaces` lists \"{old}\", which is not a valid question id; {SLUG_HELP}")
            } else if *old == question.id {
                format!("question \"{old}\" says it replaces itself; `replaces` lists the ids of questions in earlier versions that this one takes over from, so remove \"{old}\"")
            } else if current.contains(old.as_str()) {
                format!("`replaces` lists \"{old}\", but \"{old}\" is still a question in this checklist; a question can only be replaced once it is gone, so remove it from `replaces` or remove that question")
            } else {
                continue;
            };
            out.at(span, message);
        }
        let olds = question.replaces.iter().map(String::as_str);
        for (old, span) in duplicates(olds.zip(&at.replaces)) {
            out.at(
                span,
                format!("`replaces` lists \"{old}\" twice; list it once"),
            );
        }
    }
}

/// "1 level", "8 levels".
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Every repeat of a non-empty value after its first appearance, with its span.
fn duplicates<'a, S>(items: impl Iterator<Item = (&'a str, S)>) -> Vec<(&'a str, S)> {
    let mut seen: HashSet<&str> = HashSet::new();
    items
        .filter(|(value, _)| !value.is_empty() && !seen.insert(value))
        .collect()
}
