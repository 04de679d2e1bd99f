//! The comparison section: what changed in a sentence, the table of levels per question per
//! period (the accessible equivalent of the chart), notes where a question changed between
//! checklist versions, the trend chart, and what became of earlier actions.

use super::layout::{Flow, BODY, CONTENT_W, H1, H3, MARGIN_X, SMALL};
use super::model::{Comparison, ComparisonRow};
use super::sections::{bullet, long_date};
use super::table::{table, Cell, Column};
use super::tags::Role;
use super::trend;

/// Shown where the question was not in that period's checklist version.
pub const NOT_IN_VERSION: &str = "×";
/// Shown where the question was in the checklist but not assessed.
pub const NOT_ASSESSED: &str = "–";

pub fn comparison(flow: &mut Flow, comparison: &Comparison, max_level: u8) {
    flow.heading(
        "Comparison with earlier assessments",
        Role::H1,
        H1,
        80.0,
        Some(0),
    );
    if !comparison.summary.is_empty() {
        flow.paragraph(&comparison.summary, BODY.bold(), MARGIN_X, CONTENT_W);
        flow.y += 6.0;
    }
    flow.paragraph(
        &format!(
            "Level per question in each assessment, oldest first. The change is since the \
             previous assessment; the trend compares the first and the latest assessed level. \
             {NOT_ASSESSED} means not assessed that year; {NOT_IN_VERSION} means that year's \
             checklist version did not have the question."
        ),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 6.0;
    levels_table(flow, comparison);
    notes(flow, comparison);
    flow.heading("Trend", Role::H2, H3, trend::first_row_height(), None);
    trend::chart(flow, comparison, max_level);
    actions(flow, comparison);
}

fn levels_table(flow: &mut Flow, comparison: &Comparison) {
    let periods = comparison.periods.len().max(1) as f32;
    let question_w = CONTENT_W * 0.3;
    let change_w = CONTENT_W * 0.17;
    let period_w = (CONTENT_W - question_w - 2.0 * change_w) / periods;
    let mut columns = vec![Column {
        header: "Question",
        width: question_w,
    }];
    columns.extend(comparison.periods.iter().map(|p| Column {
        header: p,
        width: period_w,
    }));
    columns.push(Column {
        header: "Change",
        width: change_w,
    });
    columns.push(Column {
        header: "Trend",
        width: change_w,
    });
    let mut rows: Vec<Vec<Cell>> = comparison.rows.iter().map(comparison_row).collect();
    rows.push(overall_row(comparison));
    table(flow, &columns, &rows);
}

fn comparison_row(row: &ComparisonRow) -> Vec<Cell> {
    let mut cells = vec![Cell::plain(format!("{}. {}", row.number, row.title))];
    cells.extend(
        row.levels
            .iter()
            .zip(&row.in_checklist)
            .map(|(level, &present)| {
                Cell::plain(match (level, present) {
                    (Some(l), _) => l.to_string(),
                    (None, true) => NOT_ASSESSED.to_string(),
                    (None, false) => NOT_IN_VERSION.to_string(),
                })
            }),
    );
    cells.push(Cell::plain(
        row.change
            .clone()
            .unwrap_or_else(|| "Not comparable".to_string()),
    ));
    cells.push(Cell::bold(trend(&row.levels)));
    cells
}

fn overall_row(comparison: &Comparison) -> Vec<Cell> {
    let mut cells = vec![Cell::bold("Overall maturity (mean level)")];
    cells.extend(
        comparison
            .overall
            .iter()
            .map(|score| Cell::bold(score.map_or(NOT_ASSESSED.to_string(), |s| format!("{s:.1}")))),
    );
    cells.push(Cell::plain(""));
    cells.push(Cell::plain(""));
    cells
}

/// Arrow and word together, so the trend reads without colour and survives photocopying.
pub fn trend(levels: &[Option<u8>]) -> String {
    let known: Vec<u8> = levels.iter().flatten().copied().collect();
    match (known.first(), known.last()) {
        (Some(first), Some(last)) if known.len() > 1 => match last.cmp(first) {
            std::cmp::Ordering::Greater => format!("↑ Up {}", last - first),
            std::cmp::Ordering::Less => format!("↓ Down {}", first - last),
            std::cmp::Ordering::Equal => "→ No change".to_string(),
        },
        _ => "Not enough data".to_string(),
    }
}

/// Where a question was renamed, split or merged, the reader is told which earlier question
/// its level comes from, so a change is never read as like-for-like when it is not.
fn notes(flow: &mut Flow, comparison: &Comparison) {
    let notes: Vec<String> = comparison
        .rows
        .iter()
        .flat_map(|row| {
            row.notes
                .iter()
                .map(move |n| format!("{}. {}: {n}", row.number, row.title))
        })
        .collect();
    if notes.is_empty() {
        return;
    }
    flow.heading(
        "Questions that changed between checklist versions",
        Role::H2,
        H3,
        30.0,
        None,
    );
    flow.tagged(Role::L, |flow| {
        for note in notes {
            bullet(flow, "•", &note, SMALL);
        }
    });
}

fn actions(flow: &mut Flow, comparison: &Comparison) {
    flow.heading("Actions from earlier assessments", Role::H2, H3, 40.0, None);
    if comparison.actions.is_empty() {
        flow.paragraph(
            "No actions were recorded in the earlier assessments.",
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
        return;
    }
    let columns = [
        Column {
            header: "Action",
            width: CONTENT_W * 0.46,
        },
        Column {
            header: "Recorded in",
            width: CONTENT_W * 0.14,
        },
        Column {
            header: "Due",
            width: CONTENT_W * 0.16,
        },
        Column {
            header: "Status now",
            width: CONTENT_W * 0.24,
        },
    ];
    let rows: Vec<Vec<Cell>> = comparison
        .actions
        .iter()
        .map(|a| {
            vec![
                Cell::plain(&a.what),
                Cell::plain(&a.recorded_in),
                Cell::plain(a.due.map_or("No date".to_string(), long_date)),
                Cell::plain(&a.status),
            ]
        })
        .collect();
    table(flow, &columns, &rows);
}

#[cfg(test)]
mod tests {
    use super::trend;

    #[test]
    fn trend_compares_first_and_latest_known_level() {
        // Years without a score must not be read as a fall to zero.
        assert_eq!(trend(&[Some(1), None, Some(3)]), "↑ Up 2");
        assert_eq!(trend(&[Some(3), Some(2)]), "↓ Down 1");
        assert_eq!(trend(&[Some(2), Some(2)]), "→ No change");
        assert_eq!(trend(&[None, Some(2)]), "Not enough data");
    }
}
