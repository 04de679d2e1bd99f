//! The report's logical structure, recorded while the pages are laid out, so a screen reader
//! meets headings, paragraphs, lists, tables and figures in reading order instead of a stream
//! of text. Layout code opens structure elements as it draws; every drawing operation is
//! wrapped in a marked-content sequence that names its owner: an element (with a
//! marked-content id on its page) or an artifact (rules, shading, repeated table headers).
//! Consecutive operations with the same owner share one sequence, which keeps pages small.
//! The PDF finishing step ([`super::structure`]) turns the recorded elements into the
//! structure tree; nothing here knows which sections the report has.

use super::content::Op;

/// The standard structure types the report uses (ISO 32000-1, 14.8.4), so no role map is
/// needed and every reader knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Figure => "Figure",
        }
    }
}

/// Which headers a header cell names; written as the cell's /Scope attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Column,
    Row,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    Element(usize),
    /// Marked content `mcid` on page `page` (0-based).
    Content {
        page: usize,
        mcid: u32,
    },
}

#[derive(Debug, Clone)]
pub struct Element {
    pub role: Role,
    pub parent: Option<usize>,
    pub kids: Vec<Kid>,
    /// Alternative text: what a figure says, in words.
    pub alt: Option<String>,
    pub scope: Option<Scope>,
    /// A figure's page and box in PDF coordinates (left, bottom, right, top).
    pub bbox: Option<(usize, [f32; 4])>,
}

/// Who owns the operations being drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Element(usize),
    /// Decoration or repetition that a screen reader should skip.
    Artifact,
}

/// Running page furniture, written as pagination artifacts so assistive technology can
/// announce or skip it as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Header,
    Footer,
}

pub struct Tags {
    pub elements: Vec<Element>,
    /// Open owners, innermost last; the document element is always at the bottom.
    stack: Vec<Owner>,
    /// The sequence currently open on the page being drawn.
    open: Option<Owner>,
    /// Next marked-content id per page.
    next_mcid: Vec<u32>,
}

impl Tags {
    pub fn new() -> Tags {
        Tags {
            elements: vec![element(Role::Document, None)],
            stack: vec![Owner::Element(0)],
            open: None,
            next_mcid: vec![0],
        }
    }

    /// Adds an element under the innermost open one, without opening it: for cells, which
    /// a table fills line by line across the row. Inside a figure or an artifact nothing is
    /// added: the enclosing owner claims the content.
    pub fn add(&mut self, role: Role) -> Owner {
        if let Some(owner) = self.claiming() {
            return owner;
        }
        let parent = self
            .stack
            .iter()
            .rev()
            .find_map(|o| match o {
                Owner::Element(e) => Some(*e),
                Owner::Artifact => None,
            })
            .unwrap_or(0);
        let id = self.elements.len();
        self.elements.push(element(role, Some(parent)));
        self.elements[parent].kids.push(Kid::Element(id));
        Owner::Element(id)
    }

    /// Adds a header cell naming its row or column.
    pub fn add_header(&mut self, scope: Scope) -> Owner {
        let owner = self.add(Role::TH);
        if let Owner::Element(id) = owner {
            self.elements[id].scope = Some(scope);
        }
        owner
    }

    pub fn open(&mut self, role: Role) -> Owner {
        let owner = self.add(role);
        self.stack.push(owner);
        owner
    }

    pub fn open_artifact(&mut self) {
        self.stack.push(Owner::Artifact);
    }

