//! Store benchmarks on a real database file (WAL, synchronous=FULL) under the target folder,
//! not /tmp, which is often a RAM disk where fsync costs nothing: saving one answer (one
//! durable commit), loading one assessment with 200 evidence items, and listing 1,000
//! assessments.

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use yardstick::checklist::{builtin_checklists, DEFAULT_CHECKLIST_ID};
use yardstick::store::answers::{self, AnswerInput, Confidence};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::{self, evidence, Connection};

fn checklist_source() -> String {
    builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .expect("default checklist")
        .source_text
}

fn fresh_db(dir: &Path) -> Connection {
    store::open(&dir.join("bench.sqlite3")).expect("open")
}

fn new_assessment(conn: &Connection, organisation_id: i64, period: &str, source: &str) -> i64 {
    let new = NewAssessment {
        organisation_id,
        period,
        assessor: "Bench",
        checklist_source: source,
        scope: "",
        from: None,
        profile: None,
    };
    assessments::create_assessment(conn, &new)
        .expect("assessment")
        .id
}

fn save_one_answer(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let conn = fresh_db(dir.path());
    let org = organisations::create_organisation(
        &conn,
        "Bench Council",
        OrganisationKind::District,
        None,
    )
    .unwrap();
    let id = new_assessment(&conn, org.id, "2026/27", &checklist_source());
    let mut n = 0u32;
    c.bench_function("save one answer (durable commit)", |b| {
        b.iter(|| {
            n += 1;
            let input = AnswerInput {
                level: Some((n % 5) as u8),
                rationale: format!("Rationale revision {n}"),
                confidence: Some(Confidence::Medium),
                target_level: Some(4),
                not_applicable: None,
            };
            answers::save_answer(&conn, id, "promotion", &input).unwrap()
        })
    });
}

fn load_with_200_evidence(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let conn = fresh_db(dir.path());
    let org = organisations::create_organisation(
        &conn,
        "Bench Council",
        OrganisationKind::District,
        None,
    )
    .unwrap();
    let id = new_assessment(&conn, org.id, "2026/27", &checklist_source());
    let questions: Vec<String> = store::snapshots::assessment_checklist(&conn, id)
        .unwrap()
        .questions
        .into_iter()
        .map(|q| q.id)
        .collect();
    let tx = conn.unchecked_transaction().unwrap();
    for (n, question) in questions.iter().cycle().take(200).enumerate() {
        match n % 4 {
            0 => {
                let file = dir.path().join(format!("evidence-{n}.pdf"));
                std::fs::write(&file, format!("document {n}")).unwrap();
                evidence::add_file(&tx, id, question, &file, "Attached report").map(|_| ())
            }
            1 => evidence::add_link(
                &tx,
                id,
                question,
                &format!("https://example.org/doc/{n}"),
                "Published page",
            )
            .map(|_| ()),
            _ => evidence::add_note(
                &tx,
                id,
                question,
                &format!("Note {n}: what we found when we looked at this."),
            )
            .map(|_| ()),
        }
        .unwrap();
        if n < questions.len() {
            let input = AnswerInput {
                level: Some(2),
                rationale: "x".repeat(800),
                ..AnswerInput::default()
            };
            answers::save_answer(&tx, id, question, &input).unwrap();
        }
    }
    tx.commit().unwrap();
    c.bench_function("load one assessment with 200 evidence items", |b| {
        b.iter(|| store::load_assessment(&conn, id).unwrap())
    });
}

fn list_1000(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let conn = fresh_db(dir.path());
    let source = checklist_source();
    let tx = conn.unchecked_transaction().unwrap();
    for council in 0..100 {
        let org = organisations::create_organisation(
            &tx,
            &format!("Council {council:03}"),
            OrganisationKind::Other,
            None,
        )
        .unwrap();
        for year in 0..10 {
            let period = format!("{}/{:02}", 2015 + year, (16 + year) % 100);
            let id = new_assessment(&tx, org.id, &period, &source);
            for (q, question) in [
                "promotion",
                "user-centred-mobile",
                "end-to-end",
                "social-media",
            ]
            .iter()
            .enumerate()
            {
                let input = AnswerInput {
                    level: Some(((year + q) % 5) as u8),
                    ..AnswerInput::default()
                };
                answers::save_answer(&tx, id, question, &input).unwrap();
            }
        }
    }
    tx.commit().unwrap();
    c.bench_function("list 1,000 assessments", |b| {
        b.iter(|| assessments::list_summaries(&conn).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    targets = save_one_answer, load_with_200_evidence, list_1000
}
criterion_main!(benches);
