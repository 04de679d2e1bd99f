//! Exchange benchmarks on the example council's latest assessment (seven answers, evidence,
//! actions), on a real database file under the target folder (not /tmp, often a RAM disk
//! where fsync costs nothing): exporting it as JSON, and importing that JSON into an empty
//! database (one durable transaction). The target for each is under 10 ms.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use yardstick::exchange::{self, ExportOptions, ImportOptions};
use yardstick::{example_data, store};

fn exchange_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let conn = store::open(&dir.path().join("example.sqlite3")).expect("open");
    let ids = example_data::load_example_data(&conn).expect("example data");
    let latest = *ids.last().expect("three assessments");
    let options = ExportOptions::default();
    c.bench_function("export example assessment as JSON", |b| {
        b.iter(|| exchange::export_json(&conn, latest, &options).expect("export"))
    });

    let file = dir.path().join("latest.json");
    std::fs::write(
        &file,
        exchange::export_json(&conn, latest, &options).unwrap(),
    )
    .unwrap();
    let mut n = 0u32;
    c.bench_function("import example assessment from JSON", |b| {
        b.iter_batched(
            || {
                n += 1;
                store::open(&dir.path().join(format!("import-{n}.sqlite3"))).expect("open")
            },
            // The connection is handed back so closing it (a WAL checkpoint) is not timed.
            |target| {
                let outcome = exchange::import_json_file(&target, &file, &ImportOptions::default());
                (outcome.expect("import"), target)
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(3));
    targets = exchange_benches
}
criterion_main!(benches);
