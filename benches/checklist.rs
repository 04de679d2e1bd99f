//! How long it takes to parse and validate the default checklist. The app does this when a
//! checklist is offered or an assessment is opened, so it must stay far below anything a
//! person could notice (the target is well under 1 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use yardstick::checklist::parse_checklist;

const DEFAULT: &str = include_str!("../checklists/digital-best-practice.toml");

fn parse_and_validate(c: &mut Criterion) {
    c.bench_function("parse and validate digital-best-practice.toml", |b| {
        b.iter(|| {
            parse_checklist(
                "checklists/digital-best-practice.toml",
                std::hint::black_box(DEFAULT),
            )
        })
    });
}

criterion_group!(benches, parse_and_validate);
criterion_main!(benches);
