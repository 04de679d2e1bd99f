//! Which assessments may be compared: an organisation's first assessment has nothing to
//! compare with, assessments of different organisations only side by side when a peer
//! comparison is asked for, and the default choice is this one and up to four earlier ones.

use yardstick::compare::{
    compare_assessments, default_comparison_ids, CompareOptions, ComparisonKind,
};
use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::ErrorKind;

use super::common::*;

#[test]
fn a_first_assessment_says_plainly_there_is_nothing_to_compare() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let only = assess(&db.conn, "New Council", "2026/27", &v1, &[("one", 2)]);
    // The default choice for a first assessment is just itself, and comparing it is not an
    // error: the screen must show a clear sentence, not a failure.
    assert_eq!(default_comparison_ids(&db.conn, only).unwrap(), [only]);
    let c = compare_assessments(&db.conn, &[only], &CompareOptions::default()).unwrap();
    let message = c.nothing_to_compare.as_deref().expect("said plainly");
    assert!(
        message.contains("Nothing to compare yet")
            && message.contains("first assessment of New Council"),
        "{message}"
    );
    assert!(c.latest_counts.is_none() && c.questions[0].cells[0].change.is_none());
}

#[test]
fn the_default_is_this_assessment_and_up_to_four_earlier_ones_oldest_first() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let ids: Vec<i64> = (2019..2026)
        .map(|y| {
            let period = format!("{y}/{:02}", (y + 1) % 100);
            assess(&db.conn, "Council", &period, &v1, &[("one", 1)])
        })
        .collect();
    // Five periods fit a screen and a page; the oldest are left out, never the latest.
    assert_eq!(default_comparison_ids(&db.conn, ids[6]).unwrap(), ids[2..7]);
    // From an older assessment, later ones are not "earlier".
    assert_eq!(default_comparison_ids(&db.conn, ids[1]).unwrap(), ids[0..2]);
    let err = default_comparison_ids(&db.conn, 9_999).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[test]
fn different_organisations_are_refused_unless_a_peer_comparison_is_asked_for() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let ours = assess(&db.conn, "Our Council", "2026/27", &v1, &[("one", 1)]);
    let theirs = assess(&db.conn, "Their Council", "2026/27", &v1, &[("one", 3)]);
    // Another council's score is not our progress: refused, with a message that names both
    // and says how to ask for a peer comparison instead.
    let err =
        compare_assessments(&db.conn, &[ours, theirs], &CompareOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let message = err.to_string();
    assert!(
        message.contains("Our Council")
            && message.contains("Their Council")
            && message.contains("peer"),
        "{message}"
    );
    let peer = CompareOptions { allow_peer: true };
    let c = compare_assessments(&db.conn, &[ours, theirs], &peer).unwrap();
    assert_eq!(c.kind, ComparisonKind::Peer);
    assert!(
        c.title.starts_with("Peer comparison"),
        "labelled as such: {}",
        c.title
    );
    assert!(c.summary.contains("peer comparison"), "{}", c.summary);
    assert_eq!(
        c.periods[0].label, "Our Council 2026/27",
        "columns say whose they are"
    );
    assert!(
        c.questions[0].cells[1].change.is_none(),
        "no 'up 2 levels' from one council to another"
    );
}

#[test]
fn a_peer_comparison_still_shows_each_councils_own_change() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let a1 = assess(&db.conn, "A Council", "2025/26", &v1, &[("one", 1)]);
    let b1 = assess(&db.conn, "B Council", "2025/26", &v1, &[("one", 3)]);
    let a2 = assess(&db.conn, "A Council", "2026/27", &v1, &[("one", 2)]);
    let peer = CompareOptions { allow_peer: true };
    let c = compare_assessments(&db.conn, &[a2, b1, a1], &peer).unwrap();
    let labels: Vec<&str> = c.periods.iter().map(|p| p.label.as_str()).collect();
    // Grouped by organisation (the first chosen first), oldest period first within each.
    assert_eq!(
        labels,
        [
            "A Council 2025/26",
            "A Council 2026/27",
            "B Council 2025/26"
        ]
    );
    let cells = &c.questions[0].cells;
    assert_eq!(cells[1].change.as_ref().unwrap().text, "up 1 level");
    assert!(cells[2].change.is_none());
}

#[test]
fn earlier_actions_are_shown_with_their_status_now() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let first = assess(&db.conn, "Council", "2025/26", &v1, &[("one", 1)]);
    let input = ActionInput {
        question_id: Some("one".into()),
        title: "Publish take-up figures".into(),
        owner: "Head of Digital".into(),
        due_date: Some("2026-03-31".into()),
        status: ActionStatus::Open,
        notes: String::new(),
    };
    actions::add_action(&db.conn, first, &input).unwrap();
    let org = assessments::get_assessment(&db.conn, first)
        .unwrap()
        .organisation_id;
    let second = assessments::create_assessment(
        &db.conn,
        &NewAssessment {
            organisation_id: org,
            period: "2026/27",
            assessor: "Test assessor",
            checklist_source: &v1,
            scope: "",
            from: Some(first),
            profile: None,
        },
    )
    .unwrap()
    .id;
    let carried = actions::list_actions(&db.conn, second).unwrap().remove(0);
    let done = ActionInput {
        status: ActionStatus::Done,
        ..input
    };
    actions::update_action(&db.conn, carried.id, &done).unwrap();
    let c = compare_assessments(&db.conn, &[first, second], &CompareOptions::default()).unwrap();
    // The open action of 2025/26 was carried forward and done in 2026/27: listed once, with
    // the year it was set and its status now, not the stale "open".
    assert_eq!(c.actions.len(), 1, "{:?}", c.actions);
    let action = &c.actions[0];
    assert_eq!(action.recorded_in, "2025/26");
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.status_as_of, "2026/27");
    assert_eq!(action.question_title.as_deref(), Some("One"));
}
