//! Issue #7: comparing ten years of one organisation's assessments must give the compare
//! screen its data, and the PDF its comparison section, in under 20 ms each. The section's
//! cost is the difference between rendering the report with and without the comparison.
//! Run with `cargo bench -p yardstick --bench compare`.

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use yardstick::checklist::{builtin_checklists, DEFAULT_CHECKLIST_ID};
use yardstick::compare::{compare_assessments, CompareOptions};
use yardstick::report::{build_report, render, ReportOptions};
use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::Connection;

const YEARS: i32 = 10;

/// Ten years of a council's assessments of the default checklist, improving unevenly, with
/// two actions a year; returns the ids, oldest first.
fn ten_years(conn: &Connection) -> Vec<i64> {
    let source = builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .expect("default checklist");
    let org =
        organisations::create_organisation(conn, "Bench Council", OrganisationKind::County, None)
            .expect("organisation");
    (0..YEARS)
        .map(|year| {
            let start = 2017 + year;
            let period = format!("{start}/{:02}", (start + 1) % 100);
            let id = assessments::create_assessment(
                conn,
                &NewAssessment {
                    organisation_id: org.id,
                    period: &period,
                    assessor: "Bench",
                    checklist_source: &source.source_text,
                    scope: "",
                    from: None,
                    profile: None,
                },
            )
            .expect("assessment")
            .id;
            for (q, question) in source.checklist.questions.iter().enumerate() {
                let level = ((year as usize + q) / 3).min(4) as u8;
                let input = AnswerInput {
                    level: Some(level),
                    target_level: Some(4),
                    ..AnswerInput::default()
                };
                answers::save_answer(conn, id, &question.id, &input).expect("answer");
            }
            for n in 0..2 {
                let action = ActionInput {
                    question_id: Some(source.checklist.questions[n].id.clone()),
                    title: format!("Action {n} of {period}"),
                    owner: "Head of Digital".into(),
                    due_date: Some(format!("{}-03-31", start + 1)),
                    status: ActionStatus::Done,
                    notes: String::new(),
                };
                actions::add_action(conn, id, &action).expect("action");
            }
            id
        })
        .collect()
}

fn compare(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = yardstick::store::open(&dir.path().join("bench.db")).expect("open");
    let ids = ten_years(&conn);
    let (latest, earlier) = ids.split_last().expect("ten years");
    let options = CompareOptions::default();
    c.bench_function("comparison data, 10 years", |b| {
        b.iter(|| {
            compare_assessments(&conn, std::hint::black_box(&ids), &options).expect("compares")
        })
    });
    let report_options = ReportOptions {
        compare_with: earlier.to_vec(),
        protective_marking: None,
        exported_at: Utc.with_ymd_and_hms(2027, 5, 4, 9, 30, 0).unwrap(),
    };
    c.bench_function("report model with 10-year comparison", |b| {
        b.iter(|| build_report(&conn, *latest, &report_options).expect("builds"))
    });
    let with = build_report(&conn, *latest, &report_options).expect("builds");
    let mut without = with.clone();
    without.comparison = None;
    println!(
        "report size: {} bytes with the comparison, {} without",
        render(&with).expect("renders").len(),
        render(&without).expect("renders").len()
    );
    c.bench_function("render report with 10-year comparison", |b| {
        b.iter(|| render(std::hint::black_box(&with)).expect("renders"))
    });
    c.bench_function("render report without comparison", |b| {
        b.iter(|| render(std::hint::black_box(&without)).expect("renders"))
    });
}

criterion_group!(benches, compare);
criterion_main!(benches);
