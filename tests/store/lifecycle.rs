//! The life of an assessment: answering, the audit trail, sign-off and the lock, reopening,
//! carrying forward, and the overall level.

use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::answers::{self, AnswerInput, Confidence};
use yardstick::store::assessments::{self, AssessmentStatus, NewAssessment};
use yardstick::store::{audit, evidence, load_assessment, settings};
use yardstick::ErrorKind;

use crate::common::{assessment, default_checklist_source, new_db, END_TO_END, PROMOTION};

fn answer(level: u8) -> AnswerInput {
    AnswerInput {
        level: Some(level),
        rationale: format!("level {level} because"),
        confidence: Some(Confidence::High),
        target_level: Some(4),
        not_applicable: None,
    }
}

fn action(question: Option<&str>, status: ActionStatus) -> ActionInput {
    ActionInput {
        question_id: question.map(str::to_string),
        title: format!("Do something ({status:?})"),
        owner: "Head of Digital".into(),
        due_date: Some("2026-03-31".into()),
        status,
        notes: String::new(),
    }
}

#[test]
fn a_saved_answer_is_read_back_and_audited_with_who_and_old_to_new() {
    let db = new_db();
    settings::set(&db.conn, settings::ASSESSOR_NAME, "Priya Shah").unwrap();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    answers::save_answer(&db.conn, a.id, PROMOTION, &answer(1)).unwrap();
    answers::save_answer(&db.conn, a.id, PROMOTION, &answer(2)).unwrap();

    let detail = load_assessment(&db.conn, a.id).unwrap();
    // The UI shows what was saved; a lost or stale field would be a lost edit.
    assert_eq!(
        detail.answers.len(),
        1,
        "one answer per question, updated in place"
    );
    assert_eq!(detail.answers[0].level, Some(2), "the latest save wins");
    assert_eq!(detail.answers[0].confidence, Some(Confidence::High));

    let trail = audit::list_events(&db.conn, a.id).unwrap();
    let level_change = trail
        .iter()
        .find(|e| e.what == "promotion: level" && e.old_value.is_some());
    let level_change = level_change.expect("a changed level must be in the audit trail");
    // Reviewers need to see how a score moved and who moved it.
    assert_eq!(
        (
            level_change.old_value.as_deref(),
            level_change.new_value.as_deref()
        ),
        (Some("1"), Some("2"))
    );
    assert_eq!(
        level_change.who, "Priya Shah",
        "'who' is the assessor name from settings"
    );
}

#[test]
fn levels_and_questions_are_checked_against_the_assessments_own_checklist() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let too_high = answers::save_answer(&db.conn, a.id, PROMOTION, &answer(5)).unwrap_err();
    // A level off the scale would break the chart and the report.
    assert_eq!(too_high.kind(), ErrorKind::InvalidInput);
    assert!(
        too_high.to_string().contains("0 to 4"),
        "the message says what the scale is: {too_high}"
    );
    let unknown = answers::save_answer(&db.conn, a.id, "no-such-question", &answer(1)).unwrap_err();
    assert_eq!(
        unknown.kind(),
        ErrorKind::InvalidInput,
        "answers must belong to a question of the checklist"
    );
    let not_assessed = AnswerInput {
        level: None,
        ..answer(0)
    };
    // "Not assessed" is a real state, distinct from level 0.
    assert_eq!(
        answers::save_answer(&db.conn, a.id, PROMOTION, &not_assessed)
            .unwrap()
            .level,
        None
    );
}

#[test]
fn a_final_assessment_is_locked_until_reopened_with_a_reason() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2025/26");
    answers::save_answer(&db.conn, a.id, PROMOTION, &answer(2)).unwrap();
    let action_id =
        actions::add_action(&db.conn, a.id, &action(Some(PROMOTION), ActionStatus::Open))
            .unwrap()
            .id;
    let final_one = assessments::finalise(&db.conn, a.id, "Tom Hughes").unwrap();
    assert_eq!(final_one.status, AssessmentStatus::Final);
    assert_eq!(
        final_one.approver.as_deref(),
        Some("Tom Hughes"),
        "sign-off records the approver"
    );
    assert!(
        final_one.finalised_at.is_some(),
        "sign-off records the date"
    );

    // Signed-off figures go to senior management; they must not change silently.
    let attempts = [
        answers::save_answer(&db.conn, a.id, PROMOTION, &answer(4)).map(|_| ()),
        evidence::add_note(&db.conn, a.id, PROMOTION, "late note").map(|_| ()),
        actions::add_action(&db.conn, a.id, &action(None, ActionStatus::Open)).map(|_| ()),
        actions::remove_action(&db.conn, action_id),
        assessments::delete_assessment(&db.conn, a.id),
        assessments::finalise(&db.conn, a.id, "Someone Else").map(|_| ()),
    ];
    for attempt in attempts {
        let error = attempt.expect_err("a final assessment refuses every change");
        assert_eq!(
            error.kind(),
            ErrorKind::Locked,
            "the UI branches on 'locked': {error}"
        );
    }
    assert_eq!(
        load_assessment(&db.conn, a.id).unwrap().answers[0].level,
        Some(2),
        "the refused change left no trace"
    );

    let no_reason = assessments::reopen(&db.conn, a.id, "  ").unwrap_err();
    assert_eq!(
        no_reason.kind(),
        ErrorKind::InvalidInput,
        "reopening must be accountable, so a reason is required"
    );
    let reopened =
        assessments::reopen(&db.conn, a.id, "Evidence for question 1 was wrong").unwrap();
    assert_eq!(reopened.status, AssessmentStatus::Draft);
    let trail = audit::list_events(&db.conn, a.id).unwrap();
    let last = trail.last().expect("reopening is audited");
    assert!(
        last.new_value
            .as_deref()
            .is_some_and(|v| v.contains("Evidence for question 1 was wrong"))
            && last
                .old_value
                .as_deref()
                .is_some_and(|v| v.contains("Tom Hughes")),
        "the trail keeps the reason and the sign-off it undid: {last:?}"
    );
    answers::save_answer(&db.conn, a.id, PROMOTION, &answer(3))
        .expect("a reopened assessment can be changed");
}

