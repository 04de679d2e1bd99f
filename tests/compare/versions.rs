//! Matching questions across checklist versions. Results are compared year on year by stable
//! question id; when a newer version renames, splits or merges questions it says so in
//! `replaces`. A wrong match would show a council a change that never happened, so each case
//! checks which earlier level lands in which row, and that nothing is dropped.

use yardstick::compare::{compare_assessments, CellState, CompareOptions, Comparison, Direction};

use super::common::*;

fn compare(conn: &yardstick::store::Connection, ids: &[i64]) -> Comparison {
    compare_assessments(conn, ids, &CompareOptions::default()).expect("comparison")
}

fn row<'a>(c: &'a Comparison, id: &str) -> &'a yardstick::compare::QuestionRow {
    c.questions
        .iter()
        .find(|r| r.question_id == id)
        .unwrap_or_else(|| panic!("no row for {id}"))
}

fn levels(c: &Comparison, id: &str) -> Vec<Option<u8>> {
    row(c, id).cells.iter().map(|cell| cell.level).collect()
}

#[test]
fn a_renamed_question_keeps_its_history() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("alpha", "Alpha", &[]), ("beta", "Beta", &[])]);
    let v2 = checklist_toml(
        "2",
        &[
            ("alpha-2", "Alpha, reworded", &["alpha"]),
            ("beta", "Beta", &[]),
        ],
    );
    let old = assess(
        &db.conn,
        "Council",
        "2025/26",
        &v1,
        &[("alpha", 1), ("beta", 2)],
    );
    let new = assess(
        &db.conn,
        "Council",
        "2026/27",
        &v2,
        &[("alpha-2", 3), ("beta", 2)],
    );
    let c = compare(&db.conn, &[new, old]);
    // One row per question of the newest version: the old id must not linger as a row of
    // its own, or the same question would appear twice with half a history each.
    assert_eq!(c.questions.len(), 2, "{:?}", c.questions);
    assert_eq!(
        levels(&c, "alpha-2"),
        [Some(1), Some(3)],
        "the old level follows the rename"
    );
    let cell = &row(&c, "alpha-2").cells[1];
    assert_eq!(cell.change.as_ref().unwrap().text, "up 2 levels");
    // The reader is told the earlier year asked it under another name.
    let note = row(&c, "alpha-2").cells[0].note.as_deref().unwrap();
    assert!(note.contains("asked as “Alpha”"), "{note}");
    assert_eq!(
        row(&c, "beta").cells[1].change.as_ref().unwrap().direction,
        Direction::Held,
        "an unchanged id matches itself"
    );
}

#[test]
fn both_halves_of_a_split_question_start_from_its_level() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("whole", "Whole", &[]), ("other", "Other", &[])]);
    let v2 = checklist_toml(
        "2",
        &[
            ("part-one", "Part one", &["whole"]),
            ("part-two", "Part two", &["whole"]),
            ("other", "Other", &[]),
        ],
    );
    let old = assess(
        &db.conn,
        "Council",
        "2025/26",
        &v1,
        &[("whole", 2), ("other", 1)],
    );
    let new = assess(
        &db.conn,
        "Council",
        "2026/27",
        &v2,
        &[("part-one", 3), ("part-two", 1), ("other", 1)],
    );
    let c = compare(&db.conn, &[old, new]);
    assert_eq!(
        c.questions.len(),
        3,
        "the split question is not shown as well"
    );
    // Each half is measured against the level the whole question had: one improved, one fell.
    assert_eq!(levels(&c, "part-one"), [Some(2), Some(3)]);
    assert_eq!(levels(&c, "part-two"), [Some(2), Some(1)]);
    let counts = c.latest_counts.as_ref().unwrap();
    assert_eq!(
        (counts.improved, counts.unchanged, counts.declined),
        (1, 1, 1)
    );
    let note = row(&c, "part-two").cells[0].note.as_deref().unwrap();
    assert!(
        note.contains("part of “Whole”") && note.contains("split"),
        "{note}"
    );
}