    pub fn close(&mut self) {
        // The document element is never closed.
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// The owner of text drawn now: the innermost open element, or an enclosing figure or
    /// artifact, which claims everything drawn inside it.
    pub fn text_owner(&self) -> Owner {
        self.claiming()
            .unwrap_or(*self.stack.last().unwrap_or(&Owner::Element(0)))
    }

    /// The owner of shapes drawn now: inside a figure the figure (its bars are its
    /// meaning); elsewhere shapes are decoration.
    pub fn shape_owner(&self) -> Owner {
        self.claiming().unwrap_or(Owner::Artifact)
    }

    fn claiming(&self) -> Option<Owner> {
        self.stack.iter().copied().find(|o| match o {
            Owner::Artifact => true,
            Owner::Element(e) => self.elements[*e].role == Role::Figure,
        })
    }

    pub fn element_mut(&mut self, id: usize) -> &mut Element {
        &mut self.elements[id]
    }

    /// Makes `owner` the owner of what is drawn next on page `page`, closing the previous
    /// sequence and opening a new one only when the owner changes.
    pub fn enter(&mut self, owner: Owner, page: usize, ops: &mut Vec<Op>) {
        if self.open == Some(owner) {
            return;
        }
        if let Owner::Element(e) = owner {
            debug_assert!(
                self.elements[e].role != Role::Document,
                "content drawn outside any structure element"
            );
        }
        self.end(ops);
        match owner {
            Owner::Artifact => ops.push(Op::BeginArtifact),
            Owner::Element(e) => {
                if self.next_mcid.len() <= page {
                    self.next_mcid.resize(page + 1, 0);
                }
                let mcid = self.next_mcid[page];
                self.next_mcid[page] += 1;
                self.elements[e].kids.push(Kid::Content { page, mcid });
                ops.push(Op::BeginTagged {
                    role: self.elements[e].role,
                    mcid,
                });
            }
        }
        self.open = Some(owner);
    }

    /// Closes the open sequence: at the end of a page, since a sequence cannot span pages.
    pub fn end(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::End);
        }
    }
}

impl Default for Tags {
    fn default() -> Self {
        Tags::new()
    }
}

fn element(role: Role, parent: Option<usize>) -> Element {
    Element {
        role,
        parent,
        kids: Vec::new(),
        alt: None,
        scope: None,
        bbox: None,
    }
}

/// Wraps furniture ops as a pagination artifact of the given kind.
pub fn furniture(kind: Furniture, ops: &mut Vec<Op>, draw: impl FnOnce(&mut Vec<Op>)) {
    ops.push(Op::BeginPagination(kind));
    draw(ops);
    ops.push(Op::End);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sequence_per_owner_run_and_ids_count_per_page() {
        // Screen readers follow the ids; a reused id on a page would read text twice.
        let mut tags = Tags::new();
        let mut ops = Vec::new();
        let Owner::Element(p) = tags.open(Role::P) else {
            panic!("a paragraph outside a figure is an element")
        };
        tags.enter(tags.text_owner(), 0, &mut ops);
        tags.enter(tags.text_owner(), 0, &mut ops);
        tags.enter(tags.shape_owner(), 0, &mut ops);
        tags.enter(Owner::Element(p), 0, &mut ops);
        tags.end(&mut ops);
        tags.enter(Owner::Element(p), 1, &mut ops);
        assert_eq!(
            tags.elements[p].kids,
            [
                Kid::Content { page: 0, mcid: 0 },
                Kid::Content { page: 0, mcid: 1 },
                Kid::Content { page: 1, mcid: 0 },
            ]
        );
        let begins = ops.iter().filter(|o| !matches!(o, Op::End)).count();
        assert_eq!(begins, 4, "P, artifact, P, P on the next page: {ops:?}");
    }

    #[test]
    fn a_figure_claims_its_text_and_shapes() {
        // A chart's labels belong to the figure, whose alternative text replaces them.
        let mut tags = Tags::new();
        let figure = tags.open(Role::Figure);
        assert_eq!(
            tags.open(Role::P),
            figure,
            "no empty paragraph inside a figure"
        );
        assert_eq!(tags.text_owner(), figure);
        assert_eq!(tags.shape_owner(), figure);
        assert_eq!(tags.elements.len(), 2, "only the document and the figure");
        tags.close();
        tags.close();
        assert_eq!(tags.shape_owner(), Owner::Artifact);
    }
}
