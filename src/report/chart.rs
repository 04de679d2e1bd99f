//! The "Level by question" bar chart: one horizontal bar per question for its current level,
//! a black marker for its target, and both levels written out by label beside each row.
//! Meaning never rests on colour alone: the bar and the target differ in shape, each row
//! states both levels in words, and a legend names the marks, so the chart survives a
//! black-and-white printer.
//!
//! Rows are as tall as their wrapped labels, so no title is cut short, and the chart runs
//! over as many pages as the checklist needs: each page's part repeats the heading and the
//! scale, and is its own figure whose alternative text reads out the rows drawn on it.

use super::layout::{
    push_polygon, push_rect, push_rule, Flow, Style, BLUE, BOTTOM, CONTENT_W, H3, INK, MARGIN_X,
    RULE, SECONDARY, SMALL,
};
use super::model::{LevelRef, Wording};

const LABEL: Style = Style::new(9.0, false, INK);
const LABEL_W: f32 = 170.0;
const VALUE_W: f32 = 106.0;
/// Space between the plot and the value column, and between label and plot.
const GUTTER: f32 = 10.0;
const PAD: f32 = 5.0;
const MIN_ROW: f32 = 24.0;
const BAR: f32 = 12.0;
/// A scale label wraps within this width, centred on its gridline, so the labels at the
/// ends stay clear of the question column and the value column.
const TICK_W: f32 = 80.0;
const LEGEND_H: f32 = 22.0;

pub struct Bar {
    pub label: String,
    pub level: Option<LevelRef>,
    pub target: Option<LevelRef>,
    /// Judged not applicable: no bar, and said so instead of "Not assessed".
    pub not_applicable: bool,
}

impl Bar {
    /// What stands in for a level that is not there.
    fn absent(&self) -> &'static str {
        if self.not_applicable {
            "Not applicable"
        } else {
            "Not assessed"
        }
    }
}

/// A row measured before drawing, so pages can be filled without splitting a row.
struct Row<'b> {
    bar: &'b Bar,
    label: Vec<String>,
    value: Vec<String>,
    height: f32,
}

/// Where the plot sits: its left edge and the width of one level.
#[derive(Clone, Copy)]
struct Plot {
    x0: f32,
    unit: f32,
    max_level: u8,
}

impl Plot {
    fn new(levels: usize) -> Plot {
        let max_level = levels.saturating_sub(1).min(usize::from(u8::MAX)) as u8;
        let x0 = MARGIN_X + LABEL_W;
        let width = CONTENT_W - LABEL_W - VALUE_W - GUTTER;
        Plot {
            x0,
            unit: width / f32::from(max_level.max(1)),
            max_level,
        }
    }

    fn x(&self, level: u8) -> f32 {
        self.x0 + f32::from(level) * self.unit
    }
}

/// What the heading before the chart should keep with it: the legend, the scale and the
/// first rows, so the heading never sits alone at the foot of a page.
pub fn keep_height() -> f32 {
    LEGEND_H + 3.0 * SMALL.line_height() + 6.0 + 2.0 * MIN_ROW
}

/// Draws the chart under a heading already drawn; `heading` is repeated on each page it
/// runs onto, and `scale` holds the level labels, lowest first.
pub fn chart(flow: &mut Flow, heading: &str, bars: &[Bar], scale: &[String], noun: &Wording) {
    let plot = Plot::new(scale.len());
    let ticks: Vec<Vec<String>> = scale
        .iter()
        .map(|label| flow.lines(label, SMALL, tick_width(plot)))
        .collect();
    let axis_h = ticks.iter().map(Vec::len).max().unwrap_or(1) as f32 * SMALL.line_height() + 6.0;
    let rows: Vec<Row> = bars.iter().map(|bar| measure(flow, bar)).collect();
    flow.ensure(LEGEND_H + axis_h + rows.first().map_or(0.0, |r| r.height));
    let parts = split(&rows, flow.y + LEGEND_H + axis_h, axis_h);
    let total = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            flow.new_page();
            flow.continued(heading, H3);
        }
        let legend_h = if i == 0 { LEGEND_H } else { 0.0 };
        let height = legend_h + axis_h + part.iter().map(|r| r.height).sum::<f32>();
        let bbox = [MARGIN_X, flow.y, CONTENT_W, height];
        let bars: Vec<&Bar> = part.iter().map(|r| r.bar).collect();
        let alt = alt_text(&bars, scale, (i + 1, total), &noun.question);
        flow.figure(alt, bbox, |flow| {
            if i == 0 {
                legend(flow);
            }
            axis(flow, plot, &ticks, axis_h, &noun.question_capitalised());
            for row in part {
                draw_row(flow, row, plot);
            }
        });
    }
    flow.y += 6.0;
}

