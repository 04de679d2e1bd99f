//! The comparison's trend chart as small multiples: one panel for overall maturity and one
//! per question, each plotting the level in every period on the same 0-to-top scale. A
//! panel per question keeps seven or more lines from tangling into a chart no one can read.
//! Meaning never rests on colour: every point has its value written above it, overall uses
//! square markers and questions round ones, a gap in a line is marked with the same symbols
//! as the table, and a legend says what each mark means. Each panel is a figure whose
//! alternative text reads its values out year by year.

use super::content::Op;

use super::comparison::{NOT_ASSESSED, NOT_IN_VERSION};
use super::layout::{
    fit, push_polygon, push_rect, push_rule, Colour, Flow, Style, BLUE, CONTENT_W, INK, MARGIN_X,
    RULE, SECONDARY, SMALL,
};
use super::model::Comparison;
use super::tags::Role;

const TITLE: Style = Style::new(8.5, true, INK);
const TICK: Style = Style::new(7.0, false, SECONDARY);
const VALUE: Style = Style::new(7.0, true, INK);
const GAP: f32 = 18.0;
const PANEL_W: f32 = (CONTENT_W - GAP) / 2.0;
const TITLE_H: f32 = 14.0;
const PLOT_H: f32 = 56.0;
/// Room above the top gridline for a value label, and below the axis for period labels.
const HEAD_ROOM: f32 = 10.0;
const FOOT: f32 = 14.0;
const PANEL_H: f32 = TITLE_H + HEAD_ROOM + PLOT_H + FOOT + 10.0;
const AXIS_W: f32 = 14.0;

