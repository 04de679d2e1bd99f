//! Reports that fit any size of checklist: read back with poppler's word boxes, nothing is
//! drawn off the printable area, over the running header, footer or marking, or over another
//! word; every question title is printed in full; the executive summary stays within two
//! pages; and a long checklist's report stays far shorter than a page per question.

use yardstick::report::Report;

use super::fixtures;
use super::poppler::*;

/// A4 and the report's margins (see `src/report/layout.rs`): 20 mm at the sides; the
/// marking sits 12 pt from the top and 30 pt from the foot of the page.
const MARGIN_X: f32 = 56.7;
/// The rules under the running header and over the footer.
const HEADER_RULE: f32 = 52.0;
const FOOTER_RULE: f32 = 841.89 - 58.0;

/// Every way the report's words can collide or escape, one message per problem.
fn layout_problems(pdf: &Rendered) -> Vec<String> {
    let pages = word_boxes(pdf);
    let mut problems = Vec::new();
    let band = |w: &Word| {
        if w.y1 <= HEADER_RULE {
            "header"
        } else if w.y0 >= FOOTER_RULE {
            "footer"
        } else {
            "body"
        }
    };
    // Words in the header and footer bands must be the furniture itself: the same on every
    // page but for the page number (the cover has no running header).
    let furniture = |page: &PageWords, which: &str| -> Vec<String> {
        page.words
            .iter()
            .filter(|w| band(w) == which && !w.text.chars().all(|c| c.is_ascii_digit()))
            .map(|w| w.text.clone())
            .collect()
    };
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        for w in &page.words {
            let inside = w.x0 >= MARGIN_X - 1.0
                && w.x1 <= page.width - MARGIN_X + 1.0
                && w.y0 >= 6.0
                && w.y1 <= page.height - 6.0;
            if !inside {
                problems.push(format!(
                    "p{n}: {:?} outside the printable area: {w:?}",
                    w.text
                ));
            }
            if w.y0 < HEADER_RULE && w.y1 > HEADER_RULE || w.y0 < FOOTER_RULE && w.y1 > FOOTER_RULE
            {
                problems.push(format!(
                    "p{n}: {:?} crosses a header or footer rule",
                    w.text
                ));
            }
        }
        for which in ["header", "footer"] {
            let reference = if which == "header" {
                pages.get(1)
            } else {
                pages.first()
            };
            if let (true, Some(reference)) = (i > 0 || which == "footer", reference) {
                let (expected, found) = (furniture(reference, which), furniture(page, which));
                if expected != found {
                    problems.push(format!("p{n}: {which} holds {found:?}, not {expected:?}"));
                }
            }
        }
        for (a, w) in page.words.iter().enumerate() {
            for v in &page.words[a + 1..] {
                let across = w.x1.min(v.x1) - w.x0.max(v.x0);
                let down = w.y1.min(v.y1) - w.y0.max(v.y0);
                let height = (w.y1 - w.y0).min(v.y1 - v.y0);
                if across > 0.5 && down > 0.25 * height {
                    problems.push(format!("p{n}: {:?} overlaps {:?}", w.text, v.text));
                }
            }
        }
    }
    problems
}

/// The pages the executive summary spans: from its heading to the next section's.
fn summary_pages(pdf: &Rendered) -> usize {
    let pages = page_texts(pdf);
    let starts_with = |page: &String, heading: &str| {
        page.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && *l != "OFFICIAL" && !l.contains(" · ") && *l != "DRAFT")
            .is_some_and(|l| l.starts_with(heading))
    };
    let start = pages
        .iter()
        .position(|p| starts_with(p, "Executive summary"))
        .expect("an executive summary");
    let end = pages[start + 1..]
        .iter()
        .position(|p| {
            ["Results by group", "Level by question", "Recommendations"]
                .iter()
                .any(|h| starts_with(p, h))
        })
        .expect("a section after the summary");
    end + 1
}

fn check(report: &Report) -> (Rendered, usize) {
    let pdf = rendered(report);
    let problems = layout_problems(&pdf);
    assert!(
        problems.is_empty(),
        "{} layout problems in the {}-question report:\n{}",
        problems.len(),
        report.findings.len(),
        problems[..problems.len().min(30)].join("\n")
    );
    let text = squash(&text(&pdf));
    for f in &report.findings {
        let heading = format!(
            "{} {}: {}",
            report.method.wording.question_capitalised(),
            f.code,
            f.title
        );
        assert!(
            text.contains(&heading),
            "{heading:?} is not printed in full"
        );
    }
    let summary = summary_pages(&pdf);
    assert!(
        summary <= 2,
        "the executive summary of {} questions spans {summary} pages",
        report.findings.len()
    );
    let pages = page_count(&pdf);
    (pdf, pages)
}

