//! Time and size of the example council's report: issue #6 asks for under 20 ms in a release
//! build and under 300 KB; issue #14 aims at 3 ms. Issue #11 asks for a 200-question
//! checklist's report in under 100 ms.
//! Run with `cargo bench -p yardstick --bench report`.

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/report/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

fn report(c: &mut Criterion) {
    let report = fixtures::realistic();
    let bytes = yardstick::report::render(&report).expect("the example report renders");
    println!(
        "report size: {} bytes ({:.1} KB)",
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    c.bench_function("render realistic 7-question report", |b| {
        b.iter(|| yardstick::report::render(std::hint::black_box(&report)).expect("renders"))
    });
    let long = fixtures::long_checklist(200);
    let bytes = yardstick::report::render(&long).expect("the long report renders");
    println!(
        "200-question report size: {} bytes ({:.1} KB)",
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    c.bench_function("render 200-question report", |b| {
        b.iter(|| yardstick::report::render(std::hint::black_box(&long)).expect("renders"))
    });
}

criterion_group!(benches, report);
criterion_main!(benches);
