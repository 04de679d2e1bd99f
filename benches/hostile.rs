//! Bounded work on hostile input (issue #12): validating a 1 MiB checklist (a valid one with
//! thousands of questions, and one made of nothing but broken `[[questions]]` tables), and
//! refusing a 5 MB import whose answers all name unknown questions of a big checklist. The
//! target for each is under 1 s. The hostile import is also left at
//! `<CARGO_TARGET_TMPDIR>/hostile-import-5mb.json` so its peak memory can be measured on the
//! CLI with `/usr/bin/time -v yardstick --db NEW.sqlite3 import FILE` (target: under 100 MB).

#[path = "../tests/support/hostile.rs"]
mod hostile;

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use yardstick::checklist::{parse_checklist, MAX_FILE_BYTES};
use yardstick::exchange::{self, ExportOptions, ImportOptions};
use yardstick::store;
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};

/// A valid checklist of 999 questions (the most a checklist may have), padded to just
/// under the 1 MiB limit.
fn valid_mib() -> String {
    let mut padding = 0;
    while hostile::checklist_with_questions(999, padding + 100).len() < MAX_FILE_BYTES {
        padding += 100;
    }
    hostile::checklist_with_questions(999, padding)
}

fn checklists(c: &mut Criterion) {
    let valid = valid_mib();
    let broken = hostile::repeated_questions_checklist(MAX_FILE_BYTES - 64);
    c.bench_function("validate a valid 1 MiB checklist", |b| {
        b.iter(|| parse_checklist("big.toml", std::hint::black_box(&valid)).expect("valid"))
    });
    c.bench_function("validate a 1 MiB checklist of broken questions", |b| {
        b.iter(|| parse_checklist("broken.toml", std::hint::black_box(&broken)).unwrap_err())
    });
}

/// Writes the 5 MB hostile import of issue #12: a checklist of 999 questions (the most one
/// may have) and some 34,000 answers naming questions it does not have. Each such answer
/// once became a problem listing all 999 ids: 1.3 MB of this took 1.3 GB.
fn hostile_import(dir: &std::path::Path) -> PathBuf {
    let conn = store::open(&dir.join("source.sqlite3")).expect("open");
    let org = organisations::create_organisation(&conn, "Big", OrganisationKind::Other, None)
        .expect("organisation");
    let source = hostile::checklist_with_questions(999, 0);
    let a = assessments::create_assessment(
        &conn,
        &NewAssessment {
            organisation_id: org.id,
            period: "2026/27",
            assessor: "",
            checklist_source: &source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .expect("assessment");
    let bytes = exchange::export_json(&conn, a.id, &ExportOptions::default()).expect("export");
    let mut document: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let answers: Vec<_> = (0..34_000)
        .map(|n| {
            json!({"questionId": format!("unknown-{n}"), "level": 1, "rationale": "",
                   "confidence": null, "targetLevel": null, "carriedForward": false,
                   "updatedAt": "2026-04-01T09:30:00.000Z"})
        })
        .collect();
    document["answers"] = json!(answers);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-import-5mb.json");
    std::fs::write(&path, serde_json::to_vec(&document).expect("json")).expect("write");
    path
}

fn imports(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let file = hostile_import(dir.path());
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(
        size >= 5_000_000,
        "the hostile import is 5 MB, not {size} bytes"
    );
    let target = store::open(&dir.path().join("target.sqlite3")).expect("open");
    c.bench_function("refuse a 5 MB hostile import", |b| {
        b.iter(|| {
            exchange::import_json_file(&target, &file, &ImportOptions::default()).unwrap_err()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(10)).sample_size(10);
    targets = checklists, imports
}
criterion_main!(benches);
