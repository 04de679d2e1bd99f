//! The report's tags, read back as assistive technology reads them: poppler's
//! `pdfinfo -struct-text` prints the structure tree and its text in reading order. What
//! poppler does not print is checked in `tagged_file.rs`.

use lopdf::Document;

use super::fixtures;
use super::poppler::*;

/// One line of `pdfinfo -struct-text`: an element (`H1 (block)`) or a run of its text
/// (`"Findings"`), with its depth in the tree.
#[derive(Debug)]
struct Line {
    depth: usize,
    element: Option<String>,
    attributes: String,
    text: Option<String>,
}

fn structure(pdf: &Rendered) -> Vec<Line> {
    let out = tool_no_output_arg("pdfinfo", &["-struct-text"], &pdf.path);
    let mut lines: Vec<Line> = Vec::new();
    for l in out.lines().filter(|l| !l.trim().is_empty()) {
        let trimmed = l.trim_start();
        let depth = (l.len() - trimmed.len()) / 2;
        if let Some(text) = trimmed.strip_prefix('"') {
            lines.push(Line {
                depth,
                element: None,
                attributes: String::new(),
                text: Some(text.trim_end_matches('"').to_string()),
            });
        } else if trimmed.starts_with('/') {
            // An attribute such as "/Scope /Column", printed under its element ("TH:").
            let owner = lines.last_mut().expect("attribute after an element");
            owner.attributes.push_str(trimmed);
        } else {
            let name = trimmed.split([' ', ':']).next().unwrap_or(trimmed);
            lines.push(Line {
                depth,
                element: Some(name.to_string()),
                attributes: trimmed[name.len()..].to_string(),
                text: None,
            });
        }
    }
    lines
}

/// The text under the element on line `at`, in reading order.
fn text_under(lines: &[Line], at: usize) -> String {
    let depth = lines[at].depth;
    let words: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| l.depth > depth)
        .filter_map(|l| l.text.as_deref())
        .collect();
    squash(&words.join(" "))
}

fn all_text(lines: &[Line]) -> String {
    let words: Vec<&str> = lines.iter().filter_map(|l| l.text.as_deref()).collect();
    squash(&words.join(" "))
}

fn headings(lines: &[Line]) -> Vec<(u8, String)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let level = match l.element.as_deref()? {
                "H1" => 1,
                "H2" => 2,
                "H3" => 3,
                _ => return None,
            };
            Some((level, text_under(lines, i)))
        })
        .collect()
}

#[test]
fn headings_follow_the_outline_in_reading_order_without_skipping_levels() {
    // Screen-reader users move through a document by its headings; they must be the same
    // sections and items as the bookmarks, in the same order, at the level the outline
    // shows, and never jump from H1 to H3 (PDF/UA asks for an unbroken sequence).
    let pdf = rendered(&fixtures::realistic());
    let lines = structure(&pdf);
    assert_eq!(
        lines.first().and_then(|l| l.element.as_deref()),
        Some("Document"),
        "the tree must start at one Document element"
    );
    let headings = headings(&lines);
    assert_eq!(headings[0], (1, "Cyngor Sir Ynys Môn".to_string()));
    let mut previous = 0;
    for (level, text) in &headings {
        assert!(
            *level <= previous + 1,
            "heading {text:?} at H{level} skips a level after H{previous}"
        );
        previous = *level;
    }
    let doc = Document::load_mem(&pdf.bytes).expect("parse");
    let outline: Vec<String> = outline_titles(&doc)
        .into_iter()
        .filter(|t| t != "Cover")
        .collect();
    let in_outline: Vec<&(u8, String)> = headings
        .iter()
        .filter(|(_, text)| outline.contains(text))
        .collect();
    assert_eq!(
        in_outline.iter().map(|(_, t)| t).collect::<Vec<_>>(),
        outline.iter().collect::<Vec<_>>(),
        "every bookmark must be a heading, in the same order"
    );
    for (level, text) in in_outline {
        let section = [
            "Executive summary",
            "Recommendations",
            "Findings",
            "Comparison with earlier assessments",
            "Method and scale",
        ]
        .contains(&text.as_str());
        let expected = if section { 1 } else { 2 };
        assert_eq!(*level, expected, "{text:?} is at the wrong level");
    }
}