#[test]
fn the_example_reports_fit_their_pages() {
    // The reports the app's users see most: nothing may be hidden or collide in them either.
    for report in [fixtures::realistic(), fixtures::empty()] {
        check(&report);
    }
}

#[test]
fn seven_questions_with_long_titles_fit() {
    // A short checklist keeps its chart in the summary, with titles of up to three lines.
    let (pdf, pages) = check(&fixtures::long_checklist(7));
    let text = squash(&text(&pdf));
    assert!(
        text.contains("Level by question"),
        "the chart is in the summary"
    );
    assert!(pages <= 16, "{pages} pages for 7 questions");
}

#[test]
fn thirty_nine_questions_fit_and_stay_short() {
    // The CAF's 39 outcomes made 38 pages with the chart running off the page; the chart
    // now continues on the next page and the empty sections fold into single lines.
    let report = fixtures::long_checklist(39);
    let (pdf, pages) = check(&report);
    assert!(pages <= 26, "{pages} pages for 39 questions");
    let text = squash(&text(&pdf));
    assert!(
        text.contains("Level by question (continued)") || page_texts(&pdf).len() < 20,
        "a chart that runs over must repeat its heading"
    );
    assert!(
        !text.contains("No actions recorded yet."),
        "no repeated empty actions"
    );
    assert_eq!(
        text.matches("No actions are recorded yet for").count(),
        1,
        "recommendations without actions are listed in one line"
    );
    assert!(text.contains("more recommendations follow in priority order"));
}

#[test]
fn two_hundred_questions_fit() {
    // No limit on a checklist's length may show up as lost or overprinted text.
    let report = fixtures::long_checklist(200);
    let (pdf, _) = check(&report);
    let text = squash(&text(&pdf));
    assert!(text.contains("Level by question (continued)"));
    assert!(text.contains("Level per question (continued)"));
}

#[test]
fn levels_are_named_by_their_labels() {
    // "Now 0 · target 2" means nothing to a reader who has not learned the scale.
    let text = squash(&text_of(&fixtures::long_checklist(7)));
    assert!(
        text.contains("Now Partially achieved"),
        "the chart's values"
    );
    assert!(text.contains("target Achieved"), "the chart's values");
    for number in 0..3 {
        assert!(
            !text.contains(&format!("Now {number}")),
            "a bare level number"
        );
    }
}

#[test]
fn the_wording_follows_the_checklist_not_the_digital_one() {
    // A report on the Cyber Assessment Framework must not call itself digital.
    let report = fixtures::long_checklist(7);
    let pdf = rendered(&report);
    let text = squash(&text(&pdf));
    assert!(!text.to_lowercase().contains("digital"), "{text}");
    assert!(text.contains("NCSC CYBER ASSESSMENT FRAMEWORK (TEST) SELF-ASSESSMENT"));
    assert!(text.contains("NCSC Cyber Assessment Framework (test) self-assessment · exported"));
    let title = info_field(&pdf, "Title");
    assert!(!title.to_lowercase().contains("digital"), "{title}");
    assert!(title.contains("NCSC Cyber Assessment Framework (test) self-assessment"));
    assert!(!info_field(&pdf, "Keywords")
        .to_lowercase()
        .contains("digital"));
}

/// Writes the long-checklist PDFs to `target/report-examples/` for looking at them and for
/// `/work/shared/tools/pdf_bounds.py`: `cargo test -p yardstick --test report -- --ignored`.
#[test]
#[ignore]
fn write_long_example_pdfs() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-examples");
    std::fs::create_dir_all(&dir).unwrap();
    for n in [7, 39, 200] {
        let pdf = yardstick::report::render(&fixtures::long_checklist(n)).unwrap();
        std::fs::write(dir.join(format!("questions-{n}.pdf")), pdf).unwrap();
    }
}

/// The grouped test framework (39 outcomes in 4 objectives and 12 principles, two scales,
/// counts against a profile) from a real database: most outcomes assessed, three judged not
/// applicable, one earlier year for the comparison.
fn grouped_from_store() -> Report {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/checklist/fixtures/grouped-framework.toml"
    ))
    .unwrap();
    grouped_report_of(&text, "grouped-framework-test")
}

