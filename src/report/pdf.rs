//! Turns laid-out pages into PDF bytes: the page tree with each page's content, the font
//! subsets, a nested outline that lands on each heading, the structure tree, the document
//! language (en-GB, which screen readers use to pick a voice), complete document
//! information, and a file identifier derived from the report rather than random, so the
//! same report always gives the same bytes.

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::content::{encode, Op};
use super::embed::Subset;
use super::fonts::Fonts;
use super::layout::{OutlineEntry, PAGE_H, PAGE_W};
use super::model::{Report, Status};
use super::structure::add_structure;
use super::tags::Tags;
use crate::Error;

pub fn write(
    pages: &[Vec<Op>],
    outline: &[OutlineEntry],
    tags: &Tags,
    report: &Report,
    fonts: &Fonts,
) -> Result<Vec<u8>, Error> {
    let mut doc = lopdf::Document::with_version("1.7");
    add_pages(&mut doc, pages, fonts)?;
    add_outline(&mut doc, outline);
    add_structure(&mut doc, tags)?;
    finish_catalog(&mut doc)?;
    set_info(&mut doc, report);
    set_metadata(&mut doc, report)?;
    set_file_id(&mut doc, report)?;
    compress(&mut doc)?;
    // PDF/UA-1 builds on PDF 1.7. Object streams would pack the structure elements into
    // half the bytes, but lopdf takes longer to write them than the whole render.
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| Error::Internal(format!("The PDF could not be written: {e}.")))?;
    Ok(bytes)
}

/// The catalogue and page tree, each page's content, and the two faces' subsets, which take
/// in their glyphs as the pages are encoded and so are written last.
fn add_pages(doc: &mut lopdf::Document, pages: &[Vec<Op>], fonts: &Fonts) -> Result<(), Error> {
    let mut subsets = [Subset::new(&fonts.regular), Subset::new(&fonts.bold)];
    let font_ids = [doc.new_object_id(), doc.new_object_id()];
    let tree = doc.new_object_id();
    let resources = doc.add_object(Dictionary::from_iter(vec![(
        "Font",
        Object::Dictionary(Dictionary::from_iter(vec![
            ("F1", Object::Reference(font_ids[0])),
            ("F2", Object::Reference(font_ids[1])),
        ])),
    )]));
    let media_box = Object::Array(vec![
        Object::Integer(0),
        Object::Integer(0),
        Object::Real(PAGE_W),
        Object::Real(PAGE_H),
    ]);
    let mut kids = Vec::with_capacity(pages.len());
    for ops in pages {
        let content = lopdf::Stream::new(Dictionary::new(), encode(ops, &mut subsets));
        let content = doc.add_object(content);
        let page = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(tree)),
            ("MediaBox", media_box.clone()),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(content)),
        ]));
        kids.push(Object::Reference(page));
    }
    let count = Object::Integer(kids.len() as i64);
    doc.objects.insert(
        tree,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(kids)),
            ("Count", count),
        ])),
    );
    for (subset, id) in subsets.into_iter().zip(font_ids) {
        subset.write(doc, id)?;
    }
    let catalog = doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(tree)),
        ("PageLayout", Object::Name(b"OneColumn".to_vec())),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    Ok(())
}

/// Deflates every stream that may be compressed. lopdf's own `compress` uses the slowest
/// level, which took longer than laying out and writing the rest of the report; the fastest
/// level costs a tenth of that for a file about a sixth larger.
fn compress(doc: &mut lopdf::Document) -> Result<(), Error> {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
        let deflated = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
            .map_err(|e| Error::Internal(format!("The PDF could not be compressed: {e}.")))?;
        if deflated.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(deflated);
        }
    }
    Ok(())
}

fn title(report: &Report) -> String {
    format!(
        "{}: {} {}",
        report.cover.organisation,
        report.method.assessment_name(),
        report.cover.period
    )
}

/// A PDF text string: UTF-16BE with a byte-order mark, so Welsh and other non-ASCII letters
/// show correctly in every viewer's outline and document properties.
pub(super) fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn finish_catalog(doc: &mut lopdf::Document) -> Result<(), Error> {
    let catalog = doc
        .catalog_mut()
        .map_err(|e| Error::Internal(format!("The PDF has no catalogue: {e}.")))?;
    catalog.set("Lang", Object::string_literal("en-GB"));
    // Show the title, not the file name, in the viewer's title bar (PDF/UA asks for this).
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    Ok(())
}

