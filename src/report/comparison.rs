//! The comparison section: what changed in a sentence, the table of levels per question per
//! period (the accessible equivalent of the chart), notes where a question changed between
//! checklist versions, the trend chart, and what became of earlier actions.

use super::layout::{Flow, BODY, CONTENT_W, H1, H3, MARGIN_X, SMALL, TEXT_9};
use super::model::{Comparison, ComparisonRow, Method, ScaleLevel};
use super::sections::{bullet, long_date};
use super::table::{table, Cell, Column, CELL_PAD_X};
use super::tags::Role;
use super::trend;

/// Shown where the question was not in that period's checklist version.
pub const NOT_IN_VERSION: &str = "×";
/// Shown where the question was in the checklist but not assessed.
pub const NOT_ASSESSED: &str = "–";

/// Beyond this many questions the per-question trend panels (two to a row) would fill
/// pages with what the table already says; only the overall trend is drawn.
const TREND_PANELS_MAX: usize = 12;

pub fn comparison(flow: &mut Flow, comparison: &Comparison, method: &Method) {
    let scales = method.chart_scales();
    let max_level = method.scale.len().saturating_sub(1) as u8;
    let words = &method.wording;
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
            "Level per {} in each assessment, oldest first. The change is since the \
             previous assessment; the trend compares the first and the latest assessed level. \
             {NOT_ASSESSED} means not assessed (or not applicable) that year; {NOT_IN_VERSION} \
             means that year's checklist version did not have the {}.",
            words.question, words.question
        ),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 6.0;
    let names: Vec<Vec<String>> = scales
        .iter()
        .map(|scale| level_names(flow, comparison, &scale.levels))
        .collect();
    levels_table(flow, comparison, &names, method);
    notes(flow, comparison);
    // A checklist that is not averaged has no overall line to draw, and levels on several
    // scales cannot share one axis: the table is then the whole record of change.
    let averaged = comparison.overall.iter().any(Option::is_some);
    let per_question = comparison.rows.len() <= TREND_PANELS_MAX && scales.len() == 1;
    if averaged || per_question {
        flow.heading("Trend", Role::H2, H3, trend::first_row_height(), None);
        if !per_question {
            flow.paragraph(
                &format!(
                    "With {}, the trend of each is read from the table above; \
                     the chart shows overall maturity only.",
                    words.count(comparison.rows.len())
                ),
                BODY,
                MARGIN_X,
                CONTENT_W,
            );
            flow.y += 4.0;
        }
        trend::chart(flow, comparison, max_level, per_question);
    }
    actions(flow, comparison);
}

const CHANGE_W: f32 = CONTENT_W * 0.15;
/// Room for "Partially achieved" on two lines; fewer periods leave the question's title
/// more room, so it wraps onto fewer lines.
const PERIOD_W: f32 = CONTENT_W * 0.14;

fn period_width(comparison: &Comparison) -> f32 {
    let periods = comparison.periods.len().max(1) as f32;
    PERIOD_W.min((CONTENT_W * 0.7 - 2.0 * CHANGE_W) / periods)
}

fn question_width(comparison: &Comparison) -> f32 {
    CONTENT_W - 2.0 * CHANGE_W - comparison.periods.len() as f32 * period_width(comparison)
}

/// What each level is called in the table, lowest first: its label where every label fits
/// its column without breaking a word, else its number, with a key to the numbers printed
/// above the table (many periods make narrow columns).
fn level_names(flow: &mut Flow, comparison: &Comparison, scale: &[ScaleLevel]) -> Vec<String> {
    let room = period_width(comparison) - 2.0 * CELL_PAD_X;
    let fits = scale.iter().all(|s| {
        s.label
            .split_whitespace()
            .all(|word| flow.width(word, TEXT_9) <= room)
    });
    if fits {
        return scale.iter().map(|s| s.label.clone()).collect();
    }
    let key: Vec<String> = scale
        .iter()
        .map(|s| format!("{} {}", s.level, s.label))
        .collect();
    flow.paragraph(
        &format!("Levels by number: {}.", key.join(" · ")),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 4.0;
    scale.iter().map(|s| s.level.to_string()).collect()
}

fn levels_table(flow: &mut Flow, comparison: &Comparison, names: &[Vec<String>], method: &Method) {
    let question_w = question_width(comparison);
    let change_w = CHANGE_W;
    let period_w = period_width(comparison);
    let question_header = method.wording.question_capitalised();
    let mut columns = vec![Column {
        header: &question_header,
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
    let mut rows: Vec<Vec<Cell>> = comparison
        .rows
        .iter()
        .map(|row| {
            comparison_row(
                row,
                names
                    .get(row.scale)
                    .or(names.first())
                    .map_or(&[][..], |n| &n[..]),
            )
        })
        .collect();
    rows.push(overall_row(comparison));
    let caption = format!("Level per {}", method.wording.question);
    table(flow, &caption, &columns, &rows);
}

fn comparison_row(row: &ComparisonRow, names: &[String]) -> Vec<Cell> {
    let label = if row.code.chars().all(|c| c.is_ascii_digit()) {
        format!("{}. {}", row.code, row.title)
    } else {
        format!("{} {}", row.code, row.title)
    };
    let mut cells = vec![Cell::plain(label)];
    cells.extend(
        row.levels
            .iter()
            .zip(&row.in_checklist)
            .map(|(level, &present)| {
                Cell::plain(match (level, present) {
                    (Some(l), _) => names
                        .get(usize::from(*l))
                        .cloned()
                        .unwrap_or_else(|| l.to_string()),
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

/// The mean level per period; for a checklist that is not averaged, its results in words.
fn overall_row(comparison: &Comparison) -> Vec<Cell> {
    let averaged = comparison.overall.iter().any(Option::is_some) || comparison.results.is_empty();
    let mut cells = vec![Cell::bold(if averaged {
        "Overall maturity (mean level)"
    } else {
        "Overall result"
    })];
    if averaged {
        cells.extend(comparison.overall.iter().map(|score| {
            Cell::bold(score.map_or(NOT_ASSESSED.to_string(), |s| format!("{s:.1}")))
        }));
    } else {
        cells.extend(comparison.results.iter().map(Cell::bold));
    }
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
    table(flow, "Actions from earlier assessments", &columns, &rows);
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
