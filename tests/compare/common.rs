//! Shared set-up: a fresh database file, small checklists written as TOML (so a test can say
//! exactly which questions a version renames, splits, merges or drops), and assessments with
//! chosen levels.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;
use yardstick::checklist::parse_checklist;
use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::{self, Connection};

pub struct TestDb {
    pub _dir: TempDir,
    pub path: PathBuf,
    pub conn: Connection,
}

pub fn new_db() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("yardstick.sqlite3");
    let conn = store::open(&path).expect("a new database opens");
    TestDb {
        _dir: dir,
        path,
        conn,
    }
}

/// A question of a test checklist: id, title and the ids it replaces.
pub type Q<'a> = (&'a str, &'a str, &'a [&'a str]);

/// A valid checklist file with a 0–4 scale and the given questions, in order.
pub fn checklist_toml(version: &str, questions: &[Q]) -> String {
    let mut text = format!(
        r#"id = "test-checklist"
version = "{version}"
title = "Test checklist"
summary = "A checklist for comparison tests."

[source]
title = "Tests"
author = "Yardstick"
date = "2026"
url = "https://example.org"
notes = "Written for tests."
"#
    );
    for (level, label) in ["None", "Some", "Most", "All", "Leading"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "\n[[levels]]\nlevel = {level}\nlabel = \"{label}\"\nmeaning = \"Level {level}.\"\n"
        ));
    }
    for (i, (id, title, replaces)) in questions.iter().enumerate() {
        let replaces: Vec<String> = replaces.iter().map(|r| format!("\"{r}\"")).collect();
        text.push_str(&format!(
            r#"
[[questions]]
id = "{id}"
number = {number}
title = "{title}"
provenance = "reconstructed"
replaces = [{replaces}]
question = "How well does the council do {title}?"
why_it_matters = "It matters."
descriptors = ["Zero.", "One.", "Two.", "Three.", "Four."]
evidence_prompts = ["Evidence."]

[questions.recommendation]
title = "Improve {title}"
text = "Do better."
"#,
            number = i + 1,
            replaces = replaces.join(", ")
        ));
    }
    text.push_str(
        "\n[overall_recommendation]\ntitle = \"One strategy\"\ntext = \"Bring it together.\"\n",
    );
    parse_checklist("test.toml", &text).expect("the test checklist is valid");
    text
}

/// An assessment of `org` for `period` against `checklist`, with `levels` by question id.
pub fn assess(
    conn: &Connection,
    org: &str,
    period: &str,
    checklist: &str,
    levels: &[(&str, u8)],
) -> i64 {
    let organisation = match organisations::find_by_name(conn, org).expect("query") {
        Some(found) => found,
        None => organisations::create_organisation(conn, org, OrganisationKind::Unitary, None)
            .expect("organisation"),
    };
    let assessment = assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id: organisation.id,
            period,
            assessor: "Test assessor",
            checklist_source: checklist,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .expect("assessment");
    for &(question, level) in levels {
        let input = AnswerInput {
            level: Some(level),
            ..AnswerInput::default()
        };
        answers::save_answer(conn, assessment.id, question, &input).expect("answer");
    }
    assessment.id
}

pub use crate::run_cli::{ok, yardstick};

/// The example council loaded through the CLI, as a user would; returns the ids, oldest first.
pub fn example(db: &Path) -> Vec<i64> {
    ok(db, &["example-data"])
        .lines()
        .map(|l| l.trim().parse().expect("an id per line"))
        .collect()
}

/// `pdftotext -layout` of a PDF file, with runs of spaces squashed so phrases can be found.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext rejected the PDF");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
