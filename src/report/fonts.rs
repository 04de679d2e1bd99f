//! The report's typeface, Lato 2.0 (SIL Open Font License; `assets/fonts/OFL.txt`), embedded in
//! the binary so a PDF looks the same on every machine, and measured with the font's own glyph
//! advances so wrapped lines fit exactly. Lato covers Latin Extended-A, so Welsh names
//! (ŵ, ŷ, Ŵ, Ŷ) and £ print as written.

use std::sync::OnceLock;

use ttf_parser::{GlyphId, Tag};

use crate::Error;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/Lato-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/Lato-Bold.ttf");

/// Characters below this are looked up in tables built once; rarer ones go to the cmap.
/// U+0250 covers Latin-1 and Latin Extended-A/B, i.e. nearly all text a UK council writes.
const TABLE_LEN: usize = 0x250;

/// One face of the typeface: its glyphs and advances ready for measuring and encoding, and
/// its raw tables for embedding a subset ([`super::embed`]).
pub struct Face {
    pub font: ttf_parser::Face<'static>,
    /// The PostScript name printed in the PDF after the subset tag, e.g. "Lato-Regular".
    pub name: &'static str,
    /// Six capitals that tag the subset ("YSREGU+Lato-Regular"), fixed so every export of the
    /// same report is the same bytes.
    pub subset_tag: &'static str,
    pub bold: bool,
    glyphs: Vec<u16>,
    /// Advance per character in thousandths of an em, for the common range.
    advances: Vec<f32>,
    units_per_em: f32,
}

impl Face {
    fn load(
        bytes: &'static [u8],
        name: &'static str,
        subset_tag: &'static str,
        bold: bool,
    ) -> Result<Face, String> {
        let font = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| format!("the embedded font {name} could not be read ({e})"))?;
        for table in [b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf"] {
            if font.raw_face().table(Tag::from_bytes(table)).is_none() {
                return Err(format!(
                    "the embedded font {name} has no {} table",
                    String::from_utf8_lossy(table)
                ));
            }
        }
        let mut face = Face {
            units_per_em: f32::from(font.units_per_em().max(1)),
            font,
            name,
            subset_tag,
            bold,
            glyphs: Vec::new(),
            advances: Vec::new(),
        };
        face.glyphs = (0..TABLE_LEN as u32)
            .map(|cp| char::from_u32(cp).map_or(0, |c| face.glyph_from_cmap(c)))
            .collect();
        face.advances = face
            .glyphs
            .iter()
            .map(|&gid| face.glyph_advance(gid))
            .collect();
        Ok(face)
    }

    fn glyph_from_cmap(&self, c: char) -> u16 {
        // Characters the font lacks print as its .notdef glyph (gid 0).
        self.font.glyph_index(c).map_or(0, |g| g.0)
    }

    /// The glyph that draws `c`; 0 (.notdef) when the font has none.
    pub fn glyph(&self, c: char) -> u16 {
        match self.glyphs.get(c as usize) {
            Some(&gid) => gid,
            None => self.glyph_from_cmap(c),
        }
    }

    /// Advance of a glyph in thousandths of an em.
    pub fn glyph_advance(&self, gid: u16) -> f32 {
        let units = self.font.glyph_hor_advance(GlyphId(gid)).unwrap_or(0);
        f32::from(units) * 1000.0 / self.units_per_em
    }

    /// Advance of one character in thousandths of an em.
    pub fn advance(&self, c: char) -> f32 {
        match self.advances.get(c as usize) {
            Some(&w) => w,
            None => self.glyph_advance(self.glyph(c)),
        }
    }

    /// Width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / 1000.0
    }

    /// A length in font units, in thousandths of an em (the unit of PDF font metrics).
    pub fn to_thousandths(&self, units: i16) -> i64 {
        (f32::from(units) * 1000.0 / self.units_per_em).round() as i64
    }
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();

/// The two faces, read on first use and shared afterwards: the result never changes.
pub fn fonts() -> Result<&'static Fonts, Error> {
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: Face::load(REGULAR_TTF, "Lato-Regular", "YSREGU", false)?,
                bold: Face::load(BOLD_TTF, "Lato-Bold", "YSBOLD", true)?,
            })
        })
        .as_ref()
        .map_err(|message| Error::Internal(format!("The PDF could not be made: {message}.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_welsh_and_pound() {
        // A council name with a circumflexed w or y must not print as empty boxes.
        let fonts = fonts().expect("embedded fonts parse");
        for c in ['ŵ', 'ŷ', 'Ŵ', 'Ŷ', '£', 'ô', '–', '’', '…'] {
            for face in [&fonts.regular, &fonts.bold] {
                assert_ne!(face.glyph(c), 0, "{c} missing");
                assert_eq!(face.glyph(c), face.glyph_from_cmap(c), "{c} table");
            }
        }
        assert_eq!(fonts.regular.glyph('\u{E000}'), 0, "private use: .notdef");
    }

    #[test]
    fn widths_scale_with_size_and_bold_is_wider() {
        // Wrapping relies on these being real measurements, not a fixed guess per character.
        let fonts = fonts().unwrap();
        let w10 = fonts.regular.width("Cyngor Sir Ynys Môn", 10.0);
        let w20 = fonts.regular.width("Cyngor Sir Ynys Môn", 20.0);
        assert!((w20 - 2.0 * w10).abs() < 0.01);
        assert!(fonts.regular.width("iiii", 10.0) < fonts.regular.width("WWWW", 10.0));
        assert!(fonts.bold.width("Promotion", 10.0) > fonts.regular.width("Promotion", 10.0));
    }
}