/// The report of the grouped checklist `text` (id `checklist_id`) from a real database.
fn grouped_report_of(text: &str, checklist_id: &str) -> Report {
    use yardstick::store::answers::{save_answer, AnswerInput};
    use yardstick::store::start::{start_assessment, OrganisationChoice, StartAssessment};
    let dir = tempfile::tempdir().unwrap();
    let conn = yardstick::store::open(&dir.path().join("yardstick.sqlite3")).unwrap();
    let checklists = dir.path().join("checklists");
    std::fs::create_dir(&checklists).unwrap();
    std::fs::write(checklists.join("grouped.toml"), text).unwrap();
    let start = |period: &str, from: Option<i64>| {
        let request = StartAssessment {
            organisation: OrganisationChoice::Named {
                name: "Royal Borough of Kensington and Chelsea".into(),
            },
            period: period.into(),
            assessor: Some("Sam Okafor".into()),
            checklist_id: Some(checklist_id.into()),
            checklist_version: None,
            scope: Some("Council tax service".into()),
            profile: Some("baseline".into()),
            from_assessment_id: from,
        };
        start_assessment(&conn, dir.path(), &request).unwrap()
    };
    let earlier = start("2025/26", None);
    let checklist = yardstick::store::snapshots::assessment_checklist(&conn, earlier.id).unwrap();
    let answer_all = |id: i64, shift: usize| {
        for (i, q) in checklist.questions.iter().enumerate() {
            if i % 9 == 4 {
                continue; // Some outcomes are not assessed yet.
            }
            let mut input = yardstick::store::answers::get_answer(&conn, id, &q.id)
                .unwrap()
                .map(|a| AnswerInput::from(&a))
                .unwrap_or_default();
            if q.not_applicable {
                input.not_applicable =
                    Some(format!("The service has nothing that {} covers.", q.code));
                input.level = None;
            } else {
                input.level = Some(((i + shift) % (checklist.max_level_of(q) as usize + 1)) as u8);
            }
            input.rationale = format!("Seen in the records for {}.", q.code);
            save_answer(&conn, id, &q.id, &input).unwrap();
        }
    };
    answer_all(earlier.id, 0);
    let latest = start("2026/27", Some(earlier.id));
    answer_all(latest.id, 1);
    let options = yardstick::report::ReportOptions {
        compare_with: vec![earlier.id],
        protective_marking: Some("OFFICIAL".into()),
        exported_at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 5, 4, 9, 30, 0)
            .unwrap(),
    };
    yardstick::report::build_report(&conn, latest.id, &options).unwrap()
}

#[test]
fn a_grouped_framework_from_the_store_fits_and_reports_by_its_own_rule() {
    // The shape of the NCSC CAF: counts against a target profile, never an average; results
    // per objective and principle; not-applicable outcomes left out with their reasons; each
    // scale charted on its own axis; every outcome in the findings.
    let report = grouped_from_store();
    assert_eq!(report.findings.len(), 39);
    assert_eq!(report.groups.len(), 16, "4 objectives and 12 principles");
    assert!(
        report.summary.overall.is_none(),
        "no average for a counts framework"
    );
    let (pdf, pages) = check(&report);
    let text = squash(&text(&pdf));
    assert!(
        text.contains("Results: "),
        "the headline by the checklist's rule"
    );
    assert!(text.contains("meet their target"), "{text}");
    assert!(!text.contains("Overall maturity"), "no average anywhere");
    assert!(
        text.contains("Overall result"),
        "the comparison compares results in words"
    );
    assert!(text.contains("Results by group"));
    assert!(text.contains("A1 Governance"));
    assert!(text.contains("3 outcomes judged not applicable are left out of every figure"));
    assert!(text.contains("Why it does not apply"));
    assert!(text.contains("The service has nothing that A3.a covers."));
    assert!(text.contains("Outcomes on the scale “Achievement”"));
    assert!(text.contains("Outcomes on the scale “Achieved or not”"));
    assert!(
        text.contains("Target profile Baseline"),
        "the cover names the profile"
    );
    assert!(
        text.contains("Scale: Achieved or not"),
        "the method lists every scale"
    );
    assert!(!text.to_lowercase().contains("digital"));
    assert!(
        !text.contains("Question "),
        "the framework's own word, outcome, is used"
    );
    assert!(pages <= 30, "{pages} pages for 39 outcomes");
}

#[test]
fn a_two_hundred_outcome_grouped_framework_fits() {
    // The largest frameworks, with principle titles that wrap in the group table: nothing
    // lost or overprinted, the summary within two pages, every outcome in the findings.
    let source = super::grouped_checklist::grouped_checklist(200);
    let report = grouped_report_of(&source, "grouped-bench");
    assert_eq!(report.findings.len(), 200);
    let (pdf, pages) = check(&report);
    let text = squash(&text(&pdf));
    assert!(text.contains("Outcomes on the scale “Achievement” (continued)"));
    assert!(text.contains("Results by group"));
    assert!(
        pages <= 120,
        "{pages} pages for 200 outcomes: well under a page each"
    );
}
