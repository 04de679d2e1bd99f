//! Writes the structure recorded during layout ([`super::tags`]) into the finished PDF: the
//! structure tree (one element per heading, paragraph, list part, table cell and figure, in
//! reading order), the parent tree that leads from each page's marked content back to its
//! element, and the flags that tell readers the file is tagged (/MarkInfo) and that tab
//! order follows the structure (/Tabs /S). The marked-content operators these point at are
//! written with each page's content ([`super::content`]).

use super::tags::{Element, Kid, Scope, Tags};
use super::writer::{array, fixed, integer, reference, Dict, PdfWriter, Ref};
use crate::Error;

/// Writes the structure tree and returns its root, for the catalogue. Page `i` must carry
/// /StructParents `i`.
pub fn add_structure(pdf: &mut PdfWriter, tags: &Tags, pages: &[Ref]) -> Result<Ref, Error> {
    let root = pdf.reserve();
    let ids: Vec<Ref> = tags.elements.iter().map(|_| pdf.reserve()).collect();
    // For each page, the element owning each marked-content id, indexed by the id.
    let mut owners: Vec<Vec<Option<Ref>>> = vec![Vec::new(); pages.len()];
    for (i, element) in tags.elements.iter().enumerate() {
        let page = home_page(element);
        let mut kids = vec![b'['];
        for (k, kid) in element.kids.iter().enumerate() {
            if k > 0 {
                kids.push(b' ');
            }
            match *kid {
                Kid::Element(e) => reference(&mut kids, ids[e]),
                Kid::Content { page: p, mcid } => {
                    let slots = owners.get_mut(p).ok_or_else(|| lost("page", p))?;
                    let at = mcid as usize;
                    if slots.len() <= at {
                        slots.resize(at + 1, None);
                    }
                    slots[at] = Some(ids[i]);
                    content_kid(&mut kids, p, mcid, page, pages)?;
                }
            }
        }
        kids.push(b']');
        let parent = element.parent.map_or(root, |p| ids[p]);
        // No /Type: it is optional, and left out it saves a fifth of the tree's bytes.
        let mut dict = Dict::new();
        dict.name("S", element.role.name())
            .reference("P", parent)
            .raw("K", &kids);
        if let Some(p) = page {
            dict.reference("Pg", *pages.get(p).ok_or_else(|| lost("page", p))?);
        }
        if let Some(alt) = &element.alt {
            dict.text("Alt", alt);
        }
        if let Some(attributes) = attributes(element) {
            dict.raw("A", &attributes);
        }
        pdf.set(ids[i], dict.finish());
    }
    let mut nums = vec![b'['];
    for (i, slots) in owners.iter().enumerate() {
        if i > 0 {
            nums.push(b' ');
        }
        integer(&mut nums, i as i64);
        nums.push(b' ');
        nums.extend(array(slots, |out, slot| match slot {
            Some(owner) => reference(out, *owner),
            None => out.extend_from_slice(b"null"),
        }));
    }
    nums.push(b']');
    let mut parent_tree = Dict::new();
    parent_tree.raw("Nums", &nums);
    let mut tree_root = Dict::new();
    tree_root
        .name("Type", "StructTreeRoot")
        .raw("K", &array([ids[0]], reference))
        .raw("ParentTree", &parent_tree.finish())
        .integer("ParentTreeNextKey", pages.len() as i64);
    pdf.set(root, tree_root.finish());
    Ok(root)
}

/// The page an element is said to be on: its first content's, or a figure's box's.
fn home_page(element: &Element) -> Option<usize> {
    element
        .kids
        .iter()
        .find_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            Kid::Element(_) => None,
        })
        .or(element.bbox.map(|(page, _)| page))
}

/// Content on the element's own page is a bare id; content that flowed onto another page
/// names that page in a marked-content reference.
fn content_kid(
    out: &mut Vec<u8>,
    page: usize,
    mcid: u32,
    home: Option<usize>,
    pages: &[Ref],
) -> Result<(), Error> {
    if home == Some(page) {
        integer(out, i64::from(mcid));
        return Ok(());
    }
    let mut mcr = Dict::new();
    mcr.name("Type", "MCR")
        .reference("Pg", *pages.get(page).ok_or_else(|| lost("page", page))?)
        .integer("MCID", i64::from(mcid));
    out.extend(mcr.finish());
    Ok(())
}

fn attributes(element: &Element) -> Option<Vec<u8>> {
    let mut dict = Dict::new();
    if let Some(scope) = element.scope {
        let scope = match scope {
            Scope::Column => "Column",
            Scope::Row => "Row",
        };
        dict.name("O", "Table").name("Scope", scope);
        return Some(dict.finish());
    }
    let (_, bbox) = element.bbox?;
    dict.name("O", "Layout")
        .name("Placement", "Block")
        .raw("BBox", &array(bbox, |out, v| fixed(out, v, 100)));
    Some(dict.finish())
}

fn lost(what: &str, index: usize) -> Error {
    Error::Internal(format!(
        "The PDF's structure names {what} {index}, which the PDF does not have."
    ))
}
