//! Embeds the glyphs a report uses, and only those, as a Type 0 font with a TrueType subset:
//! a report carries tens of kilobytes of Lato instead of 1.3 MB. Glyphs are numbered in the
//! subset in the order they are first drawn, so the page content can be written in one pass;
//! a ToUnicode map gives every glyph its character back, for copying, searching and screen
//! readers.

use ttf_parser::Tag;

use super::fonts::Face;
use super::writer::{array, fixed, integer, reference, Dict, PdfWriter, Ref};
use crate::Error;

/// The glyphs of one face that a report uses, in subset order.
pub struct Subset<'f> {
    face: &'f Face,
    /// For each glyph of the face, its id in the subset; 0 while unused (and for .notdef).
    new_ids: Vec<u16>,
    /// For each glyph of the subset, its id in the face. The first is .notdef.
    originals: Vec<u16>,
    /// For each glyph of the subset, the character it was first drawn for; None for .notdef
    /// and for glyphs used only as parts of accented letters.
    chars: Vec<Option<char>>,
}

impl<'f> Subset<'f> {
    pub fn new(face: &'f Face) -> Subset<'f> {
        Subset {
            face,
            new_ids: vec![0; usize::from(face.font.number_of_glyphs())],
            originals: vec![0],
            chars: vec![None],
        }
    }

    /// The subset's id for the glyph that draws `c`, taking it in on first use.
    pub fn encode(&mut self, c: char) -> u16 {
        let original = self.face.glyph(c);
        self.take(original, Some(c))
    }

    fn take(&mut self, original: u16, c: Option<char>) -> u16 {
        let Some(&id) = self.new_ids.get(usize::from(original)) else {
            return 0;
        };
        if original == 0 || id != 0 {
            return id;
        }
        // A face has at most 65,535 glyphs, so the subset's ids cannot overflow.
        let id = self.originals.len() as u16;
        self.new_ids[usize::from(original)] = id;
        self.originals.push(original);
        self.chars.push(c);
        id
    }

    /// Writes the Type 0 font as object `at`, with its descendant font, descriptor, font
    /// file and ToUnicode map.
    pub fn write(mut self, pdf: &mut PdfWriter, at: Ref) -> Result<(), Error> {
        let font_file = self.font_file().map_err(|problem| {
            Error::Internal(format!(
                "The PDF could not be made: the font {} {problem}.",
                self.face.name
            ))
        })?;
        let face = self.face;
        let base_font = format!("{}+{}", face.subset_tag, face.name);
        let mut file = Dict::new();
        file.integer("Length1", font_file.len() as i64);
        let file = pdf.add_stream(file, &font_file)?;

        let rect = face.font.global_bounding_box();
        let thousandths = |v: i16| face.to_thousandths(v);
        let mut descriptor = Dict::new();
        descriptor
            .name("Type", "FontDescriptor")
            .name("FontName", &base_font)
            // Non-symbolic: the glyphs are Latin text.
            .integer("Flags", 32)
            .raw(
                "FontBBox",
                &array(
                    [rect.x_min, rect.y_min, rect.x_max, rect.y_max],
                    |out, v| integer(out, thousandths(v)),
                ),
            )
            .integer("ItalicAngle", 0)
            // The line metrics (hhea), which viewers use for selection and highlight boxes.
            .integer("Ascent", thousandths(line_metric(face, 4)?))
            .integer("Descent", thousandths(line_metric(face, 6)?))
            .integer(
                "CapHeight",
                thousandths(face.font.capital_height().unwrap_or(face.font.ascender())),
            )
            // The stem width matters only to a viewer that substitutes a font; the font is
            // always embedded, so a typical value for each weight is enough.
            .integer("StemV", if face.bold { 140 } else { 80 })
            .reference("FontFile2", file);
        let descriptor = pdf.add(descriptor.finish());

        // Lato's 2,000 units to the em give half-thousandths: written exactly, so a viewer
        // places each glyph where the layout measured it.
        let widths = array(&self.originals, |out, &g| {
            fixed(out, face.glyph_advance(g), 10)
        });
        let mut widths_entry = b"[0 ".to_vec();
        widths_entry.extend(widths);
        widths_entry.push(b']');
        let mut descendant = Dict::new();
        descendant
            .name("Type", "Font")
            .name("Subtype", "CIDFontType2")
            .name("BaseFont", &base_font)
            .raw(
                "CIDSystemInfo",
                b"<</Registry (Adobe) /Ordering (Identity) /Supplement 0>>",
            )
            .reference("FontDescriptor", descriptor)
            .raw("W", &widths_entry)
            .name("CIDToGIDMap", "Identity");
        let descendant = pdf.add(descendant.finish());
        let to_unicode = pdf.add_stream(Dict::new(), &self.to_unicode())?;
        let mut font = Dict::new();
        font.name("Type", "Font")
            .name("Subtype", "Type0")
            .name("BaseFont", &base_font)
            .name("Encoding", "Identity-H")
            .raw("DescendantFonts", &array([descendant], reference))
            .reference("ToUnicode", to_unicode);
        pdf.set(at, font.finish());
        Ok(())
    }

    /// The CMap from subset glyph ids to the characters they were drawn for.
    fn to_unicode(&self) -> Vec<u8> {
        let mapped: Vec<(usize, char)> = self
            .chars
            .iter()
            .enumerate()
            .filter_map(|(id, c)| c.map(|c| (id, c)))
            .collect();
        let mut out = Vec::with_capacity(400 + mapped.len() * 24);
        out.extend_from_slice(
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
              /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
              /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
              1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        // A CMap allows at most 100 entries per block.
        for block in mapped.chunks(100) {
            out.extend_from_slice(format!("{} beginbfchar\n", block.len()).as_bytes());
            for &(id, c) in block {
                out.extend_from_slice(format!("<{id:04X}> <").as_bytes());
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.extend_from_slice(format!("{unit:04X}").as_bytes());
                }
                out.extend_from_slice(b">\n");
            }
            out.extend_from_slice(b"endbfchar\n");
        }
        out.extend_from_slice(
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
        );
        out
    }

    /// A TrueType font holding the subset's glyphs under their subset ids, with the tables a
    /// PDF viewer needs to draw them (outlines, metrics and the hinting programs).
    fn font_file(&mut self) -> Result<Vec<u8>, String> {
        let face = self.face;
        let table = |tag: &[u8; 4]| {
            face.font
                .raw_face()
                .table(Tag::from_bytes(tag))
                .ok_or_else(|| format!("has no {} table", String::from_utf8_lossy(tag)))
        };
        let (head, hhea, maxp, hmtx, loca, glyf) = (
            table(b"head")?,
            table(b"hhea")?,
            table(b"maxp")?,
            table(b"hmtx")?,
            table(b"loca")?,
            table(b"glyf")?,
        );
        let long_offsets = read_u16(head, 50)? == 1;
        let glyph_range = |g: u16| -> Result<&[u8], String> {
            let g = usize::from(g);
            let (start, end) = if long_offsets {
                (read_u32(loca, 4 * g)?, read_u32(loca, 4 * g + 4)?)
            } else {
                (
                    2 * u32::from(read_u16(loca, 2 * g)?),
                    2 * u32::from(read_u16(loca, 2 * g + 2)?),
                )
            };
            glyf.get(start as usize..end as usize)
                .ok_or_else(|| format!("has a glyph {g} outside its glyf table"))
        };

        // Accented letters are often drawn from other glyphs, which must come along; they
        // are taken in as they are met, so this walks a list that grows.
        let mut new_glyf = Vec::new();
        let mut new_loca = Vec::with_capacity(4 * (self.originals.len() + 1));
        let mut next = 0;
        while next < self.originals.len() {
            let mut glyph = glyph_range(self.originals[next])?.to_vec();
            if glyph.len() >= 10 && i16::from_be_bytes([glyph[0], glyph[1]]) < 0 {
                self.renumber_components(&mut glyph)?;
            }
            new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
            new_glyf.extend_from_slice(&glyph);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
            next += 1;
        }
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let count = self.originals.len() as u16;

        let metrics = usize::from(read_u16(hhea, 34)?.max(1));
        let mut new_hmtx = Vec::with_capacity(4 * self.originals.len());
        for &g in &self.originals {
            let g = usize::from(g);
            let advance = read_u16(hmtx, 4 * g.min(metrics - 1))?;
            let side_bearing = if g < metrics {
                read_u16(hmtx, 4 * g + 2)?
            } else {
                read_u16(hmtx, 4 * metrics + 2 * (g - metrics))?
            };
            new_hmtx.extend_from_slice(&advance.to_be_bytes());
            new_hmtx.extend_from_slice(&side_bearing.to_be_bytes());
        }
        let mut new_head = head.to_vec();
        put_u32(&mut new_head, 8, 0)?;
        put_u16(&mut new_head, 50, 1)?;
        let mut new_hhea = hhea.to_vec();
        put_u16(&mut new_hhea, 34, count)?;
        let mut new_maxp = maxp.to_vec();
        put_u16(&mut new_maxp, 4, count)?;

        let mut tables: Vec<([u8; 4], Vec<u8>)> = vec![
            (*b"glyf", new_glyf),
            (*b"head", new_head),
            (*b"hhea", new_hhea),
            (*b"hmtx", new_hmtx),
            (*b"loca", new_loca),
            (*b"maxp", new_maxp),
        ];
        // The hinting programs keep small text crisp on screen; they refer to no glyph ids.
        for tag in [b"cvt ", b"fpgm", b"prep"] {
            if let Ok(data) = table(tag) {
                tables.push((*tag, data.to_vec()));
            }
        }
        tables.sort_by_key(|table| table.0);
        let mut font = sfnt(&tables);
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        let head_at = table_offset(&font, b"head").ok_or("lost its head table")?;
        put_u32(&mut font, head_at + 8, adjustment)?;
        Ok(font)
    }

    /// Points each component of a composite glyph at the component's subset id.
    fn renumber_components(&mut self, glyph: &mut [u8]) -> Result<(), String> {
        const ARGS_ARE_WORDS: u16 = 0x0001;
        const HAS_SCALE: u16 = 0x0008;
        const MORE_COMPONENTS: u16 = 0x0020;
        const HAS_X_AND_Y_SCALE: u16 = 0x0040;
        const HAS_TWO_BY_TWO: u16 = 0x0080;
        let mut at = 10;
        loop {
            let flags = read_u16(glyph, at)?;
            let component = read_u16(glyph, at + 2)?;
            let id = self.take(component, None);
            put_u16(glyph, at + 2, id)?;
            at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
            at += if flags & HAS_SCALE != 0 {
                2
            } else if flags & HAS_X_AND_Y_SCALE != 0 {
                4
            } else if flags & HAS_TWO_BY_TWO != 0 {
                8
            } else {
                0
            };
            if flags & MORE_COMPONENTS == 0 {
                return Ok(());
            }
        }
    }
}

/// A signed value from the face's hhea table (4: ascender, 6: descender).
fn line_metric(face: &Face, at: usize) -> Result<i16, Error> {
    face.font
        .raw_face()
        .table(Tag::from_bytes(b"hhea"))
        .and_then(|hhea| hhea.get(at..at + 2))
        .map(|b| i16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| Error::Internal(format!("The font {} has no line metrics.", face.name)))
}

/// An OpenType file of `tables`, sorted by tag, each padded to four bytes.
fn sfnt(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.max(1).leading_zeros());
    let search_range = power * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&(count * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn table_offset(font: &[u8], tag: &[u8; 4]) -> Option<usize> {
    let count = usize::from(u16::from_be_bytes([*font.get(4)?, *font.get(5)?]));
    (0..count).find_map(|i| {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        (&record[..4] == tag)
            .then(|| u32::from_be_bytes([record[8], record[9], record[10], record[11]]) as usize)
    })
}

fn read_u16(data: &[u8], at: usize) -> Result<u16, String> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("is cut short (no two bytes at {at})"))
}

