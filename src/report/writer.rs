//! A small PDF file writer: each object is serialised to bytes the moment it is made, streams
//! are deflated as they are added, and the file is the objects in order with a classic
//! cross-reference table. A report has a few thousand small objects (mostly structure
//! elements); building them as a general object model and writing that out afterwards cost
//! more than laying out the report.

use std::io::Write;

use flate2::{Compress, Compression, FlushCompress};

use crate::Error;

/// An indirect object's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref(u32);

pub struct PdfWriter {
    /// Each object's serialised body, by number less one; None while only reserved.
    objects: Vec<Option<Vec<u8>>>,
    /// One compressor for every stream: setting one up costs more than deflating a page.
    deflate: Compress,
}

impl PdfWriter {
    pub fn new() -> PdfWriter {
        PdfWriter {
            objects: Vec::new(),
            // The fastest level costs a tenth of the best for a file about a sixth larger.
            deflate: Compress::new(Compression::fast(), true),
        }
    }

    /// A number for an object written later, so others can point at it first.
    pub fn reserve(&mut self) -> Ref {
        self.objects.push(None);
        Ref(self.objects.len() as u32)
    }

    pub fn set(&mut self, at: Ref, body: Vec<u8>) {
        self.objects[at.0 as usize - 1] = Some(body);
    }

    pub fn add(&mut self, body: Vec<u8>) -> Ref {
        self.objects.push(Some(body));
        Ref(self.objects.len() as u32)
    }

    /// A stream with `dict`'s entries, deflated when that makes it smaller.
    pub fn add_stream(&mut self, dict: Dict, content: &[u8]) -> Result<Ref, Error> {
        let at = self.reserve();
        self.set_stream(at, dict, content)?;
        Ok(at)
    }

    pub fn set_stream(&mut self, at: Ref, mut dict: Dict, content: &[u8]) -> Result<(), Error> {
        let deflated = self.deflate(content)?;
        let data = if deflated.len() < content.len() {
            dict.name("Filter", "FlateDecode");
            &deflated[..]
        } else {
            content
        };
        self.set_uncompressed(at, dict, data);
        Ok(())
    }

    /// A stream stored as it is: for XMP metadata, which tools read without a PDF library.
    pub fn set_uncompressed(&mut self, at: Ref, mut dict: Dict, data: &[u8]) {
        dict.integer("Length", data.len() as i64);
        let mut body = dict.finish();
        body.reserve(data.len() + 20);
        body.extend_from_slice(b"\nstream\n");
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.set(at, body);
    }

    fn deflate(&mut self, content: &[u8]) -> Result<Vec<u8>, Error> {
        self.deflate.reset();
        let mut out = Vec::with_capacity(content.len() / 2 + 64);
        loop {
            let read = self.deflate.total_in() as usize;
            let status = self
                .deflate
                .compress_vec(&content[read..], &mut out, FlushCompress::Finish)
                .map_err(|e| Error::Internal(format!("The PDF could not be compressed: {e}.")))?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(64));
        }
    }

    /// The whole file: header, objects, cross-reference table and trailer.
    pub fn finish(self, root: Ref, info: Ref, file_id: &[u8; 16]) -> Result<Vec<u8>, Error> {
        let size: usize = self.objects.iter().flatten().map(|o| o.len() + 24).sum();
        let mut out = Vec::with_capacity(size + 20 * self.objects.len() + 256);
        // The comment's bytes above 127 tell transfer tools the file is binary.
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            let body = body.as_ref().ok_or_else(|| {
                Error::Internal(format!(
                    "The PDF could not be written: object {} was never made.",
                    i + 1
                ))
            })?;
            offsets.push(out.len());
            integer(&mut out, i as i64 + 1);
            out.extend_from_slice(b" 0 obj\n");
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref_at = out.len();
        let count = self.objects.len() + 1;
        // Each entry is exactly 20 bytes, as the cross-reference table requires.
        write!(out, "xref\n0 {count}\n0000000000 65535 f\r\n")
            .and_then(|()| {
                offsets
                    .iter()
                    .try_for_each(|offset| write!(out, "{offset:010} 00000 n\r\n"))
            })
            .map_err(|e| Error::Internal(format!("The PDF could not be written: {e}.")))?;
        let mut trailer = Dict::new();
        trailer.integer("Size", count as i64);
        trailer.reference("Root", root);
        trailer.reference("Info", info);
        let mut id = Vec::with_capacity(70);
        id.push(b'[');
        for _ in 0..2 {
            hex_string(&mut id, file_id);
        }
        id.push(b']');
        trailer.raw("ID", &id);
        out.extend_from_slice(b"trailer\n");
        out.extend_from_slice(&trailer.finish());
        out.extend_from_slice(b"\nstartxref\n");
        integer(&mut out, xref_at as i64);
        out.extend_from_slice(b"\n%%EOF\n");
        Ok(out)
    }
}

