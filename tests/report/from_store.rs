//! The report built from a real database: the example council's three years, loaded into a
//! temporary SQLite file, mapped by `build_report` and rendered.

use chrono::{TimeZone, Utc};
use yardstick::report::{build_report, ReportOptions, Status};
use yardstick::scoring::gap;

use super::poppler::*;

fn example() -> (tempfile::TempDir, yardstick::store::Connection, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = yardstick::store::open(&dir.path().join("yardstick.db")).expect("open store");
    let ids = yardstick::example_data::load_example_data(&conn).expect("example data loads");
    (dir, conn, ids)
}

fn options(compare_with: Vec<i64>) -> ReportOptions {
    ReportOptions {
        compare_with,
        protective_marking: Some("OFFICIAL".into()),
        exported_at: Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0).unwrap(),
    }
}

#[test]
fn the_example_councils_latest_report_is_complete() {
    // This is the report the app exports; the model must carry every question, the changes
    // since last year and the comparison, or the PDF silently omits them.
    let (_dir, conn, ids) = example();
    let (latest, earlier) = ids.split_last().expect("three assessments");
    let report = build_report(&conn, *latest, &options(earlier.to_vec())).expect("builds");
    assert_eq!(report.findings.len(), 7, "one finding per question");
    assert_eq!(report.method.scale.len(), 5);
    let comparison = report.comparison.as_ref().expect("comparison asked for");
    assert_eq!(
        comparison.periods.len(),
        ids.len(),
        "every compared period is a column"
    );
    assert!(
        comparison.periods.windows(2).all(|w| w[0] < w[1]),
        "oldest period first"
    );
    let previous = report
        .summary
        .since_previous
        .as_ref()
        .expect("an earlier year exists");
    assert_eq!(
        previous.previous_period,
        comparison.periods[comparison.periods.len() - 2]
    );
    assert!(
        report.overall_recommendation.is_some(),
        "the overall recommendation is always shown"
    );
    let gaps: Vec<u8> = report
        .recommendations
        .iter()
        .map(|r| {
            gap(
                r.current.as_ref().map(|l| l.level),
                r.target.as_ref().map(|l| l.level),
            )
        })
        .collect();
    assert!(
        gaps.windows(2).all(|w| w[0] >= w[1]),
        "recommendations in priority order: {gaps:?}"
    );
    assert!(
        gaps.iter().all(|&g| g > 0),
        "a question at its target needs no recommendation"
    );
}

#[test]
fn the_example_report_renders_to_a_sane_pdf() {
    // The page count for the example data is what a committee will be handed: it must be a
    // short document, with every question and section in it.
    let (_dir, conn, ids) = example();
    let (latest, earlier) = ids.split_last().unwrap();
    let report = build_report(&conn, *latest, &options(earlier.to_vec())).unwrap();
    let pdf = rendered(&report);
    let pages = page_count(&pdf);
    assert!(
        (6..=30).contains(&pages),
        "example report has {pages} pages"
    );
    let text = squash(&text(&pdf));
    assert!(text.contains(&report.cover.organisation));
    for f in &report.findings {
        assert!(text.contains(&format!("Question {}: {}", f.number, f.title)));
    }
    if report.cover.status == Status::Draft {
        assert!(text.contains("DRAFT"));
    }
}

#[test]
fn an_unknown_assessment_is_not_found() {
    // The CLI and the app show this error to the user; it must be NotFound, not a crash.
    let (_dir, conn, _) = example();
    let err = build_report(&conn, 9_999, &options(vec![])).unwrap_err();
    assert_eq!(err.kind(), yardstick::ErrorKind::NotFound);
}
