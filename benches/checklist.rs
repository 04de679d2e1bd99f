//! How long it takes to parse and validate a checklist. The app does this when a checklist is
//! offered or an assessment is opened, so it must stay far below anything a person could
//! notice: well under 1 ms for the default checklist, and under 50 ms for one of 200 questions
//! (the size of the largest frameworks councils assess against, with room to spare).

use criterion::{criterion_group, criterion_main, Criterion};
use yardstick::checklist::parse_checklist;

const DEFAULT: &str = include_str!("../checklists/digital-best-practice.toml");

/// The default checklist with its first question repeated until there are `count`, each with
/// its own id and number: full-length wording, descriptors and prompts for every question.
fn checklist_of(count: usize) -> String {
    let first = DEFAULT
        .find("[[questions]]")
        .expect("the default has questions");
    let second = first
        + 1
        + DEFAULT[first + 1..]
            .find("[[questions]]")
            .expect("a second question");
    let tail = DEFAULT
        .find("[overall_recommendation]")
        .expect("an overall recommendation");
    let question = &DEFAULT[first..second];
    let mut text = DEFAULT[..first].to_string();
    for number in 1..=count {
        text.push_str(
            &question
                .replace("id = \"promotion\"", &format!("id = \"outcome-{number}\""))
                .replace("number = 1\n", &format!("number = {number}\n")),
        );
    }
    text.push_str(&DEFAULT[tail..]);
    text
}

fn parse_and_validate(c: &mut Criterion) {
    c.bench_function("parse and validate digital-best-practice.toml", |b| {
        b.iter(|| {
            parse_checklist(
                "checklists/digital-best-practice.toml",
                std::hint::black_box(DEFAULT),
            )
        })
    });
    let large = checklist_of(200);
    let parsed =
        parse_checklist("200 questions", &large).expect("the generated checklist is valid");
    assert_eq!(parsed.questions.len(), 200);
    c.bench_function("parse and validate a 200-question checklist", |b| {
        b.iter(|| parse_checklist("200 questions", std::hint::black_box(&large)))
    });
}

criterion_group!(benches, parse_and_validate);
criterion_main!(benches);
