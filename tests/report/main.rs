//! The PDF report, read back the way a person's tools read it: poppler's `pdftotext`,
//! `pdfinfo` and `pdffonts` (poppler-utils). Reports are built by hand (see `fixtures.rs`), so
//! these tests need no database.

mod fit;
mod fixtures;
mod from_store;
#[path = "../support/grouped_checklist.rs"]
mod grouped_checklist;
mod poppler;
mod structure;
mod tagged_file;

use std::path::Path;

use poppler::*;
use yardstick::report::{render, Approval, Status};

#[test]
fn every_section_question_level_and_recommendation_is_in_the_text() {
    // A reader (or a screen reader) must find everything the model holds; text drawn as
    // shapes or lost in encoding would silently drop findings from the record.
    let report = fixtures::realistic();
    let pdf = rendered(&report);
    let text = squash(&text(&pdf));
    for section in [
        "Executive summary",
        "Recommendations",
        "Findings",
        "Comparison with earlier assessments",
        "Method and scale",
        "Maturity scale",
    ] {
        assert!(text.contains(section), "section {section:?} missing");
    }
    for f in &report.findings {
        let heading = format!("Question {}: {}", f.number, f.title);
        assert!(
            text.contains(&heading),
            "finding heading {heading:?} missing"
        );
        let level = f.level.as_ref().unwrap();
        assert!(
            text.contains(&format!("{} {}", level.level, level.label)),
            "level of question {} missing",
            f.number
        );
    }
    for (i, rec) in report.recommendations.iter().enumerate() {
        assert!(
            text.contains(&format!("{}. {}", i + 1, rec.title)),
            "recommendation {:?} missing",
            rec.title
        );
    }
    let overall = report.overall_recommendation.as_ref().unwrap();
    assert!(text.contains(&format!("Overall recommendation: {}", overall.title)));
    for label in fixtures::LABELS {
        assert!(
            text.contains(label),
            "scale label {label:?} missing from the method"
        );
    }
    assert!(
        text.contains("Now Developing · target") && text.contains("Now Not started"),
        "chart values must be written out by their labels, not only drawn"
    );
    assert!(
        text.contains("↑ Improved"),
        "changes since last year must be in words and arrows"
    );
}

#[test]
fn recommendations_appear_in_priority_order_with_the_overall_one_last() {
    // The order is the advice: the first item is what senior management should fund first.
    let report = fixtures::realistic();
    let text = squash(&text(&rendered(&report)));
    let section = &text[text
        .rfind("In priority order")
        .expect("recommendations intro")..];
    let mut last = 0;
    for (i, rec) in report.recommendations.iter().enumerate() {
        let at = section
            .find(&format!("{}. {}", i + 1, rec.title))
            .expect("recommendation present");
        assert!(at > last, "recommendation {} printed out of order", i + 1);
        last = at;
    }
    let overall = section
        .find("Overall recommendation:")
        .expect("overall recommendation");
    assert!(overall > last, "the overall recommendation must come last");
}

#[test]
fn welsh_characters_and_pound_signs_round_trip() {
    // Welsh councils publish bilingually; a name that loses its circumflex is a misspelling
    // in an official document, and text that cannot be copied out fails accessibility.
    let text = text(&rendered(&fixtures::realistic()));
    for s in [
        "Cyngor Sir Ynys Môn",
        "Siân Llŵyd",
        "Ŵyl Môn",
        "£4,500",
        "Cymraeg a Saesneg",
    ] {
        assert!(text.contains(s), "{s:?} did not round-trip");
    }
    let extreme = text_of(&fixtures::extreme());
    assert!(
        extreme.contains("ŵ ŷ £100"),
        "long Welsh text must survive wrapping"
    );
}

#[test]
fn the_font_is_embedded_and_subset() {
    // An unembedded font is substituted on the reader's machine (Welsh letters may vanish);
    // a full embed makes every report hundreds of kilobytes.
    let pdf = rendered(&fixtures::realistic());
    let fonts = info_tool("pdffonts", &pdf.path);
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in &rows {
        let name = row[0];
        let (emb, sub) = (row[row.len() - 5], row[row.len() - 4]);
        assert!(name.contains("Lato"), "unexpected font {name}");
        let (tag, _) = name.split_once('+').expect("subset fonts carry a tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "bad subset tag {tag}"
        );
        assert_eq!(
            (emb, sub),
            ("yes", "yes"),
            "font {name} must be embedded and subset:\n{fonts}"
        );
    }
    assert!(
        pdf.bytes.len() < 300 * 1024,
        "report is {} bytes; the target is under 300 KB",
        pdf.bytes.len()
    );
}

#[test]
fn page_count_size_and_metadata_are_sane() {
    // A runaway layout shows up as a page count far from what the content needs; metadata is
    // what a document store and a screen reader announce.
    let pdf = rendered(&fixtures::realistic());
    let pages = page_count(&pdf);
    assert!(
        (7..=20).contains(&pages),
        "realistic report has {pages} pages"
    );
    assert!(
        info_field(&pdf, "Page size").contains("(A4)"),
        "must be A4 for UK printers"
    );
    assert_eq!(
        info_field(&pdf, "Title"),
        "Cyngor Sir Ynys Môn: Digital best practice self-assessment 2026/27"
    );
    assert_eq!(info_field(&pdf, "Author"), "Siân Llŵyd, Head of Digital");
    assert!(info_field(&pdf, "Subject").contains("Digital best practice checklist"));
    assert!(
        info_field(&pdf, "CreationDate").contains("2026"),
        "creation date is the export date"
    );
}

