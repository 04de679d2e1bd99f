//! Page geometry, the type scale and palette, and [`Flow`]: a cursor that places text and shapes
//! down A4 pages, starting a new page when the next piece would cross the bottom margin. All
//! positions here are measured in points from the top-left corner, which is how a page is read;
//! conversion to PDF's bottom-left origin happens only when a page is encoded
//! ([`super::content`]).

use super::content::Op;
use super::fonts::{Face, Fonts};
use super::tags::{Owner, Role, Tags};
use super::wrap::wrap_joinable;

/// A4 in points.
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
/// 20 mm side margins: safe for office printers and hole punches.
pub const MARGIN_X: f32 = 56.7;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// Content runs between these, leaving room for the running header, footer and marking.
pub const TOP: f32 = 82.0;
pub const BOTTOM: f32 = PAGE_H - 74.0;

/// An sRGB colour as 0–255 components.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub u8, pub u8, pub u8);

/// The palette follows GOV.UK Frontend's: every text colour passes WCAG AA on white, and the
/// chart blue passes 3:1 against white for graphics.
pub const INK: Colour = Colour(0x0b, 0x0c, 0x0c);
pub const SECONDARY: Colour = Colour(0x50, 0x5a, 0x5f);
pub const BLUE: Colour = Colour(0x1d, 0x70, 0xb8);
pub const RULE: Colour = Colour(0xb1, 0xb4, 0xb6);
pub const PALE: Colour = Colour(0xf3, 0xf2, 0xf1);
pub const WHITE: Colour = Colour(0xff, 0xff, 0xff);

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

impl Style {
    pub const fn new(size: f32, bold: bool, colour: Colour) -> Style {
        Style { size, bold, colour }
    }

    pub fn line_height(&self) -> f32 {
        self.size * 1.4
    }

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn colour(self, colour: Colour) -> Style {
        Style { colour, ..self }
    }
}

/// The type scale: one size per role, used everywhere, so the document reads as one piece.
pub const TITLE: Style = Style::new(28.0, true, INK);
pub const H1: Style = Style::new(20.0, true, INK);
pub const H2: Style = Style::new(13.5, true, INK);
pub const H3: Style = Style::new(11.0, true, INK);
pub const BODY: Style = Style::new(10.0, false, INK);
pub const SMALL: Style = Style::new(8.5, false, SECONDARY);
/// Table text.
pub const TEXT_9: Style = Style::new(9.0, false, INK);

/// A bookmark to be written into the PDF outline once page objects exist.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub title: String,
    /// 0 for a section, 1 for an item within it.
    pub level: u8,
    pub page: usize,
    pub top: f32,
}

pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Vec<Op>>,
    /// Distance from the top of the current page to where the next content starts.
    pub y: f32,
    pub outline: Vec<OutlineEntry>,
    /// The structure being recorded alongside the drawing.
    pub tags: Tags,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts) -> Flow<'f> {
        Flow {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
            outline: Vec::new(),
            tags: Tags::new(),
        }
    }

    pub fn new_page(&mut self) {
        let last = self.pages.len() - 1;
        self.tags.end(&mut self.pages[last]);
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Closes the last page's open marked content; the pages are complete after this.
    pub fn finish(mut self) -> (Vec<Vec<Op>>, Vec<OutlineEntry>, Tags) {
        let last = self.pages.len() - 1;
        self.tags.end(&mut self.pages[last]);
        (self.pages, self.outline, self.tags)
    }

    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Runs `draw` inside a new structure element of `role`, returning what `draw` returns.
    pub fn tagged<R>(&mut self, role: Role, draw: impl FnOnce(&mut Self) -> R) -> R {
        self.tags.open(role);
        let out = draw(self);
        self.tags.close();
        out
    }

    /// Runs `draw` as an artifact: drawn for the eye, skipped by assistive technology.
    pub fn artifact(&mut self, draw: impl FnOnce(&mut Self)) {
        self.tags.open_artifact();
        draw(self);
        self.tags.close();
    }

    /// Runs `draw` as one figure whose alternative text `alt` stands for everything drawn
    /// in it; `bbox` is its box on the current page (left, top, width, height).
    pub fn figure(&mut self, alt: String, bbox: [f32; 4], draw: impl FnOnce(&mut Self)) {
        if let Owner::Element(id) = self.tags.open(Role::Figure) {
            let [x, top, w, h] = bbox;
            let page = self.page();
            let element = self.tags.element_mut(id);
            element.alt = Some(alt);
            element.bbox = Some((page, [x, PAGE_H - top - h, x + w, PAGE_H - top]));
        }
        draw(self);
        self.tags.close();
    }

    pub fn at_page_top(&self) -> bool {
        self.y <= TOP
    }

    /// Starts a new page unless `height` still fits on this one; says whether it did. A page
    /// that is still empty is never abandoned, so content taller than a page cannot loop.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && !self.at_page_top() {
            self.new_page();
            return true;
        }
        false
    }

    /// Vertical space between blocks; swallowed at the top of a page, where it would only
    /// push content down unevenly.
    pub fn space(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y += height;
        }
    }

    pub fn bookmark(&mut self, title: &str, level: u8) {
        self.outline.push(OutlineEntry {
            title: title.to_string(),
            level,
            page: self.pages.len() - 1,
            top: self.y,
        });
    }

    pub fn lines(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let face = self.fonts.face(style.bold);
        let scale = style.size / 1000.0;
        wrap_joinable(text, width, |c| face.advance(c) * scale)
    }

    pub fn width(&self, text: &str, style: Style) -> f32 {
        self.fonts.face(style.bold).width(text, style.size)
    }

    /// One line of text whose line box starts `top` points from the page top, belonging to
    /// the innermost open structure element.
    pub fn text(&mut self, x: f32, top: f32, text: &str, style: Style) {
        let owner = self.tags.text_owner();
        self.text_of(owner, x, top, text, style);
    }

    /// One line of text belonging to `owner`, e.g. a table cell filled line by line.
    pub fn text_of(&mut self, owner: Owner, x: f32, top: f32, text: &str, style: Style) {
        let face = self.fonts.face(style.bold);
        let page = self.page();
        let ops = &mut self.pages[page];
        self.tags.enter(owner, page, ops);
        push_text(ops, face, x, top, text, style);
    }

    /// Wrapped text that flows across pages line by line, so a long rationale continues on
    /// the next page instead of being cut or pushed whole. Tagged as a paragraph.
    pub fn paragraph(&mut self, text: &str, style: Style, x: f32, width: f32) {
        self.block(Role::P, text, style, x, width);
    }

    /// Wrapped text as one structure element of `role`.
    pub fn block(&mut self, role: Role, text: &str, style: Style, x: f32, width: f32) {
        self.tags.open(role);
        for line in self.lines(text, style, width) {
            self.ensure(style.line_height());
            self.text(x, self.y, &line, style);
            self.y += style.line_height();
        }
        self.tags.close();
    }

    /// A heading kept with at least `keep` points of what follows it, so it never sits alone
    /// at the foot of a page. `role` is its level in the structure (H1–H3, never skipping a
    /// level, whatever size it is drawn at). With `bookmark`, it also becomes an outline
    /// entry at that level.
    pub fn heading(
        &mut self,
        text: &str,
        role: Role,
        style: Style,
        keep: f32,
        bookmark: Option<u8>,
    ) {
        let lines = self.lines(text, style, CONTENT_W);
        let before = style.size * 0.9;
        let height = lines.len() as f32 * style.line_height() + before * 0.5;
        self.space(before);
        self.ensure(height + keep);
        if let Some(level) = bookmark {
            self.bookmark(text, level);
        }
        self.tagged(role, |flow| {
            for line in lines {
                flow.text(MARGIN_X, flow.y, &line, style);
                flow.y += style.line_height();
            }
        });
        self.y += before * 0.5;
    }

    /// The heading of a chart or table that runs onto a new page, repeated there for the eye
    /// as an artifact: a screen reader has already heard it once, where it began.
    pub fn continued(&mut self, heading: &str, style: Style) {
        let text = format!("{heading} (continued)");
        let lines = self.lines(&text, style, CONTENT_W);
        self.artifact(|flow| {
            for line in lines {
                flow.text(MARGIN_X, flow.y, &line, style);
                flow.y += style.line_height();
            }
        });
        self.y += style.size * 0.45;
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, colour: Colour) {
        push_rect(self.shapes(), x, top, width, height, colour);
    }

    pub fn rule(&mut self, x1: f32, x2: f32, top: f32, thickness: f32, colour: Colour) {
        push_rule(self.shapes(), (x1, top), (x2, top), thickness, colour);
    }

    /// The current page's ops, ready for shapes: a figure's if one is open, else marked as
    /// decoration.
    pub fn shapes(&mut self) -> &mut Vec<Op> {
        let owner = self.tags.shape_owner();
        let page = self.page();
        let ops = &mut self.pages[page];
        self.tags.enter(owner, page, ops);
        ops
    }
}

/// Where the baseline of a line box sits: centred cap height looks centred to the eye.
pub fn baseline(top: f32, style: Style) -> f32 {
    top + style.line_height() / 2.0 + style.size * 0.35
}

pub fn push_text(ops: &mut Vec<Op>, face: &Face, x: f32, top: f32, text: &str, style: Style) {
    ops.push(Op::Text {
        bold: face.bold,
        size: style.size,
        colour: style.colour,
        x,
        baseline: baseline(top, style),
        text: text.to_string(),
    });
}

pub fn push_rect(ops: &mut Vec<Op>, x: f32, top: f32, width: f32, height: f32, colour: Colour) {
    ops.push(Op::Rect {
        x,
        top,
        width,
        height,
        colour,
    });
}

pub fn push_rule(
    ops: &mut Vec<Op>,
    from: (f32, f32),
    to: (f32, f32),
    thickness: f32,
    colour: Colour,
) {
    ops.push(Op::Line {
        from,
        to,
        thickness,
        colour,
    });
}

/// A filled shape through `points` (top-left coordinates).
pub fn push_polygon(ops: &mut Vec<Op>, points: &[(f32, f32)], colour: Colour) {
    ops.push(Op::Polygon {
        points: points.to_vec(),
        colour,
    });
}

/// One line of `text` no wider than `width`, ending in an ellipsis when it had to be
/// shortened. Only for text given in full elsewhere, or furniture.
pub fn fit(face: &Face, text: &str, style: Style, width: f32) -> String {
    if face.width(text, style.size) <= width {
        return text.to_string();
    }
    let room = width - face.width("…", style.size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += face.advance(c) * style.size / 1000.0;
        if used > room {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}
