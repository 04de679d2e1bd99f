//! What a page draws, and its encoding as a PDF content stream. Layout records [`Op`]s in
//! page coordinates (points from the top-left corner, as a page is read); [`encode`] turns
//! them into operators in PDF's bottom-left coordinates, writing each glyph as its id in the
//! font subset ([`Subset`]) and leaving out colour, width and font settings that are already
//! in force. Bytes are written directly: formatting numbers and glyph ids through a general
//! PDF library cost more than laying out the report.

use super::embed::Subset;
use super::layout::{Colour, PAGE_H};
use super::tags::{Furniture, Role};
use super::writer::{fixed, hex_byte, integer};

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// One run of text in one face, size and colour, its baseline starting at (x, baseline).
    Text {
        bold: bool,
        size: f32,
        colour: Colour,
        x: f32,
        baseline: f32,
        text: String,
    },
    Rect {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        colour: Colour,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        colour: Colour,
    },
    /// A filled shape through the points.
    Polygon {
        points: Vec<(f32, f32)>,
        colour: Colour,
    },
    /// Starts decoration that assistive technology skips.
    BeginArtifact,
    /// Starts a running header or footer.
    BeginPagination(Furniture),
    /// Starts content belonging to a structure element of `role`, known by `mcid` on its page.
    BeginTagged { role: Role, mcid: u32 },
    /// Ends the innermost marked-content sequence.
    End,
}

/// Encodes one page. Glyphs are taken into `subsets` (regular, bold) as they are used.
pub fn encode(ops: &[Op], subsets: &mut [Subset; 2]) -> Vec<u8> {
    let mut page = Page {
        out: Vec::with_capacity(ops.len() * 40),
        fill: None,
        stroke: None,
        line_width: None,
        font: None,
    };
    for op in ops {
        page.op(op, subsets);
    }
    page.out
}

/// The graphics state in force, so repeated settings are written once.
struct Page {
    out: Vec<u8>,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    line_width: Option<f32>,
    font: Option<(bool, f32)>,
}

impl Page {
    fn op(&mut self, op: &Op, subsets: &mut [Subset; 2]) {
        match op {
            Op::Text {
                bold,
                size,
                colour,
                x,
                baseline,
                text,
            } => {
                self.set_fill(*colour);
                self.out.extend_from_slice(b"BT\n");
                if self.font != Some((*bold, *size)) {
                    self.font = Some((*bold, *size));
                    self.out
                        .extend_from_slice(if *bold { b"/F2 " } else { b"/F1 " });
                    self.number(*size);
                    self.out.extend_from_slice(b" Tf\n");
                }
                self.point(*x, *baseline);
                self.out.extend_from_slice(b" Td\n<");
                let subset = &mut subsets[usize::from(*bold)];
                for c in text.chars() {
                    for byte in subset.encode(c).to_be_bytes() {
                        hex_byte(&mut self.out, byte);
                    }
                }
                self.out.extend_from_slice(b"> Tj\nET\n");
            }
            Op::Rect {
                x,
                top,
                width,
                height,
                colour,
            } => {
                self.set_fill(*colour);
                self.point(*x, top + height);
                self.out.push(b' ');
                self.number(*width);
                self.out.push(b' ');
                self.number(*height);
                self.out.extend_from_slice(b" re f\n");
            }
            Op::Line {
                from,
                to,
                thickness,
                colour,
            } => {
                if self.stroke != Some(*colour) {
                    self.stroke = Some(*colour);
                    self.colour(*colour);
                    self.out.extend_from_slice(b" RG\n");
                }
                if self.line_width != Some(*thickness) {
                    self.line_width = Some(*thickness);
                    self.number(*thickness);
                    self.out.extend_from_slice(b" w\n");
                }
                self.point(from.0, from.1);
                self.out.extend_from_slice(b" m ");
                self.point(to.0, to.1);
                self.out.extend_from_slice(b" l S\n");
            }
            Op::Polygon { points, colour } => {
                let Some((first, rest)) = points.split_first() else {
                    return;
                };
                self.set_fill(*colour);
                self.point(first.0, first.1);
                self.out.extend_from_slice(b" m\n");
                for &(x, y) in rest {
                    self.point(x, y);
                    self.out.extend_from_slice(b" l\n");
                }
                self.out.extend_from_slice(b"h f\n");
            }
            Op::BeginArtifact => self.out.extend_from_slice(b"/Artifact BMC\n"),
            Op::BeginPagination(kind) => {
                self.out.extend_from_slice(match kind {
                    Furniture::Header => b"/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
                    Furniture::Footer => b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
                });
            }
            Op::BeginTagged { role, mcid } => {
                self.out.push(b'/');
                self.out.extend_from_slice(role.name().as_bytes());
                self.out.extend_from_slice(b" <</MCID ");
                integer(&mut self.out, i64::from(*mcid));
                self.out.extend_from_slice(b">> BDC\n");
            }
            Op::End => self.out.extend_from_slice(b"EMC\n"),
        }
    }

    fn set_fill(&mut self, colour: Colour) {
        if self.fill != Some(colour) {
            self.fill = Some(colour);
            self.colour(colour);
            self.out.extend_from_slice(b" rg\n");
        }
    }

    fn colour(&mut self, Colour(r, g, b): Colour) {
        for (i, component) in [r, g, b].into_iter().enumerate() {
            if i > 0 {
                self.out.push(b' ');
            }
            fixed(&mut self.out, f32::from(component) / 255.0, 1000);
        }
    }

    /// A point given from the top-left, written from the bottom-left.
    fn point(&mut self, x: f32, top: f32) {
        self.number(x);
        self.out.push(b' ');
        self.number(PAGE_H - top);
    }

    fn number(&mut self, value: f32) {
        // Hundredths of a point are far below what any printer or screen can show.
        fixed(&mut self.out, value, 100);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_settings_are_written_once_and_y_is_flipped() {
        let fonts = super::super::fonts::fonts().unwrap();
        let mut subsets = [Subset::new(&fonts.regular), Subset::new(&fonts.bold)];
        let text = |x: f32, text: &str| Op::Text {
            bold: false,
            size: 10.5,
            colour: Colour(0x0b, 0x0c, 0x0c),
            x,
            baseline: 100.0,
            text: text.to_string(),
        };
        let ops = [
            Op::BeginTagged {
                role: Role::P,
                mcid: 0,
            },
            text(56.7, "AB"),
            text(80.0, "BA"),
            Op::End,
        ];
        let content = String::from_utf8(encode(&ops, &mut subsets)).unwrap();
        assert_eq!(
            content,
            "/P <</MCID 0>> BDC\n0.043 0.047 0.047 rg\nBT\n/F1 10.5 Tf\n56.7 741.89 Td\n\
             <00010002> Tj\nET\nBT\n80 741.89 Td\n<00020001> Tj\nET\nEMC\n"
        );
    }
}