/// The rows in page-sized parts: the first part starts with its first row at `first_top`,
/// later ones below a repeated heading and scale. Every part holds at least one row, so a
/// row taller than a page still progresses.
fn split<'r, 'b>(rows: &'r [Row<'b>], first_top: f32, axis_h: f32) -> Vec<&'r [Row<'b>]> {
    let continued_top = super::layout::TOP + H3.line_height() + H3.size * 0.45 + axis_h;
    let mut parts = Vec::new();
    let (mut start, mut y) = (0, first_top);
    for (i, row) in rows.iter().enumerate() {
        if y + row.height > BOTTOM && i > start {
            parts.push(&rows[start..i]);
            start = i;
            y = continued_top;
        }
        y += row.height;
    }
    parts.push(&rows[start..]);
    parts
}

/// Nearly a level's width, so neighbouring labels never touch and a word such as
/// "Developing" is not broken on a five-level scale.
fn tick_width(plot: Plot) -> f32 {
    (plot.unit - 3.0).clamp(24.0, TICK_W)
}

fn measure<'b>(flow: &Flow, bar: &'b Bar) -> Row<'b> {
    let label = flow.lines(&bar.label, LABEL, LABEL_W - GUTTER);
    let value = flow.lines(&value_text(bar), LABEL, VALUE_W - 6.0);
    let lines = label.len().max(value.len()) as f32;
    Row {
        bar,
        label,
        value,
        height: (lines * LABEL.line_height() + 2.0 * PAD).max(MIN_ROW),
    }
}

/// The chart's data in words, for those who cannot see it: "1. Promotion: Developing,
/// target Embedded; …". A chart split over pages says which part each figure is.
fn alt_text(bars: &[&Bar], scale: &[String], (part, parts): (usize, usize), noun: &str) -> String {
    let rows: Vec<String> = bars
        .iter()
        .map(|bar| {
            let now = bar
                .level
                .as_ref()
                .map_or(bar.absent().to_lowercase(), |l| l.label.clone());
            match &bar.target {
                Some(t) => format!("{}: {now}, target {}", bar.label, t.label),
                None => format!("{}: {now}, no target", bar.label),
            }
        })
        .collect();
    let range = match (scale.first(), scale.last()) {
        (Some(low), Some(high)) => format!(", on a scale from {low} to {high}"),
        _ => String::new(),
    };
    let which = if parts > 1 {
        format!(" (part {part} of {parts})")
    } else {
        String::new()
    };
    format!(
        "Bar chart of the current level and the target of each {noun}{range}{which}. {}.",
        rows.join("; ")
    )
}

fn axis(flow: &mut Flow, plot: Plot, ticks: &[Vec<String>], height: f32, noun: &str) {
    let top = flow.y;
    flow.text(MARGIN_X, top, noun, SMALL.bold());
    let value_x = MARGIN_X + CONTENT_W - VALUE_W + 6.0;
    flow.text(value_x, top, "Level now and target", SMALL.bold());
    // Centred on its gridline, but kept clear of the column headers at either side.
    let leftmost = MARGIN_X + flow.width(noun, SMALL.bold()) + 8.0;
    let rightmost = plot.x(plot.max_level) + GUTTER - 2.0;
    for (level, lines) in (0..=plot.max_level).zip(ticks) {
        let x = plot.x(level);
        for (i, line) in lines.iter().enumerate() {
            let width = flow.width(line.trim_end(), SMALL);
            let left = (x - width / 2.0).min(rightmost - width).max(leftmost);
            flow.text(left, top + i as f32 * SMALL.line_height(), line, SMALL);
        }
        flow.rule(x, x, top + height, 0.5, RULE);
    }
    flow.y = top + height;
}

