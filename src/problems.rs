//! The problems found in a file someone gives Yardstick (an import, a returned contribution),
//! kept bounded: the first fifty are listed, each cut short, and the rest only counted, so a
//! file built to fail every check costs no more memory or time to refuse than one with a
//! single mistake.

use std::fmt::Display;

use crate::Result;

/// How many problems a message lists before saying "and N more".
const SHOWN_PROBLEMS: usize = 50;

/// The longest single problem kept; a longer one is cut.
const MAX_PROBLEM_CHARS: usize = 400;

pub(crate) struct Problems {
    shown: Vec<String>,
    count: usize,
}

impl Problems {
    pub(crate) fn new() -> Self {
        Problems {
            shown: Vec::new(),
            count: 0,
        }
    }

    /// One problem at `place` (a JSON path such as `answers[3].level`, or "sheet Questions,
    /// row 4, column F (Your level)").
    pub(crate) fn add(&mut self, place: impl Display, what: impl Display) {
        self.count += 1;
        if self.shown.len() < SHOWN_PROBLEMS {
            let mut line = format!("{place}: {what}");
            if let Some((cut, _)) = line.char_indices().nth(MAX_PROBLEM_CHARS) {
                line.truncate(cut);
                line.push('…');
            }
            self.shown.push(line);
        }
    }

    /// Runs a store rule and records its message (already written for the user) if it fails.
    pub(crate) fn rule<T>(&mut self, place: impl Display, result: Result<T>) -> Option<T> {
        result.map_err(|e| self.add(place, e)).ok()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// `None` when nothing was found; otherwise how many problems there were and the listed
    /// ones, ending with "and N more" when some were only counted.
    pub(crate) fn finish(self) -> Option<(usize, Vec<String>)> {
        if self.count == 0 {
            return None;
        }
        let mut list = self.shown;
        if self.count > list.len() {
            list.push(format!("and {} more", self.count - list.len()));
        }
        Some((self.count, list))
    }
}

/// "1 problem", "3 problems".
pub(crate) fn counted(count: usize) -> String {
    format!("{count} problem{}", if count == 1 { "" } else { "s" })
}