/// One point of a panel: a value, or why there is none.
enum Mark {
    Value(f32, String),
    Missing(&'static str),
}

struct Panel {
    title: String,
    overall: bool,
    marks: Vec<Mark>,
}

/// Height of the legend and the first row of panels, so the heading stays with them.
pub fn first_row_height() -> f32 {
    SMALL.line_height() * 2.0 + 8.0 + PANEL_H
}

/// The panels, two to a row; with `per_question` false only the overall one, for checklists
/// whose table already says more than a page of panels could.
pub fn chart(flow: &mut Flow, comparison: &Comparison, max_level: u8, per_question: bool) {
    legend(flow);
    let mut panels = panels(comparison);
    if !per_question {
        panels.truncate(1);
    }
    for pair in panels.chunks(2) {
        flow.ensure(PANEL_H);
        let top = flow.y;
        for (i, panel) in pair.iter().enumerate() {
            let left = MARGIN_X + i as f32 * (PANEL_W + GAP);
            let alt = alt_text(panel, &comparison.periods);
            flow.figure(alt, [left, top, PANEL_W, PANEL_H], |flow| {
                draw(flow, panel, (left, top), &comparison.periods, max_level)
            });
        }
        flow.y = top + PANEL_H;
    }
}

/// A panel's values in words: "1. Promotion, level by year: 2024/25 1, 2025/26 2."
fn alt_text(panel: &Panel, periods: &[String]) -> String {
    let values: Vec<String> = periods
        .iter()
        .zip(&panel.marks)
        .map(|(period, mark)| match mark {
            Mark::Value(_, text) => format!("{period} {text}"),
            Mark::Missing(NOT_IN_VERSION) => {
                format!("{period} not in that year's checklist version")
            }
            Mark::Missing(_) => format!("{period} not assessed"),
        })
        .collect();
    let what = if panel.overall { "" } else { ", level" };
    format!(
        "Line chart of {}{what} by year: {}.",
        panel.title,
        values.join(", ")
    )
}

fn panels(comparison: &Comparison) -> Vec<Panel> {
    let overall = Panel {
        title: "Overall maturity (mean level)".to_string(),
        overall: true,
        marks: comparison
            .overall
            .iter()
            .map(|s| match s {
                Some(s) => Mark::Value(*s as f32, format!("{s:.1}")),
                None => Mark::Missing(NOT_ASSESSED),
            })
            .collect(),
    };
    let questions = comparison.rows.iter().map(|row| Panel {
        title: format!("{}. {}", row.number, row.title),
        overall: false,
        marks: row
            .levels
            .iter()
            .zip(&row.in_checklist)
            .map(|(level, &present)| match (level, present) {
                (Some(l), _) => Mark::Value(f32::from(*l), l.to_string()),
                (None, true) => Mark::Missing(NOT_ASSESSED),
                (None, false) => Mark::Missing(NOT_IN_VERSION),
            })
            .collect(),
    });
    std::iter::once(overall).chain(questions).collect()
}

fn draw(flow: &mut Flow, panel: &Panel, (left, top): (f32, f32), periods: &[String], max: u8) {
    // One line; a longer title ends in an ellipsis, and is in full in the table above.
    let title = fit(flow.fonts.face(TITLE.bold), &panel.title, TITLE, PANEL_W);
    flow.text(left, top, &title, TITLE);
    let plot_top = top + TITLE_H + HEAD_ROOM;
    let bottom = plot_top + PLOT_H;
    let unit = PLOT_H / f32::from(max.max(1));
    for level in 0..=max {
        let y = bottom - f32::from(level) * unit;
        push_rule(
            flow.shapes(),
            (left + AXIS_W, y),
            (left + PANEL_W, y),
            0.5,
            RULE,
        );
        flow.text(left, y - TICK.line_height() / 2.0, &level.to_string(), TICK);
    }
    let xs = x_positions(left + AXIS_W, periods.len());
    let colour = if panel.overall { INK } else { BLUE };
    let points: Vec<Option<(f32, f32)>> = panel
        .marks
        .iter()
        .zip(&xs)
        .map(|(mark, &x)| match mark {
            Mark::Value(v, _) => Some((x, bottom - v * unit)),
            Mark::Missing(_) => None,
        })
        .collect();
    // A line joins only neighbouring periods that both have a value: a gap is not a trend.
    for pair in points.windows(2) {
        if let [Some(a), Some(b)] = pair {
            push_rule(flow.shapes(), *a, *b, 1.5, colour);
        }
    }
    for ((mark, point), &x) in panel.marks.iter().zip(&points).zip(&xs) {
        match (mark, point) {
            (Mark::Value(_, text), Some((x, y))) => {
                marker(flow.shapes(), (*x, *y), panel.overall, colour);
                centred(flow, *x, y - 6.0 - VALUE.line_height(), text, VALUE);
            }
            (Mark::Missing(symbol), _) => {
                centred(flow, x, bottom - TICK.line_height() - 1.0, symbol, VALUE);
            }
            _ => {}
        }
    }
    period_labels(flow, &xs, periods, bottom + 3.0);
}

/// Evenly spaced, inset from the panel's edges so end labels stay inside it.
fn x_positions(left: f32, count: usize) -> Vec<f32> {
    let inset = 16.0;
    let width = PANEL_W - AXIS_W - 2.0 * inset;
    if count <= 1 {
        return vec![left + inset + width / 2.0; count];
    }
    let step = width / (count - 1) as f32;
    (0..count).map(|i| left + inset + i as f32 * step).collect()
}

/// Every period when they fit; otherwise every other one, always with the first and last.
fn period_labels(flow: &mut Flow, xs: &[f32], periods: &[String], top: f32) {
    let widest = periods
        .iter()
        .map(|p| flow.width(p, TICK))
        .fold(0.0, f32::max);
    let step = match xs {
        [a, b, ..] if b - a < widest + 4.0 => ((widest + 4.0) / (b - a)).ceil() as usize,
        _ => 1,
    };
    for (i, (x, period)) in xs.iter().zip(periods).enumerate() {
        if i % step == 0 || i + 1 == xs.len() {
            centred(flow, *x, top, period, TICK);
        }
    }
}

fn centred(flow: &mut Flow, x: f32, top: f32, text: &str, style: Style) {
    let half = flow.width(text, style) / 2.0;
    flow.text(x - half, top, text, style);
}

/// A square for overall maturity, a round dot for a question.
fn marker(ops: &mut Vec<Op>, (x, y): (f32, f32), square: bool, colour: Colour) {
    if square {
        push_rect(ops, x - 3.5, y - 3.5, 7.0, 7.0, colour);
        return;
    }
    let r = 3.5;
    let points: Vec<(f32, f32)> = (0..12)
        .map(|i| {
            let a = i as f32 * std::f32::consts::PI / 6.0;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect();
    push_polygon(ops, &points, colour);
}

fn legend(flow: &mut Flow) {
    let top = flow.y;
    let mut x = MARGIN_X;
    let mid = top + SMALL.line_height() / 2.0;
    // The marks are drawn as decoration; the words beside them are read as one paragraph.
    flow.tagged(Role::P, |flow| {
        marker(flow.shapes(), (x + 4.0, mid), true, INK);
        x += 12.0;
        let text = "Overall maturity, value to one decimal place";
        flow.text(x, top, text, SMALL);
        x += flow.width(text, SMALL) + 14.0;
        marker(flow.shapes(), (x + 4.0, mid), false, BLUE);
        x += 12.0;
        flow.text(
            x,
            top,
            "Level of the question, written above each point",
            SMALL,
        );
    });
    flow.y += SMALL.line_height();
    flow.paragraph(
        &format!(
            "{NOT_ASSESSED}  not assessed that year  ·  {NOT_IN_VERSION}  not in that year's checklist version  ·  a line joins two years only when both have a value"
        ),
        SMALL,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 8.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panels_alternative_text_reads_every_year_including_gaps() {
        // The panel is silent to a screen reader except for this sentence.
        let panel = Panel {
            title: "1. Promotion".into(),
            overall: false,
            marks: vec![
                Mark::Missing(NOT_IN_VERSION),
                Mark::Missing(NOT_ASSESSED),
                Mark::Value(2.0, "2".into()),
            ],
        };
        let periods = ["2024/25", "2025/26", "2026/27"].map(String::from);
        assert_eq!(
            alt_text(&panel, &periods),
            "Line chart of 1. Promotion, level by year: 2024/25 not in that year's checklist \
             version, 2025/26 not assessed, 2026/27 2."
        );
    }
}
