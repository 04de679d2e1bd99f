//! Turns laid-out pages into PDF bytes: the page tree with each page's content, the font
//! subsets, a nested outline that lands on each heading, the structure tree, the document
//! language (en-GB, which screen readers use to pick a voice), complete document
//! information, and a file identifier derived from the report rather than random, so the
//! same report always gives the same bytes.

use sha2::{Digest, Sha256};

use super::content::{encode, Op};
use super::embed::Subset;
use super::fonts::Fonts;
use super::layout::{OutlineEntry, PAGE_H, PAGE_W};
use super::model::{Report, Status};
use super::structure::add_structure;
use super::tags::Tags;
use super::writer::{array, real, reference, Dict, PdfWriter, Ref};
use crate::Error;

pub fn write(
    pages: &[Vec<Op>],
    outline: &[OutlineEntry],
    tags: &Tags,
    report: &Report,
    fonts: &Fonts,
) -> Result<Vec<u8>, Error> {
    let mut pdf = PdfWriter::new();
    let page_refs = add_pages(&mut pdf, pages, fonts)?;
    let mut catalog = Dict::new();
    catalog
        .name("Type", "Catalog")
        .reference("Pages", page_refs.tree)
        .name("PageLayout", "OneColumn")
        .ascii("Lang", "en-GB")
        // Show the title, not the file name, in the viewer's title bar (PDF/UA asks for this).
        .raw("ViewerPreferences", b"<</DisplayDocTitle true>>");
    if let Some(outlines) = add_outline(&mut pdf, outline, &page_refs.pages) {
        catalog
            .reference("Outlines", outlines)
            .name("PageMode", "UseOutlines");
    }
    let tree = add_structure(&mut pdf, tags, &page_refs.pages)?;
    catalog
        .reference("StructTreeRoot", tree)
        .raw("MarkInfo", b"<</Marked true>>");
    let metadata = add_metadata(&mut pdf, report);
    catalog.reference("Metadata", metadata);
    let catalog = pdf.add(catalog.finish());
    let info = add_info(&mut pdf, report);
    pdf.finish(catalog, info, &file_id(report)?)
}

struct PageRefs {
    tree: Ref,
    pages: Vec<Ref>,
}

/// The page tree with each page's content, and the two faces' subsets, which take in their
/// glyphs as the pages are encoded and so are written last.
fn add_pages(pdf: &mut PdfWriter, pages: &[Vec<Op>], fonts: &Fonts) -> Result<PageRefs, Error> {
    let mut subsets = [Subset::new(&fonts.regular), Subset::new(&fonts.bold)];
    let font_refs = [pdf.reserve(), pdf.reserve()];
    let tree = pdf.reserve();
    let mut fonts_dict = Dict::new();
    fonts_dict
        .reference("F1", font_refs[0])
        .reference("F2", font_refs[1]);
    let mut resources = Dict::new();
    resources.raw("Font", &fonts_dict.finish());
    let resources = pdf.add(resources.finish());
    let mut media_box = b"[0 0 ".to_vec();
    real(&mut media_box, PAGE_W);
    media_box.push(b' ');
    real(&mut media_box, PAGE_H);
    media_box.push(b']');
    let mut refs = Vec::with_capacity(pages.len());
    for (i, ops) in pages.iter().enumerate() {
        let content = pdf.add_stream(Dict::new(), &encode(ops, &mut subsets))?;
        let mut page = Dict::new();
        page.name("Type", "Page")
            .reference("Parent", tree)
            .raw("MediaBox", &media_box)
            .reference("Resources", resources)
            .reference("Contents", content)
            // The key of this page's entry in the structure's parent tree.
            .integer("StructParents", i as i64)
            // Tab order follows the structure, as PDF/UA asks.
            .name("Tabs", "S");
        refs.push(pdf.add(page.finish()));
    }
    let mut tree_dict = Dict::new();
    tree_dict
        .name("Type", "Pages")
        .raw("Kids", &array(&refs, |out, &r| reference(out, r)))
        .integer("Count", refs.len() as i64);
    pdf.set(tree, tree_dict.finish());
    for (subset, at) in subsets.into_iter().zip(font_refs) {
        subset.write(pdf, at)?;
    }
    Ok(PageRefs { tree, pages: refs })
}

