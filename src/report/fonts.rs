//! The report's typeface, Lato 2.0 (SIL Open Font License; `assets/fonts/OFL.txt`), embedded in
//! the binary so a PDF looks the same on every machine, and measured with the font's own glyph
//! advances so wrapped lines fit exactly. Lato covers Latin Extended-A, so Welsh names
//! (ŵ, ŷ, Ŵ, Ŷ) and £ print as written.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

use crate::Error;

const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/Lato-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/Lato-Bold.ttf");

/// Characters below this are measured from a table built once; rarer ones go to the cmap.
/// U+0250 covers Latin-1 and Latin Extended-A/B, i.e. nearly all text a UK council writes.
const TABLE_LEN: usize = 0x250;

/// One face of the typeface, with advances ready for measuring.
pub struct Face {
    pub parsed: ParsedFont,
    /// Fixed resource name. printpdf derives the subset tag ("YSREGU+") from its first six
    /// letters, and random ids would make every export differ byte for byte.
    pub id: FontId,
    /// Advance per character in thousandths of an em, for the common range.
    table: Vec<f32>,
    units_per_em: f32,
}

impl Face {
    fn load(bytes: &[u8], id: &str) -> Result<Face, String> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or_else(|| format!("the embedded font {id} could not be read"))?;
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        let mut face = Face {
            parsed,
            id: FontId(id.to_string()),
            table: Vec::new(),
            units_per_em,
        };
        face.table = (0..TABLE_LEN as u32)
            .map(|cp| char::from_u32(cp).map_or(0.0, |c| face.advance_from_cmap(c)))
            .collect();
        Ok(face)
    }

    fn advance_from_cmap(&self, c: char) -> f32 {
        // Characters the font lacks print as its .notdef glyph (gid 0), so measure that.
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        f32::from(self.parsed.get_horizontal_advance(gid)) * 1000.0 / self.units_per_em
    }

    /// Advance of one character in thousandths of an em.
    pub fn advance(&self, c: char) -> f32 {
        match self.table.get(c as usize) {
            Some(&w) => w,
            None => self.advance_from_cmap(c),
        }
    }

    /// Width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size / 1000.0
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

/// The two faces, parsed on first use and shared afterwards: parsing costs more than laying
/// out a whole report, and the result never changes. The faces are parsed side by side, as
/// a one-off `yardstick report` process pays for this on every run.
pub fn fonts() -> Result<&'static Fonts, Error> {
    FONTS
        .get_or_init(|| {
            let (regular, bold) = std::thread::scope(|scope| {
                let bold = scope.spawn(|| Face::load(BOLD_TTF, "YSBOLD"));
                let regular = Face::load(REGULAR_TTF, "YSREGU");
                let bold = bold
                    .join()
                    .unwrap_or_else(|_| Err("the bold face could not be read".to_string()));
                (regular, bold)
            });
            Ok(Fonts {
                regular: regular?,
                bold: bold?,
            })
        })
        .as_ref()
        .map_err(|message| Error::Internal(format!("The PDF could not be made: {message}.")))
}

/// Starts parsing the faces in the background, so a caller that is about to render can
/// read the database meanwhile. Rendering waits for the parse if it is still running.
pub fn prepare() {
    if FONTS.get().is_none() {
        std::thread::spawn(|| {
            let _ = fonts();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_welsh_and_pound() {
        // A council name with a circumflexed w or y must not print as empty boxes.
        let fonts = fonts().expect("embedded fonts parse");
        for c in ['ŵ', 'ŷ', 'Ŵ', 'Ŷ', '£', 'ô', '–', '’'] {
            for face in [&fonts.regular, &fonts.bold] {
                assert!(
                    face.parsed.lookup_glyph_index(c as u32).is_some(),
                    "{c} missing"
                );
            }
        }
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