fn read_u32(data: &[u8], at: usize) -> Result<u32, String> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| format!("is cut short (no four bytes at {at})"))
}

fn put_u16(data: &mut [u8], at: usize, value: u16) -> Result<(), String> {
    data.get_mut(at..at + 2)
        .ok_or_else(|| format!("is cut short (no two bytes at {at})"))?
        .copy_from_slice(&value.to_be_bytes());
    Ok(())
}

fn put_u32(data: &mut [u8], at: usize, value: u32) -> Result<(), String> {
    data.get_mut(at..at + 4)
        .ok_or_else(|| format!("is cut short (no four bytes at {at})"))?
        .copy_from_slice(&value.to_be_bytes());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fonts::fonts;
    use super::*;

    #[test]
    fn a_subset_is_a_valid_font_with_the_glyphs_in_first_use_order() {
        let face = &fonts().unwrap().regular;
        let mut subset = Subset::new(face);
        let ids: Vec<u16> = "Môn ŵ Môn".chars().map(|c| subset.encode(c)).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 4, 1, 2, 3]);
        assert_eq!(
            subset.encode('\u{E000}'),
            0,
            "a missing character is .notdef"
        );
        let drawn = subset.originals.clone();
        let file = subset.font_file().unwrap();

        let parsed = ttf_parser::Face::parse(&file, 0).expect("the subset parses");
        assert!(parsed.number_of_glyphs() >= drawn.len() as u16);
        for (id, &original) in drawn.iter().enumerate() {
            let id = ttf_parser::GlyphId(id as u16);
            let original = ttf_parser::GlyphId(original);
            assert_eq!(
                parsed.glyph_hor_advance(id),
                face.font.glyph_hor_advance(original)
            );
            assert_eq!(
                parsed.glyph_bounding_box(id),
                face.font.glyph_bounding_box(original),
                "outline of {original:?}, including accents drawn from other glyphs"
            );
        }
        assert_eq!(checksum(&file), 0xB1B0_AFBA, "whole-font checksum");
    }

    #[test]
    fn to_unicode_maps_every_drawn_glyph_back_to_its_character() {
        let face = &fonts().unwrap().bold;
        let mut subset = Subset::new(face);
        for c in "A£ŵ".chars() {
            subset.encode(c);
        }
        let cmap = String::from_utf8(subset.to_unicode()).unwrap();
        assert!(cmap.contains("3 beginbfchar\n<0001> <0041>\n<0002> <00A3>\n<0003> <0175>\n"));
    }
}
