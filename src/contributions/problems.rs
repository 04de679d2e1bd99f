//! The problems found in a returned file, kept bounded: the first fifty are listed, each cut
//! short, and the rest only counted, so a workbook built to fail every check costs no more to
//! refuse than one with a single slip.

use std::fmt::Display;

use crate::Error;

const SHOWN_PROBLEMS: usize = 50;
const MAX_PROBLEM_CHARS: usize = 300;

pub(super) struct Problems {
    shown: Vec<String>,
    count: usize,
}

impl Problems {
    pub(super) fn new() -> Self {
        Problems {
            shown: Vec::new(),
            count: 0,
        }
    }

    /// One problem at `place` (e.g. "sheet Questions, row 4, column F (Level)").
    pub(super) fn add(&mut self, place: impl Display, what: impl Display) {
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

    pub(super) fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// `Ok` when nothing was found; otherwise an error naming `file` that lists every problem.
    pub(super) fn into_result(self, file: &str) -> crate::Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        let count = self.count;
        let mut list = self.shown;
        if count > list.len() {
            list.push(format!("and {} more", count - list.len()));
        }
        let list = list.into_iter().map(|p| format!("{file}: {p}")).collect();
        Err(Error::problems(
            format!(
                "{file} cannot be taken in: {count} problem{} found, and nothing was changed.",
                if count == 1 { "" } else { "s" }
            ),
            list,
        ))
    }
}
