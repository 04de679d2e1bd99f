//! The Linux window's typeface, handed to the page as bytes before it is parsed.
//!
//! WebKitGTK finds each system font through fontconfig, once for every new size and weight of
//! text, and on the first screen that search cost more than drawing the page (issue #14:
//! start-up near a bare window). A font the page registers from bytes needs no search. So on
//! Linux the window gets a script, run before the page's own, that registers Yardstick Sans
//! (Liberation Sans 2.1.5, subset and renamed: `scripts/make-ui-fonts.py`), and the page's
//! Linux font stack names it first (`ui/src/styles/app.scss`). The same letters as before:
//! the system's Liberation Sans is next in the stack and draws any character the subset
//! lacks. Windows and macOS keep their own system font, which their web views find quickly.

/// The family name the page's Linux font stack starts with.
pub const FAMILY: &str = "Yardstick Sans";

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/YardstickSans-Regular.woff2");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/YardstickSans-Bold.woff2");

// Encoded when the app is compiled: encoding them at start-up cost the (unoptimised) debug
// build 4 ms in front of the window.
static REGULAR_BASE64: [u8; base64_len(REGULAR)] = base64(REGULAR);
static BOLD_BASE64: [u8; base64_len(BOLD)] = base64(BOLD);

/// Each weight and its file as base64.
static FACES: [(&str, &[u8]); 2] = [("400", &REGULAR_BASE64), ("700", &BOLD_BASE64)];

/// The script that registers both weights. A font made from bytes is ready at once, so the
/// first frame is drawn in it. If the web view cannot read it, the page falls back to the
/// rest of the stack: the same design, found the slow way.
pub fn initialization_script() -> String {
    let faces: Vec<String> = FACES
        .iter()
        .map(|(weight, data)| {
            // Base64 is ASCII by construction.
            let data = std::str::from_utf8(data).unwrap_or_default();
            format!("[\"{weight}\", \"{data}\"]")
        })
        .collect();
    format!(
        "(() => {{ try {{ \
           const decode = (data) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0)); \
           for (const [weight, data] of [{faces}]) document.fonts.add(new FontFace(\"{FAMILY}\", decode(data), {{ weight }})); \
         }} catch (error) {{ console.warn(\"Yardstick Sans could not be registered; using the system font\", error); }} }})();",
        faces = faces.join(", ")
    )
}

const fn base64_len(bytes: &[u8]) -> usize {
    bytes.len().div_ceil(3) * 4
}

/// Standard base64 (RFC 4648, with padding), which `atob` and `Uint8Array.fromBase64` read.
/// `N` is `base64_len(bytes)`.
const fn base64<const N: usize>(bytes: &[u8]) -> [u8; N] {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = [b'='; N];
    let mut start = 0;
    while start < bytes.len() {
        let taken = if bytes.len() - start < 3 {
            bytes.len() - start
        } else {
            3
        };
        let mut group = 0u32;
        let mut i = 0;
        while i < taken {
            group |= (bytes[start + i] as u32) << (16 - 8 * i);
            i += 1;
        }
        let mut digit = 0;
        while digit <= taken {
            text[start / 3 * 4 + digit] = ALPHABET[(group >> (18 - 6 * digit) & 63) as usize];
            digit += 1;
        }
        start += 3;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        fn encode(bytes: &[u8]) -> String {
            // The widest vector below; the unused tail is cut off.
            let text: [u8; 8] = base64(bytes);
            String::from_utf8(text[..base64_len(bytes)].to_vec()).unwrap()
        }
        for (bytes, text) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(bytes.as_bytes()), text);
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    /// Both weights go in whole, as WOFF2 files, under the family the stylesheet names.
    #[test]
    fn the_script_registers_both_weights_of_the_family() {
        let script = initialization_script();
        for (weight, bytes) in [("400", REGULAR), ("700", BOLD)] {
            assert_eq!(&bytes[..4], b"wOF2", "weight {weight} is a WOFF2 file");
            let data: Vec<u8> = base64::<{ 80 * 1024 }>(bytes)[..base64_len(bytes)].to_vec();
            let data = String::from_utf8(data).unwrap();
            assert!(script.contains(&format!("[\"{weight}\", \"{data}\"]")));
        }
        assert!(script.contains("new FontFace(\"Yardstick Sans\""));
        let stylesheet = include_str!("../../ui/src/styles/app.scss");
        assert!(
            stylesheet.contains(&format!("\"{FAMILY}\", \"Liberation Sans\"")),
            "app.scss names {FAMILY} first on Linux, then the system's Liberation Sans"
        );
    }
}