#[test]
fn every_section_has_its_paragraphs_lists_tables_and_figures_tagged() {
    // Each section is checked on its own, so a section added or reworked later cannot
    // quietly fall back to untagged text.
    let pdf = rendered(&fixtures::realistic());
    let lines = structure(&pdf);
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.element.as_deref() == Some("H1"))
        .map(|(i, _)| i)
        .collect();
    let section = |title: &str| -> &[Line] {
        let at = starts
            .iter()
            .position(|&i| text_under(&lines, i) == title)
            .unwrap_or_else(|| panic!("no H1 {title:?}"));
        let end = starts.get(at + 1).copied().unwrap_or(lines.len());
        &lines[starts[at]..end]
    };
    let has =
        |part: &[Line], element: &str| part.iter().any(|l| l.element.as_deref() == Some(element));
    let column_headers = |part: &[Line]| -> Vec<String> {
        part.iter()
            .enumerate()
            .filter(|(_, l)| l.element.as_deref() == Some("TH") && l.attributes.contains("Column"))
            .map(|(i, _)| text_under(part, i))
            .collect()
    };
    let cover = section("Cyngor Sir Ynys Môn");
    assert!(
        has(cover, "P"),
        "cover: the period and status are paragraphs"
    );
    assert!(
        cover
            .iter()
            .any(|l| l.element.as_deref() == Some("TH") && l.attributes.contains("Row")),
        "cover: the facts are a table whose labels head their rows"
    );
    let summary = section("Executive summary");
    for element in ["P", "Figure", "L", "LI", "Lbl", "LBody"] {
        assert!(has(summary, element), "summary lacks {element}");
    }
    let recommendations = section("Recommendations");
    assert!(has(recommendations, "P"));
    assert!(
        column_headers(recommendations).contains(&"Action".to_string()),
        "recommendations: action tables need column headers"
    );
    let findings = section("Findings");
    assert!(has(findings, "L"), "findings: evidence is a list");
    assert!(
        findings
            .iter()
            .any(|l| l.element.as_deref() == Some("TH") && l.attributes.contains("Row")),
        "findings: level, target and confidence head their rows"
    );
    let comparison = section("Comparison with earlier assessments");
    assert!(has(comparison, "P"));
    assert!(
        has(comparison, "Figure"),
        "comparison: the trend chart is a figure"
    );
    let headers = column_headers(comparison);
    for header in [
        "Question",
        "2024/25",
        "2026/27",
        "Change",
        "Trend",
        "Status now",
    ] {
        assert!(
            headers.contains(&header.to_string()),
            "comparison: column header {header:?} missing from {headers:?}"
        );
    }
    let method = section("Method and scale");
    assert_eq!(
        column_headers(method),
        ["Question", "Source", "Level", "Label", "What it means"],
        "method: both tables have their column headers, once each"
    );
    assert!(has(method, "TD"));
}

#[test]
fn the_structure_reads_in_order_and_leaves_out_the_page_furniture() {
    // What a screen reader speaks: the content in the order of the page, once, without
    // "Page 3 of 12" and the marking interrupting every page.
    let report = fixtures::realistic();
    let pdf = rendered(&report);
    let text = all_text(&structure(&pdf));
    let mut last = 0;
    for part in [
        "DIGITAL BEST PRACTICE SELF-ASSESSMENT",
        "Status: DRAFT",
        "Executive summary",
        "Top three recommendations",
        "In priority order",
        "Question 1: Promotion",
        "Comparison with earlier assessments",
        "Method and scale",
        "Maturity scale",
    ] {
        let at = text[last..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order"));
        last += at;
    }
    for furniture in [
        "Page 1 of",
        "OFFICIAL",
        "Cyngor Sir Ynys Môn · 2026/27",
        "exported 4",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} is page furniture and must be an artifact"
        );
    }
    let page_text = squash(&text_of(&report));
    for (i, rec) in report.recommendations.iter().enumerate() {
        let title = format!("{}. {}", i + 1, rec.title);
        assert!(page_text.contains(&title) && text.contains(&title));
    }
}

#[test]
fn a_table_header_repeated_on_later_pages_is_read_once() {
    // The header row is drawn again on every page a table runs onto, for the eye; a screen
    // reader should hear the column names once per table, not at every page break.
    let report = fixtures::extreme();
    let pdf = rendered(&report);
    let lines = structure(&pdf);
    let owner_headers = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| l.element.as_deref() == Some("TH") && text_under(&lines, *i) == "Owner")
        .count();
    let action_tables = report
        .recommendations
        .iter()
        .chain(&report.overall_recommendation)
        .filter(|r| !r.actions.is_empty())
        .count();
    assert_eq!(owner_headers, action_tables, "one Owner header per table");
    let drawn = squash(&text(&pdf))
        .matches("Action Owner Due Status")
        .count();
    assert!(
        drawn > action_tables,
        "the fixture must make action tables run over pages ({drawn} headers drawn)"
    );
}
