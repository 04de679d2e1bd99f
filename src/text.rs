//! Text hygiene shared by every part of the core: how much of a value a message may quote,
//! which characters a single-line field may hold, and how stored text is made safe to print
//! on a terminal. Imported files and restored databases can hold anything, so text from them
//! is quoted short and printed without the control characters that move a cursor, clear a
//! screen or retitle a window.

use crate::{Error, Result};

/// The most characters of a value that a message quotes; enough to recognise it.
pub const QUOTED_CHARS: usize = 60;

/// `cell` as a spreadsheet cell that no spreadsheet runs as a formula: text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe. Every CSV and
/// workbook Yardstick writes passes its text through here, so someone else's rationale such
/// as `=HYPERLINK(...)` stays text when the file is opened.
pub fn formula_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `value` cut to [`QUOTED_CHARS`] characters (with "…" when cut), control characters shown
/// as escapes, for quoting inside a message.
pub fn quoted(value: &str) -> String {
    let mut out = String::new();
    for (count, ch) in value.chars().enumerate() {
        if count == QUOTED_CHARS {
            out.push('…');
            break;
        }
        if ch.is_control() {
            out.extend(ch.escape_default());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Refuses control characters (NUL, escape, line breaks, tabs…) in a field that is one line
/// on screen and in the report: a name, a title, a link.
pub fn single_line(field: &str, value: &str) -> Result<()> {
    if let Some(ch) = value.chars().find(|c| c.is_control()) {
        return Err(Error::InvalidInput(format!(
            "The {field} contains a control character ({}); it must be one line of ordinary text. Retype it without line breaks or special characters.",
            ch.escape_default()
        )));
    }
    Ok(())
}

/// Refuses NUL in a field that may span lines (a rationale, a note): it ends text early in
/// other programs and is never typed on purpose.
pub fn no_nul(field: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(Error::InvalidInput(format!(
            "The {field} contains a NUL character, which cannot be stored. Retype or paste it again as plain text."
        )));
    }
    Ok(())
}

/// `value` without the control characters a terminal would act on. Line breaks and tabs are
/// kept only where `multi_line` allows them, so a one-line field stays on one line.
pub fn for_terminal(value: &str, multi_line: bool) -> String {
    value
        .chars()
        .filter(|&c| !c.is_control() || (multi_line && (c == '\n' || c == '\t')))
        .collect()
}

/// "Outcome" from "outcome", for the start of a sentence.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_value_is_short_and_shows_control_characters_as_escapes() {
        let long = "x".repeat(10_000);
        // A 40 MB field once gave a 40 MB message.
        assert_eq!(quoted(&long).chars().count(), QUOTED_CHARS + 1);
        assert_eq!(quoted("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    }

    #[test]
    fn terminal_text_loses_escape_sequences_but_keeps_its_words() {
        // ESC would let an imported name clear the screen or fake output.
        assert_eq!(
            for_terminal("Evil\u{1b}]0;title\u{7}Council", false),
            "Evil]0;titleCouncil"
        );
        assert_eq!(for_terminal("a\nb", true), "a\nb");
        assert_eq!(for_terminal("a\nb", false), "ab");
    }

    #[test]
    fn single_line_fields_refuse_control_characters_and_nul() {
        assert!(single_line("name", "Testshire County Council").is_ok());
        assert!(single_line("name", "Test\0shire").is_err());
        assert!(single_line("name", "Test\nshire").is_err());
        assert!(no_nul("note", "line one\nline two").is_ok());
        assert!(no_nul("note", "a\0b").is_err());
    }
}