fn set_info(doc: &mut lopdf::Document, report: &Report) {
    let cover = &report.cover;
    let date = cover
        .exported_at
        .format("D:%Y%m%d%H%M%S+00'00'")
        .to_string();
    let status = match cover.status {
        Status::Draft => "Draft",
        Status::Final => "Final",
    };
    let subject = format!(
        "{status} self-assessment against the {} (version {})",
        report.method.checklist_title, report.method.checklist_version
    );
    let info = Dictionary::from_iter(vec![
        ("Title", text_string(&title(report))),
        ("Author", text_string(&cover.assessor)),
        ("Subject", text_string(&subject)),
        (
            "Keywords",
            text_string(&format!(
                "{}; self-assessment; maturity; council",
                report.method.checklist_title
            )),
        ),
        ("Creator", text_string("Yardstick")),
        ("Producer", text_string("Yardstick")),
        ("CreationDate", Object::string_literal(date.clone())),
        ("ModDate", Object::string_literal(date)),
    ]);
    let id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(id));
}

/// XMP metadata: the title and language where PDF/UA looks for them, and the claim of
/// PDF/UA-1 that tells checkers and assistive technology which rules the file follows. Not
/// compressed, so search tools and validators can read it without a PDF library.
fn set_metadata(doc: &mut lopdf::Document, report: &Report) -> Result<(), Error> {
    let date = report
        .cover
        .exported_at
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let xmp = format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>Yardstick</pdf:Producer>
<xmp:CreatorTool>Yardstick</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        title = xml_escape(&title(report)),
        author = xml_escape(&report.cover.assessor),
        bom = '\u{feff}',
    );
    let stream = lopdf::Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp.into_bytes(),
    )
    .with_compression(false);
    let id = doc.add_object(stream);
    doc.catalog_mut()
        .map_err(|e| Error::Internal(format!("The PDF has no catalogue: {e}.")))?
        .set("Metadata", Object::Reference(id));
    Ok(())
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The file identifier is a hash of the report itself: stable across exports of the same
/// report (tests compare bytes), different when anything in it changes.
fn set_file_id(doc: &mut lopdf::Document, report: &Report) -> Result<(), Error> {
    let json = serde_json::to_vec(report)
        .map_err(|e| Error::Internal(format!("The report could not be hashed: {e}.")))?;
    let digest = Sha256::digest(&json);
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// Builds a two-level outline: sections, and the items within them (each recommendation,
/// each question's findings). Every entry jumps to the top of its heading, not just its page.
fn add_outline(doc: &mut lopdf::Document, entries: &[OutlineEntry]) {
    if entries.is_empty() {
        return;
    }
    let pages = doc.get_pages();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    let parents: Vec<Option<usize>> = parents(entries);
    let mut top_level = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let parent = parents[i].map_or(root, |p| ids[p]);
        let siblings: Vec<usize> = (0..entries.len())
            .filter(|&j| parents[j] == parents[i])
            .collect();
        let children: Vec<usize> = (0..entries.len())
            .filter(|&j| parents[j] == Some(i))
            .collect();
        let mut item = Dictionary::from_iter(vec![
            ("Title", text_string(&entry.title)),
            ("Parent", Object::Reference(parent)),
        ]);
        if let Some(page) = pages.get(&(entry.page as u32 + 1)) {
            let top = (PAGE_H - entry.top + 6.0) as f64;
            item.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(top as f32),
                    Object::Null,
                ]),
            );
        }
        link_siblings(&mut item, &siblings, i, &ids);
        if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
            item.set("First", Object::Reference(ids[first]));
            item.set("Last", Object::Reference(ids[last]));
            // Negative: sections start closed, so the outline reads as a table of contents.
            item.set("Count", Object::Integer(-(children.len() as i64)));
        }
        if parents[i].is_none() {
            top_level.push(i);
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let outlines = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", Object::Reference(ids[top_level[0]])),
        (
            "Last",
            Object::Reference(ids[*top_level.last().unwrap_or(&0)]),
        ),
        ("Count", Object::Integer(top_level.len() as i64)),
    ]);
    doc.objects.insert(root, Object::Dictionary(outlines));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}

/// For each entry, the index of the section it belongs to (None for a section).
fn parents(entries: &[OutlineEntry]) -> Vec<Option<usize>> {
    let mut current = None;
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if e.level == 0 {
                current = Some(i);
                None
            } else {
                current
            }
        })
        .collect()
}

fn link_siblings(item: &mut Dictionary, siblings: &[usize], i: usize, ids: &[ObjectId]) {
    let Some(pos) = siblings.iter().position(|&s| s == i) else {
        return;
    };
    if pos > 0 {
        item.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
    }
    if let Some(&next) = siblings.get(pos + 1) {
        item.set("Next", Object::Reference(ids[next]));
    }
}
