//! What makes the report a tagged PDF beyond its tree, read with lopdf because poppler does
//! not print it: the figures' alternative text, marked content around everything drawn, the
//! catalogue and page flags, the XMP identification and the fonts' Unicode maps.

use lopdf::content::Content;
use lopdf::{Document, Object};

use super::fixtures;
use super::poppler::*;

fn struct_elements(doc: &Document, role: &[u8]) -> Vec<lopdf::Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(role))
        .cloned()
        .collect()
}

#[test]
fn every_chart_is_a_figure_whose_alternative_text_states_its_data() {
    // A chart is silent to a screen reader; its alternative text is all the reader gets,
    // so it must carry the numbers, not just say "chart".
    let report = fixtures::realistic();
    let doc = Document::load_mem(&rendered(&report).bytes).expect("parse");
    let alts: Vec<String> = struct_elements(&doc, b"Figure")
        .iter()
        .map(|f| {
            text_string(
                f.get(b"Alt")
                    .and_then(Object::as_str)
                    .expect("figure has /Alt"),
            )
        })
        .collect();
    let comparison = report.comparison.as_ref().unwrap();
    assert_eq!(
        alts.len(),
        1 + 1 + comparison.rows.len(),
        "the summary chart and one trend panel for overall and for each question: {alts:?}"
    );
    let summary = alts
        .iter()
        .find(|a| a.starts_with("Bar chart"))
        .expect("summary chart");
    for f in &report.findings {
        let words = format!(
            "{}. {}: {}, target {}",
            f.number,
            f.title,
            f.level.as_ref().unwrap().label,
            f.target.as_ref().unwrap().label
        );
        assert!(
            summary.contains(&words),
            "{words:?} missing from {summary:?}"
        );
    }
    let promotion = alts
        .iter()
        .find(|a| a.contains("1. Promotion, level by year"))
        .expect("trend panel for question 1");
    for period in &comparison.periods {
        assert!(promotion.contains(period.as_str()), "{period} missing");
    }
}

#[test]
fn nothing_is_drawn_outside_a_tag_or_an_artifact() {
    // PDF/UA: every glyph and shape is either content in the structure or marked as an
    // artifact; an untagged run would be skipped or read out of place.
    let doc = Document::load_mem(&rendered(&fixtures::realistic()).bytes).expect("parse");
    for (number, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).expect("content stream parses");
        let mut depth = 0usize;
        for op in &content.operations {
            match op.operator.as_str() {
                "BDC" | "BMC" => depth += 1,
                "EMC" => depth = depth.checked_sub(1).expect("EMC without BDC/BMC"),
                "Tj" | "TJ" | "'" | "\"" | "f" | "f*" | "F" | "S" | "s" | "B" | "b" => {
                    assert!(
                        depth > 0,
                        "page {number}: {} outside marked content",
                        op.operator
                    )
                }
                _ => {}
            }
        }
        assert_eq!(depth, 0, "page {number}: marked content left open");
    }
}

#[test]
fn the_file_says_it_is_tagged_titled_and_ordered_by_structure() {
    // Readers only use the tags when /MarkInfo says so; PDF/UA identifies itself in XMP,
    // shows the title rather than the file name, and tabs in structure order.
    let doc = Document::load_mem(&rendered(&fixtures::realistic()).bytes).expect("parse");
    let catalog = doc.catalog().unwrap();
    let mark_info = catalog.get(b"MarkInfo").and_then(Object::as_dict).unwrap();
    assert_eq!(mark_info.get(b"Marked").unwrap(), &Object::Boolean(true));
    let prefs = catalog
        .get(b"ViewerPreferences")
        .and_then(Object::as_dict)
        .unwrap();
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true)
    );
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    let metadata = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .unwrap();
    let xmp = doc
        .get_object(metadata)
        .and_then(Object::as_stream)
        .unwrap();
    let xmp = String::from_utf8_lossy(&xmp.content);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    assert!(xmp.contains("Cyngor Sir Ynys Môn: Digital best practice self-assessment 2026/27"));
    for (number, page) in doc.get_pages() {
        let page = doc.get_dictionary(page).unwrap();
        assert_eq!(page.get(b"Tabs").and_then(Object::as_name).unwrap(), b"S");
        assert_eq!(
            page.get(b"StructParents").and_then(Object::as_i64).unwrap(),
            i64::from(number) - 1,
            "page {number} must lead back to its structure"
        );
    }
}

#[test]
fn every_font_maps_its_glyphs_to_unicode() {
    // Without ToUnicode a screen reader and copy-and-paste get glyph numbers, not words.
    let pdf = rendered(&fixtures::realistic());
    let fonts = info_tool("pdffonts", &pdf.path);
    for row in fonts.lines().skip(2) {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let uni = columns[columns.len() - 3];
        assert_eq!(uni, "yes", "font without ToUnicode:\n{fonts}");
    }
}
