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

// Encoded by build.rs when the app is built.
const REGULAR_BASE64: &str = include_str!(concat!(
    env!("OUT_DIR"),
    "/YardstickSans-Regular.woff2.base64"
));
const BOLD_BASE64: &str =
    include_str!(concat!(env!("OUT_DIR"), "/YardstickSans-Bold.woff2.base64"));

/// Each weight and its file as base64.
const FACES: [(&str, &str); 2] = [("400", REGULAR_BASE64), ("700", BOLD_BASE64)];

/// The script that registers both weights. A font made from bytes is ready at once, so the
/// first frame is drawn in it. If the web view cannot read it, the page falls back to the
/// rest of the stack: the same design, found the slow way.
pub fn initialization_script() -> String {
    let faces: Vec<String> = FACES
        .iter()
        .map(|(weight, data)| format!("[\"{weight}\", \"{data}\"]"))
        .collect();
    format!(
        "(() => {{ try {{ \
           const decode = (data) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(data) : Uint8Array.from(atob(data), (c) => c.charCodeAt(0)); \
           for (const [weight, data] of [{faces}]) document.fonts.add(new FontFace(\"{FAMILY}\", decode(data), {{ weight }})); \
         }} catch (error) {{ console.warn(\"Yardstick Sans could not be registered; using the system font\", error); }} }})();",
        faces = faces.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;

    /// Both weights go in whole, as WOFF2 files, under the family the stylesheet names.
    #[test]
    fn the_script_registers_both_weights_of_the_family() {
        let script = initialization_script();
        for (weight, bytes) in [
            (
                "400",
                include_bytes!("../../assets/fonts/YardstickSans-Regular.woff2").as_slice(),
            ),
            (
                "700",
                include_bytes!("../../assets/fonts/YardstickSans-Bold.woff2").as_slice(),
            ),
        ] {
            assert_eq!(&bytes[..4], b"wOF2", "weight {weight} is a WOFF2 file");
            let data = STANDARD.encode(bytes);
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