#[test]
fn every_page_is_numbered_marked_and_flagged_as_draft() {
    // Pages get separated when printed; each must say where it belongs, its classification
    // (top and bottom, as the Government Security Classifications require) and that it is a
    // draft, so no page can pass as approved.
    let pdf = rendered(&fixtures::realistic());
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), page_count(&pdf));
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines.first().map(|l| l.trim()),
            Some("OFFICIAL"),
            "marking missing at top of page {}",
            i + 1
        );
        assert_eq!(
            lines.last().map(|l| l.trim()),
            Some("OFFICIAL"),
            "marking missing at foot of page {}",
            i + 1
        );
        assert!(page.contains("DRAFT"), "page {} does not say DRAFT", i + 1);
        let number = format!("Page {} of {}", i + 1, pages.len());
        assert!(page.contains(&number), "page {} lacks {number:?}", i + 1);
        if i > 0 {
            assert!(
                page.contains("Cyngor Sir Ynys Môn · 2026/27"),
                "running header missing on page {}",
                i + 1
            );
        }
    }
}

#[test]
fn a_final_report_names_its_approver_and_never_says_draft() {
    // "DRAFT" on an approved report would undermine it in front of members.
    let mut report = fixtures::realistic();
    report.cover.status = Status::Final;
    report.cover.approval = Some(Approval {
        approver: "Dylan Ŵyn Jones".into(),
        date: fixtures::date(2026, 5, 12),
    });
    let text = text_of(&report);
    assert!(!text.contains("DRAFT"));
    assert!(text.contains("Approved by Dylan Ŵyn Jones on 12 May 2026"));
}

#[test]
fn output_is_deterministic_given_the_report() {
    // Tests and users compare exports; the same report must give the same bytes, and a
    // different report different ones.
    let report = fixtures::realistic();
    assert_eq!(render(&report).unwrap(), render(&report).unwrap());
    let mut later = report.clone();
    later.cover.exported_at += chrono::Duration::minutes(1);
    assert_ne!(render(&report).unwrap(), render(&later).unwrap());
}

#[test]
fn an_assessment_with_no_answers_still_makes_a_clear_report() {
    // The first export of a new assessment must explain itself, not crash or print blanks.
    let pdf = rendered(&fixtures::empty());
    let text = squash(&text(&pdf));
    assert!(
        text.contains("not yet known"),
        "overall maturity must say it is unknown"
    );
    assert!(text.contains("Not assessed"));
    assert!(text.contains("No question has a recommendation yet."));
    assert!(
        text.contains("No rationale recorded yet for questions 1–7.")
            && text.contains("No evidence recorded yet for questions 1–7."),
        "empty sections are said once for all questions"
    );
    assert!(!text.contains("OFFICIAL"), "no marking was asked for");
    assert!(page_count(&pdf) >= 5);
}

#[test]
fn extreme_text_flows_across_pages_without_loss() {
    // Fields at their 50,000-character limit and 200 evidence items must all be printed in
    // full, flowing over as many pages as needed, with every page still furnished.
    let report = fixtures::extreme();
    let pdf = rendered(&report);
    let pages = page_texts(&pdf);
    assert!(
        pages.len() > 100 && pages.len() < 2000,
        "{} pages",
        pages.len()
    );
    let all = squash(&pages.concat());
    for needle in ["Note 0:", "Link 199", "file-197.pdf", "Note 198:"] {
        assert!(all.contains(needle), "{needle} lost");
    }
    // 7 rationales, 6 long notes (question 1 holds the 200 items instead) and
    // 7 recommendations × (text + reasoning + action).
    let per_field = fixtures::long_text(50_000).matches("galed").count();
    let found = all.matches("galed").count();
    assert!(
        found >= 34 * per_field,
        "long texts were cut short: {found} of {}",
        34 * per_field
    );
    let last = pages.last().unwrap();
    assert!(last.contains(&format!("Page {0} of {0}", pages.len())));
}

#[test]
fn no_heading_is_left_alone_at_the_foot_of_a_page() {
    // A heading at the bottom with its text overleaf reads as an empty section.
    let pdf = rendered(&fixtures::extreme());
    for (i, page) in page_texts(&pdf).iter().enumerate() {
        let body: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && *l != "OFFICIAL" && !l.contains("Page "))
            .collect();
        let last = body.last().copied().unwrap_or_default();
        let is_heading = ["Rationale", "Actions", "Why it matters"].contains(&last)
            || last.starts_with("Evidence (")
            || last.starts_with("Question ")
            || last.starts_with("What level");
        assert!(!is_heading, "page {} ends with the heading {last:?}", i + 1);
    }
}

#[test]
fn outline_language_and_viewer_settings_are_set() {
    // Bookmarks are how a reader of a long PDF navigates; /Lang tells a screen reader to use
    // an English voice.
    let doc = lopdf::Document::load_mem(&rendered(&fixtures::realistic()).bytes).expect("parse");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    let titles = outline_titles(&doc);
    for t in [
        "Cover",
        "Executive summary",
        "Recommendations",
        "Findings",
        "Comparison with earlier assessments",
        "Method and scale",
        "Question 1: Promotion",
        "Question 7: Skills, leadership and reuse",
    ] {
        assert!(
            titles.iter().any(|x| x == t),
            "outline lacks {t:?}: {titles:?}"
        );
    }
}

/// Writes the example PDFs to `target/report-examples/` for looking at them (and for the page
/// images in docs/): `cargo test -p yardstick --test report -- --ignored`.
#[test]
#[ignore]
fn write_example_pdfs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-examples");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, report) in [
        ("realistic", fixtures::realistic()),
        ("empty", fixtures::empty()),
        ("extreme", fixtures::extreme()),
    ] {
        std::fs::write(dir.join(format!("{name}.pdf")), render(&report).unwrap()).unwrap();
    }
}