#[test]
fn starting_from_last_year_carries_answers_evidence_and_open_actions_as_a_draft() {
    let db = new_db();
    let last_year = assessment(&db.conn, "Testshire", "2025/26");
    answers::save_answer(&db.conn, last_year.id, PROMOTION, &answer(2)).unwrap();
    evidence::add_note(&db.conn, last_year.id, PROMOTION, "Contact centre report").unwrap();
    evidence::add_link(
        &db.conn,
        last_year.id,
        END_TO_END,
        "https://example.org/map",
        "Process map",
    )
    .unwrap();
    actions::add_action(
        &db.conn,
        last_year.id,
        &action(Some(PROMOTION), ActionStatus::Open),
    )
    .unwrap();
    actions::add_action(
        &db.conn,
        last_year.id,
        &action(Some(PROMOTION), ActionStatus::Done),
    )
    .unwrap();
    actions::add_action(
        &db.conn,
        last_year.id,
        &action(None, ActionStatus::InProgress),
    )
    .unwrap();
    assessments::finalise(&db.conn, last_year.id, "Tom Hughes").unwrap();

    let source = default_checklist_source();
    let new = NewAssessment {
        organisation_id: last_year.organisation_id,
        period: "2026/27",
        assessor: "Priya Shah",
        checklist_source: &source,
        scope: "",
        from: Some(last_year.id),
        profile: None,
    };
    let this_year = assessments::create_assessment(&db.conn, &new).unwrap();
    let detail = load_assessment(&db.conn, this_year.id).unwrap();
    // Last year's work is the starting point; nothing should need retyping.
    assert_eq!(
        detail.assessment.status,
        AssessmentStatus::Draft,
        "a carried-forward assessment starts as a draft"
    );
    assert_eq!(detail.assessment.previous_id, Some(last_year.id));
    assert_eq!(detail.answers.len(), 1);
    assert_eq!(
        detail.answers[0].level,
        Some(2),
        "scores are carried forward"
    );
    assert!(
        detail.answers[0].carried_forward,
        "carried answers are flagged for review"
    );
    assert_eq!(
        detail.evidence.len(),
        2,
        "notes and links are carried forward"
    );
    let statuses: Vec<ActionStatus> = detail.actions.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses,
        vec![ActionStatus::InProgress, ActionStatus::Open],
        "outstanding actions (overall first) come along; done ones stay with their year"
    );

    answers::save_answer(&db.conn, this_year.id, PROMOTION, &answer(3)).unwrap();
    let saved = answers::get_answer(&db.conn, this_year.id, PROMOTION)
        .unwrap()
        .unwrap();
    assert!(!saved.carried_forward, "saving an answer marks it reviewed");
    let old = load_assessment(&db.conn, last_year.id).unwrap();
    assert_eq!(
        old.answers[0].level,
        Some(2),
        "carrying forward never changes last year's final assessment"
    );
}

#[test]
fn the_overall_level_is_the_mean_of_assessed_levels_rounded_down() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    answers::save_answer(&db.conn, a.id, PROMOTION, &answer(3)).unwrap();
    answers::save_answer(&db.conn, a.id, END_TO_END, &answer(2)).unwrap();
    answers::save_answer(
        &db.conn,
        a.id,
        "social-media",
        &AnswerInput {
            level: None,
            ..answer(0)
        },
    )
    .unwrap();
    // Mean 2.5 → 2: a summary must not credit a level not yet reached across the board, and
    // "not assessed" must not drag the figure down as if it were 0.
    assert_eq!(
        load_assessment(&db.conn, a.id).unwrap().overall_level,
        Some(2)
    );
    let summary = assessments::list_summaries(&db.conn).unwrap().remove(0);
    assert_eq!(
        summary.overall_level,
        Some(2),
        "the list computes the same figure as the detail"
    );
    assert_eq!(
        (summary.answered, summary.question_count),
        (2, 7),
        "answered counts questions with a level"
    );
    assert_eq!(
        yardstick::scoring::overall_level([]),
        None,
        "no levels, no overall level"
    );
}

#[test]
fn a_second_assessment_for_the_same_organisation_and_year_is_refused() {
    let db = new_db();
    assessment(&db.conn, "Testshire", "2026/27");
    let source = default_checklist_source();
    let org = yardstick::store::organisations::find_by_name(&db.conn, "testshire")
        .unwrap()
        .unwrap();
    let again = NewAssessment {
        organisation_id: org.id,
        period: "2026/27",
        assessor: "",
        checklist_source: &source,
        scope: "",
        from: None,
        profile: None,
    };
    // Two competing 2026/27 assessments would make year-on-year comparison ambiguous.
    assert_eq!(
        assessments::create_assessment(&db.conn, &again)
            .unwrap_err()
            .kind(),
        ErrorKind::Conflict
    );
}
