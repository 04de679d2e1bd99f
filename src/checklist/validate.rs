//! The rules a checklist must follow beyond its shape: stable ids that are slugs and unique, a
//! version that can be ordered, scales of 2–7 levels numbered from 0, one descriptor per level
//! of its scale for every question, questions numbered 1, 2, 3… in order, groups at most two
//! deep with their questions together, and `replaces` lists that make sense. These are what
//! keep results comparable across years.

use std::collections::{HashMap, HashSet};

use super::model::{Checklist, ResultRule};
use super::parse::Spans;
use super::problem::Collector;

/// The fewest and most levels a scale may have.
pub const MIN_LEVELS: usize = 2;
pub const MAX_LEVELS: usize = 7;

/// Checks every rule, recording each broken one in `out`.
pub(crate) fn check(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    check_checklist_id(checklist, spans, out);
    check_version(checklist, spans, out);
    check_scales(checklist, spans, out);
    check_question_ids(checklist, spans, out);
    check_numbers(checklist, spans, out);
    check_question_codes(checklist, spans, out);
    check_question_scales(checklist, spans, out);
    check_descriptors(checklist, spans, out);
    check_replaces(checklist, spans, out);
    check_groups(checklist, spans, out);
    check_question_groups(checklist, spans, out);
    check_results(checklist, spans, out);
    check_profile_ids(checklist, spans, out);
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

fn check_scales(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    let format_2 = checklist.format == 2;
    for (scale, at) in checklist.scales.iter().zip(&spans.scales) {
        if format_2 && !scale.id.is_empty() && !is_slug(&scale.id) {
            out.at(
                &at.id,
                format!(
                    "the scale id \"{}\" is not a valid id; {SLUG_HELP}",
                    scale.id
                ),
            );
        }
        let count = scale.levels.len();
        let table = if format_2 {
            "[[scales.levels]]"
        } else {
            "[[levels]]"
        };
        if count > 0 && !(MIN_LEVELS..=MAX_LEVELS).contains(&count) {
            let named = if format_2 {
                format!("the scale \"{}\"", scale.id)
            } else {
                "the scale".into()
            };
            out.at(
                at.levels.first().map_or(&at.levels_at, |l| &l.level),
                format!(
                    "{named} has {}, but it must have between {MIN_LEVELS} and {MAX_LEVELS}; add or remove {table} tables",
                    plural(count, "level")
                ),
            );
        }
        for (i, (level, level_at)) in scale.levels.iter().zip(&at.levels).enumerate() {
            if level.level != u8::MAX && usize::from(level.level) != i {
                out.at(
                    &level_at.level,
                    format!(
                        "this is level number {i} in order, but it says `level = {}`; number the levels 0, 1, 2… from lowest to highest, with no gaps",
                        level.level
                    ),
                );
            }
            if let Some(colour) = &level.colour {
                if !is_colour(colour) {
                    out.at(&level_at.colour, format!("`colour` is \"{}\", but it must be written as # and six hexadecimal digits, like \"#00703c\"", crate::text::quoted(colour)));
                }
            }
        }
        let labels = scale.levels.iter().map(|l| l.label.as_str());
        let label_spans = at.levels.iter().map(|l| &l.label);
        for (label, label_at) in duplicates(labels.zip(label_spans)) {
            out.at(
                label_at,
                format!("two levels are labelled \"{label}\"; give each level its own label"),
            );
        }
    }
    let ids = checklist.scales.iter().map(|s| s.id.as_str());
    for (id, at) in duplicates(ids.zip(spans.scales.iter().map(|s| &s.id))) {
        out.at(
            at,
            format!(
                "the scale id \"{id}\" is used by an earlier scale too; give each scale its own id"
            ),
        );
    }
}

/// `#rrggbb`.
fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
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

fn check_question_codes(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    let codes = checklist.questions.iter().map(|q| q.code.as_str());
    for (code, at) in duplicates(codes.zip(spans.questions.iter().map(|q| &q.code))) {
        out.at(at, format!("the code \"{code}\" is used by an earlier question too; give each question its own code so readers can tell them apart"));
    }
}

fn check_question_scales(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    if checklist.scales.len() < 2 {
        return;
    }
    let ids: Vec<&str> = checklist.scales.iter().map(|s| s.id.as_str()).collect();
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        if question.scale.is_empty() {
            out.at(&at.id, format!("question \"{}\" does not say which scale it is judged on, and this checklist has {}; add `scale = ` with one of {}", question.id, plural(ids.len(), "scale"), quoted_list(&ids)));
        } else if !ids.contains(&question.scale.as_str()) {
            let hint = super::suggest::closest(&question.scale, &ids)
                .map(|near| format!("did you mean \"{near}\"?"))
                .unwrap_or_else(|| format!("use one of {}", quoted_list(&ids)));
            out.at(
                &at.scale,
                format!(
                    "`scale` is \"{}\", but there is no scale with that id; {hint}",
                    crate::text::quoted(&question.scale)
                ),
            );
        }
    }
}