#[test]
fn a_merged_question_compares_with_its_parts_rounded_down() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("web", "Web", &[]), ("apps", "Apps", &[])]);
    let v2 = checklist_toml("2", &[("channels", "Channels", &["web", "apps"])]);
    let old = assess(
        &db.conn,
        "Council",
        "2025/26",
        &v1,
        &[("web", 2), ("apps", 3)],
    );
    let new = assess(&db.conn, "Council", "2026/27", &v2, &[("channels", 3)]);
    let c = compare(&db.conn, &[old, new]);
    assert_eq!(c.questions.len(), 1, "both parts feed the one merged row");
    let cell = &row(&c, "channels").cells[0];
    // Mean 2.5 rounded down, like overall maturity: a merge must not flatter the past or
    // the present.
    assert_eq!(cell.level, Some(2));
    assert_eq!(cell.matched.len(), 2, "both earlier questions are named");
    let note = cell.note.as_deref().unwrap();
    assert!(
        note.contains("“Web” (level 2)") && note.contains("“Apps” (level 3)"),
        "{note}"
    );
    assert_eq!(
        row(&c, "channels").cells[1].change.as_ref().unwrap().text,
        "up 1 level"
    );
}

#[test]
fn removed_and_added_questions_are_shown_not_dropped() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("keep", "Keep", &[]), ("gone", "Gone", &[])]);
    let v2 = checklist_toml("2", &[("keep", "Keep", &[]), ("fresh", "Fresh", &[])]);
    let old = assess(
        &db.conn,
        "Council",
        "2025/26",
        &v1,
        &[("keep", 1), ("gone", 2)],
    );
    let new = assess(
        &db.conn,
        "Council",
        "2026/27",
        &v2,
        &[("keep", 1), ("fresh", 3)],
    );
    let c = compare(&db.conn, &[old, new]);
    let ids: Vec<&str> = c.questions.iter().map(|r| r.question_id.as_str()).collect();
    // The newest version's questions first, in its order; the retired one after them.
    assert_eq!(ids, ["keep", "fresh", "gone"]);
    let gone = row(&c, "gone");
    assert!(!gone.in_latest_checklist);
    assert_eq!(
        gone.cells[0].level,
        Some(2),
        "last year's work is still on record"
    );
    assert_eq!(gone.cells[1].state, CellState::NotInChecklist);
    assert_eq!(gone.cells[1].text, "Not in this checklist version");
    let fresh = row(&c, "fresh");
    assert_eq!(fresh.cells[0].state, CellState::NotInChecklist);
    // A question new this year is not "up 3 levels" from nothing.
    assert!(fresh.cells[1].change.is_none());
    let counts = c.latest_counts.as_ref().unwrap();
    assert_eq!((counts.unchanged, counts.not_comparable), (1, 2));
    assert!(
        c.summary.contains("2 could not be compared"),
        "{}",
        c.summary
    );
}

#[test]
fn renames_are_followed_through_several_versions() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("first", "First name", &[])]);
    let v2 = checklist_toml("2", &[("second", "Second name", &["first"])]);
    let v3 = checklist_toml("3", &[("third", "Third name", &["second"])]);
    let a = assess(&db.conn, "Council", "2024/25", &v1, &[("first", 0)]);
    let b = assess(&db.conn, "Council", "2025/26", &v2, &[("second", 1)]);
    let c3 = assess(&db.conn, "Council", "2026/27", &v3, &[("third", 2)]);
    // The 2024/25 checklist never mentions "third": the match must chain back through 2025/26.
    let c = compare(&db.conn, &[a, b, c3]);
    assert_eq!(c.questions.len(), 1);
    assert_eq!(levels(&c, "third"), [Some(0), Some(1), Some(2)]);
    assert_eq!(row(&c, "third").trend.as_ref().unwrap().text, "up 2 levels");
}

#[test]
fn a_question_not_assessed_is_not_read_as_level_zero() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[]), ("two", "Two", &[])]);
    let old = assess(&db.conn, "Council", "2025/26", &v1, &[("one", 2)]);
    let new = assess(
        &db.conn,
        "Council",
        "2026/27",
        &v1,
        &[("one", 2), ("two", 1)],
    );
    let c = compare(&db.conn, &[old, new]);
    let two = row(&c, "two");
    assert_eq!(two.cells[0].state, CellState::NotAssessed);
    assert_eq!(two.cells[0].text, "Not assessed");
    assert!(
        two.cells[1].change.is_none(),
        "no change can be claimed from a blank"
    );
}
