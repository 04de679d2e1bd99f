//! The executive summary's bar chart: one horizontal bar per question for its current level,
//! a black marker for its target, and the values written out beside each row. Meaning never
//! rests on colour alone: the bar and the target differ in shape, each row states both numbers
//! in words, and a legend names the marks, so the chart survives a black-and-white printer.

use super::layout::{
    push_polygon, push_rect, push_rule, Flow, Style, BLUE, CONTENT_W, INK, MARGIN_X, RULE,
    SECONDARY, SMALL,
};

const LABEL: Style = Style::new(9.0, false, INK);
const LABEL_W: f32 = 150.0;
const VALUE_W: f32 = 92.0;
const ROW: f32 = 26.0;
const BAR: f32 = 12.0;

pub struct Bar {
    pub label: String,
    pub level: Option<u8>,
    pub target: Option<u8>,
}

/// Height the chart needs, so the caller can keep it on one page.
pub fn height(bars: usize) -> f32 {
    16.0 + bars as f32 * ROW + 30.0
}

pub fn chart(flow: &mut Flow, bars: &[Bar], max_level: u8) {
    flow.ensure(height(bars.len()));
    let bbox = [MARGIN_X, flow.y, CONTENT_W, height(bars.len())];
    flow.figure(alt_text(bars, max_level), bbox, |flow| {
        draw(flow, bars, max_level)
    });
}

/// The chart's data in words, for those who cannot see it: "Promotion: level 2, target 3; …".
pub fn alt_text(bars: &[Bar], max_level: u8) -> String {
    let rows: Vec<String> = bars
        .iter()
        .map(|bar| {
            let now = bar
                .level
                .map_or("not assessed".to_string(), |l| format!("level {l}"));
            match bar.target {
                Some(t) => format!("{}: {now}, target {t}", bar.label),
                None => format!("{}: {now}, no target", bar.label),
            }
        })
        .collect();
    format!(
        "Bar chart of the current level and the target of each question, on a scale of 0 to {max_level}. {}.",
        rows.join("; ")
    )
}

fn draw(flow: &mut Flow, bars: &[Bar], max_level: u8) {
    let max = f32::from(max_level.max(1));
    let x0 = MARGIN_X + LABEL_W;
    let unit = (CONTENT_W - LABEL_W - VALUE_W - 8.0) / max;
    axis(flow, x0, unit, max_level);
    let top = flow.y;
    for (i, bar) in bars.iter().enumerate() {
        row(flow, bar, top + i as f32 * ROW, (x0, unit), max_level);
    }
    flow.y = top + bars.len() as f32 * ROW + 6.0;
    legend(flow);
}

fn axis(flow: &mut Flow, x0: f32, unit: f32, max_level: u8) {
    flow.text(MARGIN_X, flow.y, "Question", SMALL.bold());
    flow.text(
        x0 + max_level as f32 * unit + 14.0,
        flow.y,
        "Level",
        SMALL.bold(),
    );
    for level in 0..=max_level {
        let x = x0 + f32::from(level) * unit;
        let label = level.to_string();
        let half = flow.width(&label, SMALL) / 2.0;
        flow.text(x - half, flow.y, &label, SMALL);
        let bottom = flow.y + 16.0;
        flow.rule(x, x, bottom, 0.5, RULE);
    }
    flow.y += 16.0;
}

fn row(flow: &mut Flow, bar: &Bar, top: f32, (x0, unit): (f32, f32), max_level: u8) {
    let lines = flow.lines(&bar.label, LABEL, LABEL_W - 8.0);
    let shown = &lines[..lines.len().min(2)];
    let label_top = top + (ROW - shown.len() as f32 * LABEL.line_height()) / 2.0;
    for (i, line) in shown.iter().enumerate() {
        flow.text(
            MARGIN_X,
            label_top + i as f32 * LABEL.line_height(),
            line,
            LABEL,
        );
    }
    // Gridlines run through every row so a bar's end can be read against the scale.
    let ops = flow.shapes();
    for level in 0..=max_level {
        let x = x0 + f32::from(level) * unit;
        push_rule(ops, (x, top), (x, top + ROW), 0.5, RULE);
    }
    let bar_top = top + (ROW - BAR) / 2.0;
    match bar.level {
        // A level-0 bar gets a sliver so "assessed at 0" is visibly not "not assessed".
        Some(level) => {
            let width = (f32::from(level) * unit).max(2.0);
            push_rect(ops, x0, bar_top, width, BAR, BLUE);
        }
        None => {
            let text = "Not assessed";
            flow.text(x0 + 6.0, bar_top - 2.0, text, LABEL.colour(SECONDARY));
        }
    }
    if let Some(target) = bar.target {
        target_marker(flow.shapes(), x0 + f32::from(target) * unit, top);
    }
    let value = value_text(bar);
    let value_x = MARGIN_X + CONTENT_W - VALUE_W + 6.0;
    flow.text(
        value_x,
        top + (ROW - LABEL.line_height()) / 2.0,
        &value,
        LABEL,
    );
}

/// The target as a black upright with a diamond on top: a shape, not a colour.
fn target_marker(ops: &mut Vec<printpdf::Op>, x: f32, top: f32) {
    push_rule(ops, (x, top + 3.0), (x, top + ROW - 3.0), 2.0, INK);
    diamond(ops, x, top + 4.0, 4.0);
}

fn diamond(ops: &mut Vec<printpdf::Op>, x: f32, y: f32, r: f32) {
    push_polygon(ops, &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], INK);
}

fn value_text(bar: &Bar) -> String {
    let now = bar
        .level
        .map_or_else(|| "Now –".to_string(), |l| format!("Now {l}"));
    match bar.target {
        Some(target) => format!("{now} · target {target}"),
        None => now,
    }
}

fn legend(flow: &mut Flow) {
    let top = flow.y;
    let mut x = MARGIN_X + LABEL_W;
    flow.fill_rect(x, top + 3.0, 14.0, 8.0, BLUE);
    x += 18.0;
    let text = "Current level";
    flow.text(x, top, text, SMALL);
    x += flow.width(text, SMALL) + 16.0;
    push_rule(flow.shapes(), (x, top + 1.0), (x, top + 13.0), 2.0, INK);
    diamond(flow.shapes(), x, top + 2.5, 3.5);
    x += 8.0;
    flow.text(x, top, "Target", SMALL);
    flow.y = top + SMALL.line_height() + 8.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alternative_text_states_every_value_in_words() {
        // A screen-reader user gets the chart only through this sentence.
        let bars = [
            Bar {
                label: "1. Promotion".into(),
                level: Some(2),
                target: Some(3),
            },
            Bar {
                label: "5. Assisted digital".into(),
                level: None,
                target: None,
            },
        ];
        assert_eq!(
            alt_text(&bars, 4),
            "Bar chart of the current level and the target of each question, on a scale of 0 \
             to 4. 1. Promotion: level 2, target 3; 5. Assisted digital: not assessed, no target."
        );
    }
}