fn check_descriptors(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        let Some(scale) = checklist.scales.iter().find(|s| s.id == question.scale) else {
            continue;
        };
        let levels = scale.levels.len();
        if !(MIN_LEVELS..=MAX_LEVELS).contains(&levels) {
            continue;
        }
        let count = question.descriptors.len();
        if count > 0 && count != levels {
            let fix = if count < levels {
                "add the missing ones"
            } else {
                "remove the extra ones"
            };
            let scale_name = if checklist.scales.len() > 1 {
                format!("its scale \"{}\"", scale.id)
            } else {
                "the scale".into()
            };
            out.at(
                &at.descriptors,
                format!(
                    "question \"{}\" has {}, but {scale_name} has {levels} levels; write one descriptor per level, lowest level first, and {fix}",
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

fn check_groups(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    let mut earlier: HashMap<&str, Option<&str>> = HashMap::new();
    for (group, at) in checklist.groups.iter().zip(&spans.groups) {
        if !group.id.is_empty() && !is_slug(&group.id) {
            out.at(
                &at.id,
                format!(
                    "the group id \"{}\" is not a valid id; {SLUG_HELP}",
                    group.id
                ),
            );
        }
        if let Some(parent) = &group.parent {
            match earlier.get(parent.as_str()) {
                None => out.at(&at.parent, format!("`parent` is \"{}\", but no group before this one has that id; a group's parent must come before it in the file", crate::text::quoted(parent))),
                Some(Some(grandparent)) => out.at(&at.parent, format!("\"{parent}\" is itself inside \"{grandparent}\"; groups nest at most two deep (an objective and its principles), so give this group the parent \"{grandparent}\" or none")),
                Some(None) => {}
            }
        }
        earlier.insert(group.id.as_str(), group.parent.as_deref());
    }
    let ids = checklist.groups.iter().map(|g| g.id.as_str());
    for (id, at) in duplicates(ids.zip(spans.groups.iter().map(|g| &g.id))) {
        out.at(
            at,
            format!(
                "the group id \"{id}\" is used by an earlier group too; give each group its own id"
            ),
        );
    }
    let codes = checklist.groups.iter().map(|g| g.code.as_str());
    for (code, at) in duplicates(codes.zip(spans.groups.iter().map(|g| &g.code))) {
        out.at(
            at,
            format!(
                "the code \"{code}\" is used by an earlier group too; give each group its own code"
            ),
        );
    }
    // A group with nothing in it would show as an empty heading with no result.
    let mut used: HashSet<&str> = HashSet::new();
    for question in &checklist.questions {
        if let Some(group) = question.group.as_deref() {
            used.insert(group);
            if let Some(Some(parent)) = earlier.get(group) {
                used.insert(parent);
            }
        }
    }
    for (group, at) in checklist.groups.iter().zip(&spans.groups) {
        if !group.id.is_empty() && !used.contains(group.id.as_str()) {
            out.at(&at.id, format!("the group \"{}\" has no questions; give at least one question `group = \"{}\"` (or a group inside it), or remove the group", group.id, group.id));
        }
    }
}

/// With groups, every question names one, and each group's questions sit together in the
/// file, so file order and the grouped task list never disagree.
fn check_question_groups(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    if checklist.groups.is_empty() {
        return;
    }
    let parents: HashMap<&str, Option<&str>> = checklist
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.parent.as_deref()))
        .collect();
    let group_ids: Vec<&str> = checklist.groups.iter().map(|g| g.id.as_str()).collect();
    let mut finished: HashSet<&str> = HashSet::new();
    // The first split only: one misplaced question splits two groups, and every later
    // question would repeat the same fix.
    let mut reported = false;
    let mut current: Vec<&str> = Vec::new();
    for (question, at) in checklist.questions.iter().zip(&spans.questions) {
        let Some(group) = question.group.as_deref() else {
            out.at(&at.id, format!("question \"{}\" is in no group, but this checklist has groups; add `group = ` with the id of its group", question.id));
            continue;
        };
        let Some(parent) = parents.get(group) else {
            let hint = super::suggest::closest(group, &group_ids)
                .map(|near| format!("did you mean \"{near}\"?"))
                .unwrap_or_else(|| "use the `id` of one of the [[groups]]".into());
            out.at(
                &at.group,
                format!(
                    "`group` is \"{}\", but there is no group with that id; {hint}",
                    crate::text::quoted(group)
                ),
            );
            continue;
        };
        let chain: Vec<&str> = match parent {
            // A group nested too deep is reported on the group; its questions' order is not
            // worth a second message.
            Some(parent) if parents.get(parent).is_some_and(Option::is_some) => continue,
            Some(parent) => vec![*parent, group],
            None => vec![group],
        };
        for left in current.iter().filter(|g| !chain.contains(g)) {
            finished.insert(left);
        }
        if let Some(split) = chain.iter().find(|g| !reported && finished.contains(*g)) {
            reported = true;
            out.at(&at.group, format!("question \"{}\" is in the group \"{split}\", but other questions come between it and the rest of that group; move it next to them, so each group's questions are together", question.id));
        }
        current = chain;
    }
}

/// An average is only meaningful when every question is judged on the same scale.
fn check_results(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    if checklist.results != ResultRule::Average || checklist.scales.len() < 2 {
        return;
    }
    let used: HashSet<&str> = checklist
        .questions
        .iter()
        .map(|q| q.scale.as_str())
        .collect();
    if used.len() > 1 {
        out.at(&spans.results, "the questions are judged on different scales, so an average of their levels would mean nothing; set `results = \"counts\"` (how many at each level, against targets) or `results = \"worst\"` (the lowest rating governs)");
    }
}

fn check_profile_ids(checklist: &Checklist, spans: &Spans, out: &mut Collector) {
    for (profile, at) in checklist.profiles.iter().zip(&spans.profiles) {
        if !profile.id.is_empty() && !is_slug(&profile.id) {
            out.at(
                &at.id,
                format!(
                    "the profile id \"{}\" is not a valid id; {SLUG_HELP}",
                    profile.id
                ),
            );
        }
    }
    let ids = checklist.profiles.iter().map(|p| p.id.as_str());
    for (id, at) in duplicates(ids.zip(spans.profiles.iter().map(|p| &p.id))) {
        out.at(at, format!("the profile id \"{id}\" is used by an earlier profile too; give each profile its own id"));
    }
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("\"{i}\""))
        .collect::<Vec<_>>()
        .join(", ")
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
