//! Breaking text into lines that fit a width, measured by the caller's per-character advances
//! (a PDF draws a line where it is told and has no notion of wrapping). Greedy, word by
//! word; line breaks in the input are kept as paragraph breaks; a word wider than the whole
//! line (a long URL, a file name) is broken between characters rather than overflowing the
//! margin.

/// Lines of `text` no wider than `max_width`, where `advance(c)` is the width of `c` in the
/// same unit. Runs of spaces collapse to one; an empty input line gives an empty output line.
/// A line that ends where the text had a space or a line break keeps one
/// trailing space (invisible at the end of a line). A tagged paragraph's text is read back
/// by joining its lines as drawn, so without it words either side of a break run together.
pub fn wrap_joinable(text: &str, max_width: f32, advance: impl Fn(char) -> f32) -> Vec<String> {
    let mut lines = broken(text, max_width, advance);
    let last = lines.len().saturating_sub(1);
    for (i, (line, at_space)) in lines.iter_mut().enumerate() {
        if *at_space && i < last {
            line.push(' ');
        }
    }
    lines.into_iter().map(|(line, _)| line).collect()
}

/// The lines, each with whether it ended at a space or line break (not inside a word).
fn broken(text: &str, max_width: f32, advance: impl Fn(char) -> f32) -> Vec<(String, bool)> {
    let space = advance(' ');
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width: f32 = word.chars().map(&advance).sum();
            if !line.is_empty() && width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), true));
            }
            if word_width <= max_width {
                line.push_str(word);
                width = word_width;
            } else {
                width = break_long_word(word, max_width, &advance, &mut lines, &mut line);
            }
        }
        lines.push((line, true));
    }
    lines
}

/// Splits a word wider than the line between characters: full lines go to `lines`, the tail
/// stays in `line` so the next word can join it. Returns the tail's width.
fn break_long_word(
    word: &str,
    max_width: f32,
    advance: &impl Fn(char) -> f32,
    lines: &mut Vec<(String, bool)>,
    line: &mut String,
) -> f32 {
    let mut width = 0.0;
    for c in word.chars() {
        let w = advance(c);
        // Always place at least one character per line, or a glyph wider than the line
        // would loop forever.
        if !line.is_empty() && width + w > max_width {
            lines.push((std::mem::take(line), false));
            width = 0.0;
        }
        line.push(c);
        width += w;
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines without the trailing spaces kept for reading back.
    fn wrap(text: &str, max_width: f32, advance: impl Fn(char) -> f32) -> Vec<String> {
        broken(text, max_width, advance)
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    /// Every character one unit wide, so widths are character counts.
    fn mono(_: char) -> f32 {
        1.0
    }

    #[test]
    fn breaks_between_words_and_never_exceeds_the_width() {
        // Overflowing the margin would cut text off on paper.
        let lines = wrap("the quick brown fox jumps over the lazy dog", 10.0, mono);
        assert_eq!(
            lines,
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
    }

    #[test]
    fn keeps_paragraph_breaks_and_collapses_spaces() {
        // Assessors separate points with blank lines; losing them runs ideas together.
        let lines = wrap("one   two\n\nthree", 20.0, mono);
        assert_eq!(lines, ["one two", "", "three"]);
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        // A long URL must stay inside the margin and lose no characters.
        let lines = wrap("see https://example.org/abcdefghij end", 8.0, mono);
        assert_eq!(
            lines,
            ["see", "https://", "example.", "org/abcd", "efghij", "end"]
        );
        assert_eq!(
            lines.concat().len(),
            "seehttps://example.org/abcdefghijend".len()
        );
    }

    #[test]
    fn uses_the_measured_widths() {
        // Proportional text: wide letters fill a line sooner than narrow ones.
        let advance = |c: char| if c == 'W' { 3.0 } else { 1.0 };
        assert_eq!(wrap("WW ii", 6.0, advance), ["WW", "ii"]);
        assert_eq!(wrap("ii ii", 6.0, advance), ["ii ii"]);
    }

    #[test]
    fn empty_text_is_one_empty_line_and_handles_welsh() {
        assert_eq!(wrap("", 10.0, mono), [""]);
        assert_eq!(wrap("Ynys Môn ŵŷ", 8.0, mono), ["Ynys Môn", "ŵŷ"]);
    }

    #[test]
    fn joinable_lines_keep_the_space_they_broke_at_but_not_inside_a_word() {
        // Read back as one string, "the quick" + "brown" must not become "quickbrown", and
        // a URL broken mid-word must not gain a space.
        let lines = wrap_joinable("the quick brown\nabcdefghij", 9.0, mono);
        assert_eq!(lines, ["the quick ", "brown ", "abcdefghi", "j"]);
    }

    #[test]
    fn a_glyph_wider_than_the_line_still_progresses() {
        let lines = wrap("abc", 0.5, mono);
        assert_eq!(lines, ["a", "b", "c"]);
    }
}
