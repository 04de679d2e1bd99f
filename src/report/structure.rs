//! Writes the structure recorded during layout ([`super::tags`]) into the finished PDF: the
//! structure tree (one element per heading, paragraph, list part, table cell and figure, in
//! reading order), the parent tree that leads from each page's marked content back to its
//! element, and the flags that tell readers the file is tagged (/MarkInfo) and that tab
//! order follows the structure (/Tabs /S). The marked-content operators these point at are
//! written with each page's content ([`super::content`]).

use lopdf::{Dictionary, Object, ObjectId};

use super::pdf::text_string;
use super::tags::{Element, Kid, Scope, Tags};
use crate::Error;

pub fn add_structure(doc: &mut lopdf::Document, tags: &Tags) -> Result<(), Error> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = tags.elements.iter().map(|_| doc.new_object_id()).collect();
    // For each page, the element owning each marked-content id, indexed by the id.
    let mut owners: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for (i, element) in tags.elements.iter().enumerate() {
        let page = home_page(element);
        let mut kids = Vec::with_capacity(element.kids.len());
        for kid in &element.kids {
            kids.push(match *kid {
                Kid::Element(e) => Object::Reference(ids[e]),
                Kid::Content { page: p, mcid } => {
                    let slots = owners.get_mut(p).ok_or_else(|| lost("page", p))?;
                    let at = mcid as usize;
                    if slots.len() <= at {
                        slots.resize(at + 1, Object::Null);
                    }
                    slots[at] = Object::Reference(ids[i]);
                    content_kid(p, mcid, page, &pages)
                }
            });
        }
        let parent = element.parent.map_or(root, |p| ids[p]);
        // No /Type: it is optional, and left out it saves a fifth of the tree's bytes.
        let mut dict = Dictionary::from_iter(vec![
            ("S", Object::Name(element.role.name().as_bytes().to_vec())),
            ("P", Object::Reference(parent)),
            ("K", Object::Array(kids)),
        ]);
        if let Some(p) = page {
            let page_id = pages.get(p).ok_or_else(|| lost("page", p))?;
            dict.set("Pg", Object::Reference(*page_id));
        }
        if let Some(alt) = &element.alt {
            dict.set("Alt", text_string(alt));
        }
        if let Some(attributes) = attributes(element) {
            dict.set("A", attributes);
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut nums = Vec::with_capacity(2 * pages.len());
    for (i, slots) in owners.into_iter().enumerate() {
        nums.push(Object::Integer(i as i64));
        nums.push(Object::Array(slots));
    }
    let tree_root = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Array(vec![Object::Reference(ids[0])])),
        (
            "ParentTree",
            Object::Dictionary(Dictionary::from_iter(vec![("Nums", Object::Array(nums))])),
        ),
        ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
    ]);
    doc.objects.insert(root, Object::Dictionary(tree_root));
    for (i, page) in pages.iter().enumerate() {
        let dict = doc
            .get_object_mut(*page)
            .and_then(Object::as_dict_mut)
            .map_err(|e| Error::Internal(format!("A page of the PDF is missing: {e}.")))?;
        dict.set("StructParents", Object::Integer(i as i64));
        // Tab order follows the structure, as PDF/UA asks.
        dict.set("Tabs", Object::Name(b"S".to_vec()));
    }
    let catalog = doc
        .catalog_mut()
        .map_err(|e| Error::Internal(format!("The PDF has no catalogue: {e}.")))?;
    catalog.set("StructTreeRoot", Object::Reference(root));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter(vec![("Marked", Object::Boolean(true))]),
    );
    Ok(())
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
fn content_kid(page: usize, mcid: u32, home: Option<usize>, pages: &[ObjectId]) -> Object {
    if home == Some(page) {
        return Object::Integer(i64::from(mcid));
    }
    Object::Dictionary(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"MCR".to_vec())),
        ("Pg", Object::Reference(pages[page])),
        ("MCID", Object::Integer(i64::from(mcid))),
    ]))
}

fn attributes(element: &Element) -> Option<Object> {
    if let Some(scope) = element.scope {
        let scope: &[u8] = match scope {
            Scope::Column => b"Column",
            Scope::Row => b"Row",
        };
        return Some(Object::Dictionary(Dictionary::from_iter(vec![
            ("O", Object::Name(b"Table".to_vec())),
            ("Scope", Object::Name(scope.to_vec())),
        ])));
    }
    let (_, [x1, y1, x2, y2]) = element.bbox?;
    Some(Object::Dictionary(Dictionary::from_iter(vec![
        ("O", Object::Name(b"Layout".to_vec())),
        ("Placement", Object::Name(b"Block".to_vec())),
        (
            "BBox",
            Object::Array([x1, y1, x2, y2].map(Object::Real).to_vec()),
        ),
    ])))
}

fn lost(what: &str, index: usize) -> Error {
    Error::Internal(format!(
        "The PDF's structure names {what} {index}, which the PDF does not have."
    ))
}
