//! The PDF's comparison section read back with `pdftotext`, and `yardstick report` end to
//! end: what a committee is handed must carry the same comparison the app shows.

use chrono::{TimeZone, Utc};
use yardstick::report::{build_report, render, ReportOptions};
use yardstick::store::settings;
use yardstick::ErrorKind;

use super::common::*;

fn options(compare_with: Vec<i64>) -> ReportOptions {
    ReportOptions {
        compare_with,
        protective_marking: None,
        exported_at: Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0).unwrap(),
    }
}

fn rendered_text(conn: &yardstick::store::Connection, id: i64, with: Vec<i64>) -> String {
    let bytes = render(&build_report(conn, id, &options(with)).expect("builds")).expect("renders");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    pdf_text(&path)
}

#[test]
fn the_example_report_compares_with_earlier_years_by_default() {
    let db = new_db();
    let ids = example(&db.path);
    let report = build_report(&db.conn, ids[2], &options(vec![])).unwrap();
    // Earlier assessments exist, so the section appears without being asked for.
    let comparison = report.comparison.as_ref().expect("comparison section");
    assert_eq!(comparison.periods, ["2024/25", "2025/26", "2026/27"]);
    let text = rendered_text(&db.conn, ids[2], vec![]);
    let section = &text[text
        .find("Comparison with earlier assessments")
        .expect("section")..];
    for expected in [
        "Between 2025/26 and 2026/27",
        "2024/25 2025/26 2026/27 Change Trend",
        "↑ up 1 level",
        "→ no change",
        "Overall maturity (mean level)",
        "Trend",
        "Actions from earlier assessments",
        "Record reasons for contact in the contact centre",
    ] {
        assert!(
            section.contains(expected),
            "{expected:?} missing from the comparison"
        );
    }
    // The chart writes its values and explains its marks, so it reads without colour.
    assert!(section.contains("not in that year's checklist version"));
    for row in &comparison.rows {
        assert!(
            section.contains(&format!("{}. {}", row.number, row.title)),
            "question {} missing from the comparison",
            row.number
        );
    }
    // "Since last year" leads the executive summary in a sentence.
    assert!(text.contains("Since the 2025/26 assessment, 6 of the 7 questions improved"));
}

#[test]
fn the_first_report_has_no_comparison_and_other_councils_are_refused() {
    let db = new_db();
    let ids = example(&db.path);
    let report = build_report(&db.conn, ids[0], &options(vec![])).unwrap();
    assert!(report.comparison.is_none() && report.summary.since_previous.is_none());
    let v1 = checklist_toml("1", &[("one", "One", &[])]);
    let other = assess(&db.conn, "Other Council", "2026/27", &v1, &[("one", 1)]);
    // A report on one council never presents another's levels as its history.
    let err = build_report(&db.conn, ids[2], &options(vec![other])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn renamed_questions_are_explained_in_the_pdf() {
    let db = new_db();
    let v1 = checklist_toml("1", &[("alpha", "Alpha", &[]), ("gone", "Gone", &[])]);
    let v2 = checklist_toml("2", &[("alpha-2", "Alpha, reworded", &["alpha"])]);
    let old = assess(
        &db.conn,
        "Council",
        "2025/26",
        &v1,
        &[("alpha", 1), ("gone", 2)],
    );
    let new = assess(&db.conn, "Council", "2026/27", &v2, &[("alpha-2", 2)]);
    let text = rendered_text(&db.conn, new, vec![old]);
    assert!(text.contains("In 2025/26 this question was asked as “Alpha”"));
    assert!(
        text.contains("Gone (earlier checklists only)"),
        "a retired question is kept"
    );
    assert!(text.contains("×"), "and marked as not in the newer version");
}

#[test]
fn yardstick_report_writes_a_complete_pdf_deterministically() {
    let db = new_db();
    let ids = example(&db.path);
    settings::set(&db.conn, settings::PROTECTIVE_MARKING, "OFFICIAL-SENSITIVE").unwrap();
    let id = ids[2].to_string();
    let first = db.path.with_file_name("first.pdf");
    let second = db.path.with_file_name("second.pdf");
    for out in [&first, &second] {
        let printed = ok(
            &db.path,
            &[
                "report",
                &id,
                "--out",
                out.to_str().unwrap(),
                "--fixed-time",
                "2026-05-04T09:30:00Z",
            ],
        );
        assert!(printed.starts_with("Wrote "), "{printed}");
    }
    // The fixed time makes the file reproducible, which is what lets tests and reviewers
    // compare exports byte for byte.
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    let text = pdf_text(&first);
    assert!(text.contains("Example District Council"));
    assert!(
        text.contains("OFFICIAL-SENSITIVE"),
        "marking defaults to the saved setting"
    );
    let report = build_report(&db.conn, ids[2], &options(vec![])).unwrap();
    for f in &report.findings {
        assert!(
            text.contains(&format!("Question {}: {}", f.number, f.title)),
            "question {} missing",
            f.number
        );
    }
    assert!(text.contains("Comparison with earlier assessments"));
    let explicit = db.path.with_file_name("explicit.pdf");
    let earliest = ids[0].to_string();
    ok(
        &db.path,
        &[
            "report",
            &id,
            "--out",
            explicit.to_str().unwrap(),
            "--compare-with",
            &earliest,
            "--marking",
            "",
        ],
    );
    let text = pdf_text(&explicit);
    // --compare-with chooses the columns; an empty --marking removes the setting's marking.
    assert!(
        text.contains("2024/25 2026/27 Change Trend"),
        "only the chosen years"
    );
    assert!(!text.contains("OFFICIAL-SENSITIVE"));
    let bad = yardstick(
        &db.path,
        &["report", &id, "--out", "x.pdf", "--fixed-time", "yesterday"],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("RFC 3339"));
}
