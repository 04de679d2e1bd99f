//! Issue #11's targets for a large format-2 framework (200 outcomes in 4 objectives and 12
//! principles, two scales, counts against a profile): it validates in under 50 ms and its
//! report, built from a real database with most outcomes answered, renders in under 100 ms.
//! Run with `cargo bench -p yardstick --bench grouped`.

use criterion::{criterion_group, criterion_main, Criterion};
use yardstick::checklist::parse_checklist;
use yardstick::store::answers::{save_answer, AnswerInput};
use yardstick::store::start::{start_assessment, OrganisationChoice, StartAssessment};

#[path = "../tests/support/grouped_checklist.rs"]
mod grouped_checklist;

fn grouped(c: &mut Criterion) {
    let text = grouped_checklist::grouped_checklist(200);
    let checklist =
        parse_checklist("grouped.toml", &text).expect("the generated framework is valid");
    assert_eq!(checklist.questions.len(), 200);
    c.bench_function("parse and validate a 200-outcome grouped framework", |b| {
        b.iter(|| parse_checklist("grouped.toml", std::hint::black_box(&text)))
    });

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("checklists")).unwrap();
    std::fs::write(dir.path().join("checklists/grouped.toml"), &text).unwrap();
    let conn = yardstick::store::open(&dir.path().join("yardstick.sqlite3")).unwrap();
    let request = StartAssessment {
        organisation: OrganisationChoice::Named {
            name: "Benchmark Borough Council".into(),
        },
        period: "2026/27".into(),
        assessor: Some("Sam Okafor".into()),
        checklist_id: Some("grouped-bench".into()),
        checklist_version: None,
        scope: Some("Council tax service".into()),
        profile: Some("baseline".into()),
        from_assessment_id: None,
    };
    let id = start_assessment(&conn, dir.path(), &request).unwrap().id;
    for (i, q) in checklist.questions.iter().enumerate() {
        let mut input = AnswerInput {
            rationale: format!("Seen in the records for {}.", q.code),
            target_level: Some(checklist.max_level_of(q)),
            ..AnswerInput::default()
        };
        if q.not_applicable {
            input.not_applicable = Some("Nothing of the kind here.".into());
        } else if i % 10 != 9 {
            input.level = Some((i % (usize::from(checklist.max_level_of(q)) + 1)) as u8);
        }
        save_answer(&conn, id, &q.id, &input).unwrap();
    }
    let options = yardstick::report::ReportOptions {
        compare_with: Vec::new(),
        protective_marking: Some("OFFICIAL".into()),
        exported_at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 5, 4, 9, 30, 0)
            .unwrap(),
    };
    let report = yardstick::report::build_report(&conn, id, &options).unwrap();
    let bytes = yardstick::report::render(&report).unwrap();
    println!(
        "200-outcome grouped report: {} bytes ({:.1} KB)",
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    c.bench_function("render a 200-outcome grouped framework's report", |b| {
        b.iter(|| yardstick::report::render(std::hint::black_box(&report)).expect("renders"))
    });
    c.bench_function(
        "build and render a 200-outcome grouped framework's report",
        |b| {
            b.iter(|| {
                let report = yardstick::report::build_report(&conn, id, &options).unwrap();
                yardstick::report::render(&report).expect("renders")
            })
        },
    );
}

criterion_group!(benches, grouped);
criterion_main!(benches);
