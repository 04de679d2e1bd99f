//! One organisation, one period, several checklists (issue #11): the digital checklist and
//! another framework coexist, one checklist may be assessed once per scope, and nothing
//! compares or reports across checklists. Run through the CLI, on a real database file.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run_cli::{ok, yardstick};

const ORG: &str = "Example District Council";
const SMALL: &str = "Small checklist";
const DIGITAL: &str = "Digital best practice";

/// The example council's three digital years, and the small test checklist installed in the
/// data folder beside the database (where the CLI looks for user checklists).
fn example_with_small_checklist(dir: &Path) -> (PathBuf, Vec<String>) {
    let db = dir.join("y.sqlite3");
    let ids: Vec<String> = ok(&db, &["example-data"])
        .lines()
        .map(str::to_string)
        .collect();
    std::fs::create_dir_all(dir.join("checklists")).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/checklist/fixtures/small-valid.toml"
        ),
        dir.join("checklists/small.toml"),
    )
    .unwrap();
    (db, ids)
}

fn new_small(db: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "new",
        "--org",
        ORG,
        "--period",
        "2026/27",
        "--checklist",
        "small",
    ];
    args.extend_from_slice(extra);
    yardstick(db, &args)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn another_checklist_in_the_same_period_coexists_once_per_scope() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_with_small_checklist(dir.path());

    let first = new_small(&db, &[]);
    assert!(
        first.status.success(),
        "a second checklist in 2026/27 is allowed: {}",
        stderr(&first)
    );

    let again = new_small(&db, &[]);
    assert!(
        !again.status.success(),
        "the same checklist twice in one period is refused"
    );
    let message = stderr(&again);
    assert!(
        message.contains(SMALL)
            && message.contains("2026/27")
            && message.contains(&format!("(id {})", stdout(&first))),
        "the refusal names the checklist, the period and the assessment already there: {message}"
    );

    let service = new_small(&db, &["--scope", "Planning applications service"]);
    assert!(
        service.status.success(),
        "another scope is another assessment: {}",
        stderr(&service)
    );
    let pdf = dir.path().join("service.pdf");
    ok(
        &db,
        &["report", &stdout(&service), "--out", pdf.to_str().unwrap()],
    );
    assert!(
        pdf_text(&pdf).contains("Scope\n\nPlanning applications service"),
        "the report's cover says what was assessed"
    );

    let list = ok(&db, &["list"]);
    assert!(
        list.contains("checklist"),
        "list has a checklist column:\n{list}"
    );
    assert!(list.contains(DIGITAL), "{list}");
    assert!(
        list.contains("Small checklist (Planning applications service)"),
        "{list}"
    );
    let rows = list.lines().filter(|l| l.contains("2026/27")).count();
    assert_eq!(
        rows, 3,
        "three assessments of 2026/27, told apart by checklist and scope:\n{list}"
    );
}

#[test]
fn comparing_across_checklists_fails_naming_both_even_as_peers() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = example_with_small_checklist(dir.path());
    let small = stdout(&new_small(&db, &[]));
    let digital_latest = ids.last().unwrap();

    for extra in [&[][..], &["--peer"][..]] {
        let mut args = vec!["compare", digital_latest.as_str(), small.as_str()];
        args.extend_from_slice(extra);
        let out = yardstick(&db, &args);
        assert!(!out.status.success(), "compare {args:?} must fail");
        let message = stderr(&out);
        assert!(
            message.contains(SMALL) && message.contains(DIGITAL),
            "the message names both checklists: {message}"
        );
    }
    let out = yardstick(
        &db,
        &[
            "report",
            &small,
            "--out",
            dir.path().join("x.pdf").to_str().unwrap(),
            "--compare-with",
            digital_latest,
        ],
    );
    assert!(
        !out.status.success(),
        "a report cannot compare with another checklist's assessment"
    );
    assert!(!dir.path().join("x.pdf").exists(), "and writes nothing");
}

#[test]
fn a_report_never_mentions_a_period_assessed_on_another_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = example_with_small_checklist(dir.path());
    let small = stdout(&new_small(&db, &[]));
    ok(&db, &["answer", &small, "first", "--level", "1"]);

    let pdf = dir.path().join("small.pdf");
    ok(&db, &["report", &small, "--out", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf);
    for earlier in ["2024/25", "2025/26"] {
        assert!(
            !text.contains(earlier),
            "the small checklist's report mentions the digital {earlier}:\n{text}"
        );
    }
    assert!(
        !text.contains("Since "),
        "no 'since last year' without an earlier assessment on this checklist"
    );

    // The digital report still has its own history and never mentions the small checklist.
    let digital = dir.path().join("digital.pdf");
    ok(
        &db,
        &[
            "report",
            ids.last().unwrap(),
            "--out",
            digital.to_str().unwrap(),
        ],
    );
    let text = pdf_text(&digital);
    assert!(
        text.contains("2025/26"),
        "the digital report keeps its history"
    );
    assert!(
        !text.contains(SMALL),
        "and never mentions the other checklist"
    );
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn two_scopes_of_one_checklist_are_not_compared_as_one_series() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_with_small_checklist(dir.path());
    let whole = stdout(&new_small(&db, &[]));
    let planning = stdout(&new_small(
        &db,
        &["--scope", "Planning applications service"],
    ));
    let out = yardstick(&db, &["compare", &whole, &planning]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("Planning applications service")
            && message.contains("the whole organisation"),
        "{message}"
    );
}