fn draw_row(flow: &mut Flow, row: &Row, plot: Plot) {
    let top = flow.y;
    let lh = LABEL.line_height();
    let label_top = top + (row.height - row.label.len() as f32 * lh) / 2.0;
    for (i, line) in row.label.iter().enumerate() {
        flow.text(MARGIN_X, label_top + i as f32 * lh, line, LABEL);
    }
    // Gridlines run through every row so a bar's end can be read against the scale.
    let ops = flow.shapes();
    for level in 0..=plot.max_level {
        let x = plot.x(level);
        push_rule(ops, (x, top), (x, top + row.height), 0.5, RULE);
    }
    let bar_top = top + (row.height - BAR) / 2.0;
    let level = row.bar.level.as_ref().map(|l| l.level);
    let target = row.bar.target.as_ref().map(|l| l.level);
    match level {
        // A level-0 bar gets a sliver so "assessed at the lowest level" is visibly not
        // "not assessed".
        Some(level) => {
            let width = (f32::from(level.min(plot.max_level)) * plot.unit).max(2.0);
            push_rect(ops, plot.x0, bar_top, width, BAR, BLUE);
        }
        None => {
            // Said in the value column too; drawn in the plot only where no target marker
            // would cross it.
            let text = row.bar.absent();
            let right = plot.x0 + 6.0 + flow.width(text, LABEL) + 6.0;
            if target.is_none_or(|t| plot.x(t) > right) {
                let text_top = top + (row.height - lh) / 2.0;
                flow.text(plot.x0 + 6.0, text_top, text, LABEL.colour(SECONDARY));
            }
        }
    }
    if let Some(target) = target {
        let x = plot.x(target.min(plot.max_level));
        target_marker(flow.shapes(), x, bar_top - 4.0, BAR + 8.0);
    }
    let value_x = MARGIN_X + CONTENT_W - VALUE_W + 6.0;
    let value_top = top + (row.height - row.value.len() as f32 * lh) / 2.0;
    for (i, line) in row.value.iter().enumerate() {
        flow.text(value_x, value_top + i as f32 * lh, line, LABEL);
    }
    flow.y = top + row.height;
}

/// The target as a black upright with a diamond on top: a shape, not a colour.
fn target_marker(ops: &mut Vec<super::content::Op>, x: f32, top: f32, height: f32) {
    push_rule(ops, (x, top + 1.0), (x, top + height - 1.0), 2.0, INK);
    diamond(ops, x, top + 2.0, 4.0);
}

fn diamond(ops: &mut Vec<super::content::Op>, x: f32, y: f32, r: f32) {
    push_polygon(ops, &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], INK);
}

/// "Now Developing · target Embedded": levels by their labels, never bare numbers.
fn value_text(bar: &Bar) -> String {
    let now = bar
        .level
        .as_ref()
        .map_or_else(|| bar.absent().to_string(), |l| format!("Now {}", l.label));
    match &bar.target {
        Some(target) => format!("{now} · target {}", target.label),
        None => now,
    }
}

fn legend(flow: &mut Flow) {
    let top = flow.y;
    let mut x = MARGIN_X;
    flow.fill_rect(x, top + 3.0, 14.0, 8.0, BLUE);
    x += 18.0;
    let text = "Current level";
    flow.text(x, top, text, SMALL);
    x += flow.width(text, SMALL) + 16.0;
    push_rule(flow.shapes(), (x, top + 1.0), (x, top + 13.0), 2.0, INK);
    diamond(flow.shapes(), x, top + 2.5, 3.5);
    x += 8.0;
    let text = "Target";
    flow.text(x, top, text, SMALL);
    x += flow.width(text, SMALL) + 16.0;
    flow.text(x, top, "No bar: not assessed", SMALL);
    flow.y = top + LEGEND_H;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(level: u8, label: &str) -> Option<LevelRef> {
        Some(LevelRef {
            level,
            label: label.into(),
        })
    }

    #[test]
    fn the_alternative_text_states_every_value_in_words() {
        // A screen-reader user gets the chart only through this sentence, and hears levels
        // by name as a sighted reader reads them.
        let bars = [
            Bar {
                label: "1. Promotion".into(),
                level: level(2, "Developing"),
                target: level(3, "Embedded"),
                not_applicable: false,
            },
            Bar {
                label: "5. Assisted digital".into(),
                level: None,
                target: None,
                not_applicable: false,
            },
        ];
        let scale = ["Not started", "Leading"].map(String::from);
        assert_eq!(
            alt_text(&bars.iter().collect::<Vec<_>>(), &scale, (1, 1), "question"),
            "Bar chart of the current level and the target of each question, on a scale from \
             Not started to Leading. 1. Promotion: Developing, target Embedded; 5. Assisted \
             digital: not assessed, no target."
        );
        assert!(alt_text(&[&bars[0]], &scale, (2, 3), "question").contains("(part 2 of 3)"));
    }
}
