//! The comparison as text for a terminal (an aligned table with the same symbols as the PDF)
//! and as CSV for a spreadsheet. Both print levels as numbers and say in words what a symbol
//! means, so the output reads without colour and survives being pasted into an email.

use yardstick::compare::{Cell, CellState, Comparison, PeriodColumn};

const NOT_ASSESSED: &str = "–";
const NOT_IN_VERSION: &str = "×";

pub fn table(c: &Comparison) -> String {
    let mut out = format!("{}\n\n", c.title);
    if let Some(message) = &c.nothing_to_compare {
        return format!("{out}{message}\n");
    }
    let mut rows: Vec<Vec<String>> = vec![header(c)];
    for q in &c.questions {
        let mut row = vec![format!("{}. {}", q.number, q.title)];
        row.extend(q.cells.iter().map(cell_text));
        row.push(latest_change(q.cells.last()));
        row.push(
            q.trend
                .as_ref()
                .map_or(String::new(), |t| format!("{} {}", t.symbol, t.text)),
        );
        rows.push(row);
    }
    rows.push(overall_row(&c.periods));
    out.push_str(&aligned(&rows));
    out.push_str(&format!(
        "\n{NOT_ASSESSED} not assessed   {NOT_IN_VERSION} not in that checklist version   ↑ up  → no change  ↓ down, since the previous assessment\n"
    ));
    if !c.summary.is_empty() {
        out.push_str(&format!("\n{}\n", c.summary));
    }
    notes(c, &mut out);
    actions(c, &mut out);
    out
}

fn header(c: &Comparison) -> Vec<String> {
    let mut row = vec!["Question".to_string()];
    row.extend(c.periods.iter().map(|p| p.label.clone()));
    row.push("Latest change".to_string());
    row.push("Trend".to_string());
    row
}

fn cell_text(cell: &Cell) -> String {
    let value = match (cell.state, cell.level) {
        (CellState::NotInChecklist, _) => NOT_IN_VERSION.to_string(),
        (_, None) => NOT_ASSESSED.to_string(),
        (_, Some(level)) => level.to_string(),
    };
    match &cell.change {
        Some(change) => format!("{value} {}", change.symbol),
        None => value,
    }
}

fn latest_change(cell: Option<&Cell>) -> String {
    cell.and_then(|c| c.change.as_ref())
        .map_or("not comparable".to_string(), |c| c.text.clone())
}

fn overall_row(periods: &[PeriodColumn]) -> Vec<String> {
    let mut row = vec!["Overall maturity (mean)".to_string()];
    row.extend(periods.iter().map(|p| {
        let score = p
            .overall_score
            .map_or(NOT_ASSESSED.to_string(), |s| format!("{s:.1}"));
        match &p.overall_change {
            Some(change) => format!("{score} {}", change.symbol),
            None => score,
        }
    }));
    let last = periods.last().and_then(|p| p.overall_change.as_ref());
    row.push(last.map_or(String::new(), |c| c.text.clone()));
    row.push(String::new());
    row
}

/// Pads every column to its widest cell, counting characters rather than bytes so the
/// arrows and dashes line up.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(text, &width)| format!("{text}{}", " ".repeat(width - text.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn notes(c: &Comparison, out: &mut String) {
    let notes: Vec<String> = c
        .questions
        .iter()
        .flat_map(|q| {
            q.cells.iter().filter_map(move |cell| {
                cell.note
                    .as_ref()
                    .map(|n| format!("{}. {}: {n}", q.number, q.title))
            })
        })
        .collect();
    if !notes.is_empty() {
        out.push_str("\nQuestions that changed between checklist versions:\n");
        for note in notes {
            out.push_str(&format!("  • {note}\n"));
        }
    }
}

fn actions(c: &Comparison, out: &mut String) {
    if c.actions.is_empty() {
        return;
    }
    out.push_str("\nActions from earlier assessments:\n");
    for a in &c.actions {
        out.push_str(&format!(
            "  • {} (recorded in {}, due {}): {} in {}\n",
            a.title,
            a.recorded_in,
            a.due_date.as_deref().unwrap_or("no date"),
            a.status_text,
            a.status_as_of
        ));
    }
}

/// One row per question, one column per period, then the change and trend in words.
pub fn csv(c: &Comparison) -> String {
    let mut header = vec![
        "Question id".to_string(),
        "Number".into(),
        "Question".into(),
    ];
    header.extend(c.periods.iter().map(|p| p.label.clone()));
    header.extend(["Latest change".to_string(), "Trend".into()]);
    let mut lines = vec![header];
    for q in &c.questions {
        let mut row = vec![q.question_id.clone(), q.number.to_string(), q.title.clone()];
        row.extend(q.cells.iter().map(|cell| match cell.level {
            Some(level) => level.to_string(),
            None => cell.text.to_lowercase(),
        }));
        row.push(latest_change(q.cells.last()));
        row.push(q.trend.as_ref().map_or(String::new(), |t| t.text.clone()));
        lines.push(row);
    }
    let mut overall = vec![
        String::new(),
        String::new(),
        "Overall maturity (mean)".to_string(),
    ];
    overall.extend(
        c.periods
            .iter()
            .map(|p| p.overall_score.map_or(String::new(), |s| format!("{s:.1}"))),
    );
    overall.push(
        c.periods
            .last()
            .and_then(|p| p.overall_change.as_ref())
            .map_or(String::new(), |x| x.text.clone()),
    );
    overall.push(String::new());
    lines.push(overall);
    lines
        .iter()
        .map(|row| row.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// Quotes a field when CSV needs it, and defuses text a spreadsheet would run as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
