//! Running poppler-utils (`pdftotext`, `pdfinfo`, `pdffonts`) on rendered reports, and
//! reading the outline back with lopdf, so the tests read the PDF the way readers' tools do.

use std::path::{Path, PathBuf};
use std::process::Command;

use yardstick::report::{render, Report};

pub struct Rendered {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn rendered(report: &Report) -> Rendered {
    let bytes = render(report).expect("the report renders");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &bytes).expect("write pdf");
    Rendered {
        _dir: dir,
        path,
        bytes,
    }
}

pub fn tool(name: &str, args: &[&str], path: &Path) -> String {
    run_tool(name, args, path, Some("-"))
}

/// A tool with options but no output argument (`pdfinfo -struct-text`).
pub fn tool_no_output_arg(name: &str, args: &[&str], path: &Path) -> String {
    run_tool(name, args, path, None)
}

fn run_tool(name: &str, args: &[&str], path: &Path, output: Option<&str>) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(path)
        .args(output)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{name} rejected the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// `pdfinfo` and `pdffonts` take no output argument.
pub fn info_tool(name: &str, path: &Path) -> String {
    let out = Command::new(name)
        .arg(path)
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{name} rejected the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn text(pdf: &Rendered) -> String {
    tool("pdftotext", &["-layout"], &pdf.path)
}

pub fn page_texts(pdf: &Rendered) -> Vec<String> {
    // pdftotext separates pages with a form feed.
    let mut pages: Vec<String> = text(pdf).split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

pub fn info_field(pdf: &Rendered, field: &str) -> String {
    let info = info_tool("pdfinfo", &pdf.path);
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_string()
}

pub fn page_count(pdf: &Rendered) -> usize {
    info_field(pdf, "Pages").parse().expect("page count")
}

/// pdftotext -layout keeps wide gaps between words on justified lines; compare words only.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn text_of(report: &Report) -> String {
    text(&rendered(report))
}

/// A PDF text string: UTF-16BE after a byte-order mark, or else ASCII (the report writes
/// nothing else; PDFDocEncoding agrees with ASCII there).
pub fn text_string(raw: &[u8]) -> String {
    match raw {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).expect("UTF-16 text string")
        }
        _ => {
            assert!(
                raw.is_ascii(),
                "a text string without a byte-order mark is ASCII"
            );
            String::from_utf8(raw.to_vec()).unwrap()
        }
    }
}

pub fn outline_titles(doc: &lopdf::Document) -> Vec<String> {
    fn walk(doc: &lopdf::Document, first: Option<lopdf::ObjectId>, out: &mut Vec<String>) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).expect("outline item");
            let raw = item.get(b"Title").unwrap().as_str().unwrap();
            out.push(text_string(raw));
            walk(
                doc,
                item.get(b"First").and_then(|o| o.as_reference()).ok(),
                out,
            );
            next = item.get(b"Next").and_then(|o| o.as_reference()).ok();
        }
    }
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let first = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"First")
        .unwrap()
        .as_reference()
        .ok();
    let mut out = Vec::new();
    walk(doc, first, &mut out);
    out
}

/// A word as poppler places it, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub text: String,
}

pub struct PageWords {
    pub width: f32,
    pub height: f32,
    pub words: Vec<Word>,
}

/// Every word's box, page by page, from `pdftotext -bbox-layout`; poppler does not clip to
/// the page, so a word drawn off it is still listed.
pub fn word_boxes(pdf: &Rendered) -> Vec<PageWords> {
    let xhtml = tool("pdftotext", &["-bbox-layout"], &pdf.path);
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag
            .find(&key)
            .unwrap_or_else(|| panic!("{name} missing in {tag}"))
            + key.len();
        let end = at + tag[at..].find('"').expect("closing quote");
        tag[at..end].parse().expect("a number")
    };
    let mut pages: Vec<PageWords> = Vec::new();
    for line in xhtml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(PageWords {
                width: attr(line, "width"),
                height: attr(line, "height"),
                words: Vec::new(),
            });
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').expect("word tag ends");
            let text = rest[close + 1..]
                .trim_end_matches("</word>")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            let tag = &rest[..close];
            pages.last_mut().expect("a page").words.push(Word {
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text,
            });
        }
    }
    pages
}
