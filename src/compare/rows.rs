//! The question rows of a comparison: one cell per compared assessment with its level (or why
//! there is none), a note where the level comes from a renamed, split or merged question, the
//! change against the previous assessment of the same organisation, and the row's trend.

use std::collections::HashMap;

use super::change::level_change;
use super::matching::{match_questions, RowMatch};
use super::model::{Cell, CellState, ComparisonKind, MatchedQuestion, QuestionRow};
use crate::checklist::{Checklist, Question};
use crate::scoring::overall_level;
use crate::store::AssessmentDetail;

/// What a cell needs to know about its column.
struct Column<'a> {
    period: &'a str,
    checklist: &'a Checklist,
    levels: HashMap<&'a str, Option<u8>>,
    /// How many rows take their level from each question: more than one means a split.
    uses: HashMap<&'a str, usize>,
}

pub(super) fn rows(
    ordered: &[&AssessmentDetail],
    previous: &[Option<usize>],
    kind: ComparisonKind,
) -> Vec<QuestionRow> {
    let checklists: Vec<&Checklist> = ordered.iter().map(|d| &d.checklist).collect();
    let matches = match_questions(&checklists);
    let columns: Vec<Column> = ordered
        .iter()
        .enumerate()
        .map(|(i, d)| column(d, &matches, i))
        .collect();
    matches
        .iter()
        .map(|m| row(m, &columns, previous, kind))
        .collect()
}

fn column<'a>(detail: &'a AssessmentDetail, matches: &[RowMatch<'a>], index: usize) -> Column<'a> {
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for question in matches.iter().flat_map(|m| &m.sources[index]) {
        *uses.entry(question.id.as_str()).or_default() += 1;
    }
    Column {
        period: &detail.assessment.period,
        checklist: &detail.checklist,
        levels: detail
            .answers
            .iter()
            .map(|a| (a.question_id.as_str(), a.level))
            .collect(),
        uses,
    }
}

fn row(
    m: &RowMatch,
    columns: &[Column],
    previous: &[Option<usize>],
    kind: ComparisonKind,
) -> QuestionRow {
    let mut cells: Vec<Cell> = columns
        .iter()
        .zip(&m.sources)
        .map(|(column, sources)| cell(m.question, sources, column))
        .collect();
    for (i, before) in previous.iter().enumerate() {
        if let (Some(j), Some(now)) = (before, cells[i].level) {
            cells[i].change = cells[*j].level.map(|then| level_change(then, now));
        }
    }
    let known: Vec<u8> = cells.iter().filter_map(|c| c.level).collect();
    let trend = match (kind, known.first(), known.last()) {
        (ComparisonKind::SameOrganisation, Some(&first), Some(&last)) if known.len() > 1 => {
            Some(level_change(first, last))
        }
        _ => None,
    };
    QuestionRow {
        question_id: m.question.id.clone(),
        number: m.question.number,
        title: m.question.title.clone(),
        in_latest_checklist: m.in_latest,
        cells,
        trend,
    }
}

fn cell(row: &Question, sources: &[&Question], column: &Column) -> Cell {
    let matched: Vec<MatchedQuestion> = sources
        .iter()
        .map(|q| MatchedQuestion {
            id: q.id.clone(),
            title: q.title.clone(),
            level: column.levels.get(q.id.as_str()).copied().flatten(),
        })
        .collect();
    // A merged question's earlier level is the mean of its parts rounded down, the same rule
    // as overall maturity, so a merge never flatters.
    let level = overall_level(matched.iter().filter_map(|q| q.level));
    let (state, text) = match (sources.is_empty(), level) {
        (true, _) => (
            CellState::NotInChecklist,
            "Not in this checklist version".to_string(),
        ),
        (false, None) => (CellState::NotAssessed, "Not assessed".to_string()),
        (false, Some(level)) => (
            CellState::Assessed,
            level_text(column.checklist, sources[0], level),
        ),
    };
    Cell {
        state,
        level,
        text,
        note: note(row, &matched, column),
        matched,
        change: None,
    }
}

fn level_text(checklist: &Checklist, question: &Question, level: u8) -> String {
    match checklist.level_of(question, level) {
        Some(l) => format!("{level} {}", l.label),
        None => level.to_string(),
    }
}

/// Says where a level came from when the question had another id in that version.
fn note(row: &Question, matched: &[MatchedQuestion], column: &Column) -> Option<String> {
    let period = column.period;
    match matched {
        [] => None,
        [only] if only.id == row.id => None,
        [only] if column.uses.get(only.id.as_str()).copied().unwrap_or(0) > 1 => Some(format!(
            "In {period} this was part of “{}”, which was later split; the level shown is the one given to the whole question.",
            only.title
        )),
        [only] => Some(format!(
            "In {period} this question was asked as “{}”.",
            only.title
        )),
        parts => {
            let list: Vec<String> = parts
                .iter()
                .map(|q| match q.level {
                    Some(level) => format!("“{}” (level {level})", q.title),
                    None => format!("“{}” (not assessed)", q.title),
                })
                .collect();
            Some(format!(
                "In {period} this was {} questions, {}; the level shown is their mean, rounded down.",
                parts.len(),
                join_and(&list)
            ))
        }
    }
}

/// "a", "a and b", "a, b and c".
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