/// A dictionary written as its entries are added.
pub struct Dict {
    out: Vec<u8>,
}

impl Dict {
    pub fn new() -> Dict {
        let mut out = Vec::with_capacity(96);
        out.extend_from_slice(b"<<");
        Dict { out }
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        self.out.push(b'/');
        self.out.extend_from_slice(key.as_bytes());
        self.out.push(b' ');
        &mut self.out
    }

    pub fn name(&mut self, key: &str, value: &str) -> &mut Dict {
        name(self.key(key), value);
        self
    }

    pub fn integer(&mut self, key: &str, value: i64) -> &mut Dict {
        integer(self.key(key), value);
        self
    }

    pub fn reference(&mut self, key: &str, value: Ref) -> &mut Dict {
        reference(self.key(key), value);
        self
    }

    pub fn text(&mut self, key: &str, value: &str) -> &mut Dict {
        text_string(self.key(key), value);
        self
    }

    /// An ASCII string, as written (dates, language tags).
    pub fn ascii(&mut self, key: &str, value: &str) -> &mut Dict {
        literal(self.key(key), value.as_bytes());
        self
    }

    /// A value already written in PDF syntax: an array, a nested dictionary.
    pub fn raw(&mut self, key: &str, value: &[u8]) -> &mut Dict {
        self.key(key).extend_from_slice(value);
        self
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.out.extend_from_slice(b">>");
        self.out
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

pub fn name(out: &mut Vec<u8>, value: &str) {
    out.push(b'/');
    for &byte in value.as_bytes() {
        // Delimiters, spaces and bytes outside printable ASCII are written as #xx.
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            out.push(b'#');
            hex_byte(out, byte);
        } else {
            out.push(byte);
        }
    }
}

pub fn integer(out: &mut Vec<u8>, value: i64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if value < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

/// `value` to the hundredth, without trailing zeros: far finer than any printer or screen.
pub fn real(out: &mut Vec<u8>, value: f32) {
    fixed(out, value, 100);
}

/// `value` rounded to 1/`scale` (a power of ten), without trailing zeros.
pub fn fixed(out: &mut Vec<u8>, value: f32, scale: u32) {
    let scaled = (f64::from(value) * f64::from(scale)).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let magnitude = scaled.unsigned_abs();
    let scale = u64::from(scale);
    integer(out, (magnitude / scale) as i64);
    let mut fraction = magnitude % scale;
    if fraction == 0 {
        return;
    }
    out.push(b'.');
    let mut digit = scale / 10;
    while fraction > 0 {
        out.push(b'0' + (fraction / digit) as u8);
        fraction %= digit;
        digit /= 10;
    }
}

pub fn reference(out: &mut Vec<u8>, value: Ref) {
    integer(out, i64::from(value.0));
    out.extend_from_slice(b" 0 R");
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with a byte-order mark, so
/// Welsh and other non-ASCII letters show correctly in every viewer's outline, properties
/// and screen reader.
pub fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.is_ascii() {
        literal(out, text.as_bytes());
        return;
    }
    let mut bytes = Vec::with_capacity(2 + 2 * text.len());
    bytes.extend_from_slice(&[0xFE, 0xFF]);
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    literal(out, &bytes);
}

/// A literal string, with the bytes that would end or confuse it escaped.
fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

pub fn hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for &byte in bytes {
        hex_byte(out, byte);
    }
    out.push(b'>');
}

pub fn hex_byte(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(HEX[usize::from(byte >> 4)]);
    out.push(HEX[usize::from(byte & 0xF)]);
}

/// An array written from its items.
pub fn array<T>(
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut Vec<u8>, T),
) -> Vec<u8> {
    let mut out = vec![b'['];
    for (i, value) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        item(&mut out, value);
    }
    out.push(b']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Vec<u8> {
        let mut out = Vec::new();
        text_string(&mut out, value);
        out
    }

    fn numbers(value: f32, scale: u32) -> String {
        let mut out = Vec::new();
        fixed(&mut out, value, scale);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_the_hundredth() {
        assert_eq!(numbers(0.0, 100), "0");
        assert_eq!(numbers(12.0, 100), "12");
        assert_eq!(numbers(12.5, 100), "12.5");
        assert_eq!(numbers(56.7, 100), "56.7");
        assert_eq!(numbers(841.89, 100), "841.89");
        assert_eq!(numbers(0.05, 100), "0.05");
        assert_eq!(numbers(-3.5, 100), "-3.5");
        assert_eq!(numbers(-0.004, 100), "0");
        assert_eq!(numbers(29.0 / 255.0, 1000), "0.114");
        assert_eq!(numbers(1.0, 1000), "1");
    }

    #[test]
    fn strings_escape_what_would_end_them_and_keep_welsh() {
        assert_eq!(text("Plan (draft) \\ 1"), b"(Plan \\(draft\\) \\\\ 1)");
        assert_eq!(
            text("Môn"),
            b"(\xFE\xFF\x00M\x00\xF4\x00n)",
            "UTF-16BE with a byte-order mark"
        );
        // U+010D is 01 0D in UTF-16: the 0D byte must not be read as a line end.
        assert_eq!(text("č"), b"(\xFE\xFF\x01\\r)");
        let mut out = Vec::new();
        name(&mut out, "A b#");
        assert_eq!(out, b"/A#20b#23");
    }

    #[test]
    fn a_file_has_every_object_at_its_cross_referenced_offset() {
        let mut pdf = PdfWriter::new();
        let later = pdf.reserve();
        let info = pdf.add(b"<</Title (T)>>".to_vec());
        let mut root = Dict::new();
        root.name("Type", "Catalog").reference("Pages", later);
        let root = pdf.add(root.finish());
        pdf.add_stream(Dict::new(), &[b'x'; 400]).unwrap();
        pdf.set(later, b"<</Type /Pages /Kids [] /Count 0>>".to_vec());
        let bytes = pdf.finish(root, info, &[7; 16]).unwrap();
        // Offsets count bytes, and the header has bytes above 127: search the bytes.
        let find = |needle: &[u8]| bytes.windows(needle.len()).position(|w| w == needle);
        let xref = find(b"xref\n0 5\n").expect("table for four objects");
        let entries = &bytes[xref + 9 + 20..xref + 9 + 5 * 20];
        for (i, entry) in entries.chunks(20).enumerate() {
            let offset: usize = std::str::from_utf8(&entry[..10]).unwrap().parse().unwrap();
            assert!(
                bytes[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()),
                "entry {i}"
            );
        }
        assert!(
            find(b"/Filter /FlateDecode").is_some(),
            "a repetitive stream is deflated"
        );
        assert!(bytes.ends_with(format!("startxref\n{xref}\n%%EOF\n").as_bytes()));
        let id = b"/ID [<07070707070707070707070707070707><07070707070707070707070707070707>]";
        assert!(find(id).is_some());
    }
}