fn title(report: &Report) -> String {
    format!(
        "{}: {} {}",
        report.cover.organisation,
        report.method.assessment_name(),
        report.cover.period
    )
}

fn add_info(pdf: &mut PdfWriter, report: &Report) -> Ref {
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
    let mut info = Dict::new();
    info.text("Title", &title(report))
        .text("Author", &cover.assessor)
        .text("Subject", &subject)
        .text(
            "Keywords",
            &format!(
                "{}; self-assessment; maturity; council",
                report.method.checklist_title
            ),
        )
        .text("Creator", "Yardstick")
        .text("Producer", "Yardstick")
        .ascii("CreationDate", &date)
        .ascii("ModDate", &date);
    pdf.add(info.finish())
}

/// XMP metadata: the title and language where PDF/UA looks for them, and the claim of
/// PDF/UA-1 that tells checkers and assistive technology which rules the file follows. Not
/// compressed, so search tools and validators can read it without a PDF library.
fn add_metadata(pdf: &mut PdfWriter, report: &Report) -> Ref {
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
    let mut dict = Dict::new();
    dict.name("Type", "Metadata").name("Subtype", "XML");
    let at = pdf.reserve();
    pdf.set_uncompressed(at, dict, xmp.as_bytes());
    at
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The file identifier is a hash of the report itself: stable across exports of the same
/// report (tests compare bytes), different when anything in it changes.
fn file_id(report: &Report) -> Result<[u8; 16], Error> {
    let json = serde_json::to_vec(report)
        .map_err(|e| Error::Internal(format!("The report could not be hashed: {e}.")))?;
    let digest = Sha256::digest(&json);
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    Ok(id)
}

/// Builds a two-level outline: sections, and the items within them (each recommendation,
/// each question's findings). Every entry jumps to the top of its heading, not just its page.
fn add_outline(pdf: &mut PdfWriter, entries: &[OutlineEntry], pages: &[Ref]) -> Option<Ref> {
    if entries.is_empty() {
        return None;
    }
    let root = pdf.reserve();
    let ids: Vec<Ref> = entries.iter().map(|_| pdf.reserve()).collect();
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
        let mut item = Dict::new();
        item.text("Title", &entry.title).reference("Parent", parent);
        if let Some(&page) = pages.get(entry.page) {
            let mut dest = b"[".to_vec();
            reference(&mut dest, page);
            dest.extend_from_slice(b" /XYZ null ");
            real(&mut dest, PAGE_H - entry.top + 6.0);
            dest.extend_from_slice(b" null]");
            item.raw("Dest", &dest);
        }
        link_siblings(&mut item, &siblings, i, &ids);
        if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
            item.reference("First", ids[first])
                .reference("Last", ids[last])
                // Negative: sections start closed, so the outline reads as a table of contents.
                .integer("Count", -(children.len() as i64));
        }
        if parents[i].is_none() {
            top_level.push(i);
        }
        pdf.set(ids[i], item.finish());
    }
    let mut outlines = Dict::new();
    outlines
        .name("Type", "Outlines")
        .reference("First", ids[top_level[0]])
        .reference("Last", ids[*top_level.last().unwrap_or(&0)])
        .integer("Count", top_level.len() as i64);
    pdf.set(root, outlines.finish());
    Some(root)
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

fn link_siblings(item: &mut Dict, siblings: &[usize], i: usize, ids: &[Ref]) {
    let Some(pos) = siblings.iter().position(|&s| s == i) else {
        return;
    };
    if pos > 0 {
        item.reference("Prev", ids[siblings[pos - 1]]);
    }
    if let Some(&next) = siblings.get(pos + 1) {
        item.reference("Next", ids[next]);
    }
}
