//! Problems found in a checklist file, each located by file, line and column, and the report
//! that gathers every problem in one file. Line and column are 1-based; columns count
//! characters, not bytes, so they match what an editor shows.

use std::fmt;
use std::ops::Range;

use serde::Serialize;
use ts_rs::TS;

/// One thing wrong with a checklist file: where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The file as the user named it (a path, or `built-in:<name>` for embedded checklists).
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong and how to fix it, in plain English.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Every problem found in one checklist file, in the order they appear in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    pub problems: Vec<Problem>,
}

impl ValidationReport {
    /// A report of a single problem, for failures that concern the whole file (too big,
    /// unreadable, not UTF-8).
    pub fn single(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        ValidationReport {
            problems: vec![Problem {
                file: file.to_owned(),
                line,
                column,
                message: message.into(),
            }],
        }
    }

    /// The file the problems belong to, or an empty string for an empty report.
    pub fn file(&self) -> &str {
        self.problems.first().map_or("", |p| p.file.as_str())
    }
}

impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationReport {}

/// A report becomes an error whose summary names the file and counts the problems, each
/// listed as `FILE:LINE:COLUMN: message`.
impl From<ValidationReport> for crate::Error {
    fn from(report: ValidationReport) -> Self {
        let count = report.problems.len();
        let summary = format!(
            "{} cannot be used as a checklist: {count} problem{} to fix.",
            report.file(),
            if count == 1 { "" } else { "s" }
        );
        crate::Error::problems(
            summary,
            report.problems.iter().map(ToString::to_string).collect(),
        )
    }
}

/// The 1-based line and column of a byte offset in `text`. A leading byte-order mark is not
/// counted as a column, because editors do not show it.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    locate_sorted(text, &[offset])[0]
}

/// Lines and columns of ascending byte offsets, found in one pass over `text`, so a file with
/// thousands of problems is located in time proportional to its length, not length × problems.
fn locate_sorted(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let (mut line, mut column, mut position) = (1, 1, 0);
    let mut found = Vec::with_capacity(offsets.len());
    for &offset in offsets {
        let mut offset = offset.min(text.len()).max(position);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        for (at, ch) in text[position..offset].char_indices() {
            if ch == '\n' {
                line += 1;
                column = 1;
            } else if !(ch == '\u{feff}' && position + at == 0) {
                column += 1;
            }
        }
        position = offset;
        found.push((line, column));
    }
    found
}

/// How many problems a report lists; the rest are counted in one closing line, so a file
/// built to fail every rule gives a short answer quickly.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// The longest message kept for one problem; a longer one (quoting a huge value) is cut.
const MAX_MESSAGE_CHARS: usize = 400;

/// Gathers problems while a file is read and checked. Only byte offsets are kept while
/// checking; lines and columns are worked out once, in order, when the report is made.
pub(crate) struct Collector<'t> {
    file: &'t str,
    text: &'t str,
    problems: Vec<(usize, String)>,
    /// Problems found beyond those kept.
    dropped: usize,
}

impl<'t> Collector<'t> {
    pub(crate) fn new(file: &'t str, text: &'t str) -> Self {
        Collector {
            file,
            text,
            problems: Vec::new(),
            dropped: 0,
        }
    }

    /// Records a problem at the start of `span`.
    pub(crate) fn at(&mut self, span: &Range<usize>, message: impl Into<String>) {
        // Checks run in passes over the file, so the first problems found are not always the
        // first in the file; keeping a generous multiple lets the report list those first.
        if self.problems.len() >= MAX_LISTED_PROBLEMS * 20 {
            self.dropped += 1;
            return;
        }
        let mut message: String = message.into();
        if let Some((cut, _)) = message.char_indices().nth(MAX_MESSAGE_CHARS) {
            message.truncate(cut);
            message.push('…');
        }
        self.problems.push((span.start, message));
    }

    /// The source text of `span`, for quoting in messages.
    pub(crate) fn source(&self, span: &Range<usize>) -> &'t str {
        self.text.get(span.clone()).unwrap_or("")
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// The report, problems in file order (ties keep the order they were found in), at most
    /// [`MAX_LISTED_PROBLEMS`] of them and then one saying how many more there are.
    pub(crate) fn into_report(mut self) -> ValidationReport {
        self.problems.sort_by_key(|(offset, _)| *offset);
        let more = self.problems.len().saturating_sub(MAX_LISTED_PROBLEMS) + self.dropped;
        self.problems
            .truncate(MAX_LISTED_PROBLEMS + usize::from(more > 0));
        let offsets: Vec<usize> = self.problems.iter().map(|(offset, _)| *offset).collect();
        let places = locate_sorted(self.text, &offsets);
        let mut problems: Vec<Problem> = self
            .problems
            .into_iter()
            .zip(places)
            .map(|((_, message), (line, column))| Problem {
                file: self.file.to_owned(),
                line,
                column,
                message,
            })
            .collect();
        if more > 0 {
            if let Some(last) = problems.last_mut() {
                last.message = format!(
                    "and {more} more problem{}; fix the ones above and check the file again",
                    if more == 1 { "" } else { "s" }
                );
            }
        }
        ValidationReport { problems }
    }
}

#[cfg(test)]
mod tests {
    use super::line_and_column;

    #[test]
    fn columns_count_characters_as_an_editor_shows_them() {
        let text = "\u{feff}id = 1\nsummary = \"£5\" x\n";
        assert_eq!(
            line_and_column(text, 3),
            (1, 1),
            "the byte-order mark is invisible"
        );
        let x = text.find(" x").unwrap() + 1;
        assert_eq!(
            line_and_column(text, x),
            (2, 16),
            "£ is one column, not two bytes"
        );
        assert_eq!(line_and_column(text, text.len() + 10), (3, 1));
    }
}
