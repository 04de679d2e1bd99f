//! Checklist format 2: groups, several scales, indicator lists, not applicable, results
//! rules, target profiles and wording. The grouped test framework must read whole, and each
//! way of getting format 2 wrong must be refused with a message that says what to fix.

use yardstick::checklist::{parse_checklist, ResultRule};

use super::fixture;

fn grouped_text() -> String {
    std::fs::read_to_string(fixture("fixtures/grouped-framework.toml")).unwrap()
}

/// The problems in `text` after replacing `from` with `to` (which must be in it).
fn problems_after(from: &str, to: &str) -> Vec<String> {
    let text = grouped_text();
    assert!(text.contains(from), "the fixture has {from:?}");
    let changed = text.replacen(from, to, 1);
    match parse_checklist("grouped.toml", &changed) {
        Ok(_) => Vec::new(),
        Err(report) => report.problems.iter().map(|p| p.message.clone()).collect(),
    }
}

fn assert_one_problem(from: &str, to: &str, fragment: &str) {
    let problems = problems_after(from, to);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains(fragment),
        "{:?} should contain {fragment:?}",
        problems[0]
    );
}

#[test]
fn the_grouped_framework_reads_whole() {
    let c = parse_checklist("grouped.toml", &grouped_text()).expect("valid");
    assert_eq!(c.format, 2);
    assert_eq!(c.questions.len(), 39);
    assert_eq!(c.groups.iter().filter(|g| g.parent.is_none()).count(), 4);
    assert_eq!(c.groups.iter().filter(|g| g.parent.is_some()).count(), 12);
    assert_eq!(c.results, ResultRule::Counts);
    assert_eq!(c.wording.questions, "outcomes");
    let a1a = c.question("a1-a").unwrap();
    assert_eq!(
        (a1a.code.as_str(), a1a.group.as_deref()),
        ("A1.a", Some("a1"))
    );
    assert_eq!(c.levels_of(a1a).len(), 3);
    assert_eq!(
        c.levels_of(c.question("a1-c").unwrap()).len(),
        2,
        "the two-level scale"
    );
    assert_eq!(c.top_group_of(a1a).unwrap().code, "A");
    assert_eq!(
        a1a.indicators[2].len(),
        3,
        "a descriptor given as indicators"
    );
    assert_eq!(
        a1a.descriptors[2],
        "Outcome A1.a is met in full; It is reviewed each year; Someone is named as responsible for it."
    );
    assert!(a1a.indicators[0].is_empty(), "plain text has no indicators");
    assert_eq!(c.questions.iter().filter(|q| q.not_applicable).count(), 3);
    let baseline = c.profile("baseline").unwrap();
    assert_eq!(baseline.targets.len(), 39);
    assert_eq!(baseline.targets[0].question_id, "a1-a");
    assert_eq!(c.main_scale().levels[0].colour.as_deref(), Some("#d4351c"));
}

#[test]
fn format_two_keys_in_a_format_one_file_say_how_to_switch() {
    let text = std::fs::read_to_string(fixture("fixtures/small-valid.toml")).unwrap();
    let changed = format!("results = \"counts\"\n{text}");
    let report = parse_checklist("small.toml", &changed).unwrap_err();
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.problems[0]
        .message
        .contains("add the line `format = 2`"));
}

#[test]
fn an_average_of_different_scales_is_refused() {
    assert_one_problem(
        "results = \"counts\"",
        "results = \"average\"",
        "an average of their levels would mean nothing",
    );
}

#[test]
fn an_unknown_scale_gets_did_you_mean() {
    assert_one_problem(
        "scale = \"met-or-not\"",
        "scale = \"met-or-nt\"",
        "did you mean \"met-or-not\"?",
    );
}

#[test]
fn groups_nest_at_most_two_deep() {
    assert_one_problem(
        "id = \"b2\"\ncode = \"B2\"\nparent = \"b\"",
        "id = \"b2\"\ncode = \"B2\"\nparent = \"b1\"",
        "groups nest at most two deep",
    );
}

#[test]
fn a_group_without_questions_is_refused() {
    assert_one_problem(
        "[[groups]]\nid = \"c\"",
        "[[groups]]\nid = \"empty\"\ncode = \"E\"\ntitle = \"Nothing here\"\n\n[[groups]]\nid = \"c\"",
        "the group \"empty\" has no questions",
    );
}

#[test]
fn a_groups_questions_must_sit_together() {
    // A1.c moved into B1 puts a B question between A1 and A2, so objective A is split (and
    // B1 too); each split is reported once, not under every later question.
    let problems = problems_after(
        "id = \"a1-c\"\ncode = \"A1.c\"\ngroup = \"a1\"",
        "id = \"a1-c\"\ncode = \"A1.c\"\ngroup = \"b1\"",
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("so each group's questions are together"));
}

#[test]
fn a_profile_target_must_be_on_its_questions_scale() {
    assert_one_problem(
        "\"a1-c\" = \"Achieved\"",
        "\"a1-c\" = \"Partially achieved\"",
        "not a level of its scale “Achieved or not”",
    );
    assert_one_problem(
        "\"a1-c\" = \"Achieved\"",
        "\"a1-x\" = \"Achieved\"",
        "not a question in this checklist",
    );
}

#[test]
fn a_colour_must_be_hex() {
    assert_one_problem(
        "colour = \"#d4351c\"",
        "colour = \"red\"",
        "# and six hexadecimal digits",
    );
}

#[test]
fn indicator_lists_are_format_two_only_and_not_empty() {
    assert_one_problem(
        "[\"Outcome A1.a is met in full.\", \"It is reviewed each year.\", \"Someone is named as responsible for it.\"]",
        "[]",
        "is an empty list; write at least one indicator",
    );
}
