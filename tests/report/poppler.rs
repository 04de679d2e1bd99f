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

pub fn outline_titles(doc: &lopdf::Document) -> Vec<String> {
    fn walk(doc: &lopdf::Document, first: Option<lopdf::ObjectId>, out: &mut Vec<String>) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).expect("outline item");
            let raw = item.get(b"Title").unwrap().as_str().unwrap();
            let units: Vec<u16> = raw[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            out.push(String::from_utf16(&units).unwrap());
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
