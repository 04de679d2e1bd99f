//! Ruled tables with a shaded header row. Rows are drawn line by line so that a cell holding a
//! long text flows onto the next page like a paragraph, and the header is repeated at the top
//! of every page the table continues on, so a reader never meets columns without names.
//! Tagged as a table whose header cells name their columns.

use super::layout::{Flow, Style, H3, INK, MARGIN_X, PALE, RULE, TEXT_9};
use super::tags::{Owner, Role, Scope};

const TEXT: Style = TEXT_9;
/// Space between a cell's text and its column's edges.
pub const CELL_PAD_X: f32 = 4.0;
const PAD_X: f32 = CELL_PAD_X;
const PAD_Y: f32 = 3.0;

pub struct Column<'a> {
    pub header: &'a str,
    /// Width in points; the columns of a table should add up to the content width.
    pub width: f32,
}

pub struct Cell {
    pub text: String,
    pub bold: bool,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            bold: true,
        }
    }
}

/// A table under the heading `caption`, which is repeated with the column names on every
/// page the table runs onto.
pub fn table(flow: &mut Flow, caption: &str, columns: &[Column], rows: &[Vec<Cell>]) {
    flow.tagged(Role::Table, |flow| {
        let lh = TEXT.line_height();
        // Header plus at least one line of the first row, or the header would be stranded.
        flow.ensure(2.0 * (lh + 2.0 * PAD_Y));
        header(flow, columns, true);
        for row in rows {
            flow.tagged(Role::TR, |flow| body_row(flow, caption, columns, row));
        }
    });
}

fn body_row(flow: &mut Flow, caption: &str, columns: &[Column], row: &[Cell]) {
    let lh = TEXT.line_height();
    let wrapped: Vec<Vec<String>> = columns
        .iter()
        .zip(row)
        .map(|(column, cell)| flow.lines(&cell.text, style(cell), column.width - 2.0 * PAD_X))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    // Keep short rows whole; a long row may split, but not before its second line.
    if flow.ensure(height.min(2) as f32 * lh + 2.0 * PAD_Y) {
        continuation(flow, caption, columns);
    }
    // Cells are filled line by line across the row, so each is made up front and owns
    // its lines wherever they fall.
    let cells: Vec<Owner> = row.iter().map(|_| flow.tags.add(Role::TD)).collect();
    flow.y += PAD_Y;
    for i in 0..height {
        if flow.ensure(lh + PAD_Y) {
            continuation(flow, caption, columns);
        }
        let mut x = MARGIN_X;
        for (((column, cell), lines), &owner) in columns.iter().zip(row).zip(&wrapped).zip(&cells) {
            if let Some(line) = lines.get(i) {
                flow.text_of(owner, x + PAD_X, flow.y, line, style(cell));
            }
            x += column.width;
        }
        flow.y += lh;
    }
    flow.y += PAD_Y;
    let right = MARGIN_X + total_width(columns);
    flow.rule(MARGIN_X, right, flow.y, 0.5, RULE);
}

/// The top of a page the table runs onto: its heading, then its column names.
fn continuation(flow: &mut Flow, caption: &str, columns: &[Column]) {
    flow.continued(caption, H3);
    header(flow, columns, false);
}

/// The header row. Only its first drawing is structure; the copies on continuation pages
/// are artifacts, so a screen reader does not hear the column names again mid-table.
fn header(flow: &mut Flow, columns: &[Column], first: bool) {
    let height = TEXT.line_height() + 2.0 * PAD_Y;
    let right = MARGIN_X + total_width(columns);
    flow.fill_rect(MARGIN_X, flow.y, right - MARGIN_X, height, PALE);
    let names = |flow: &mut Flow| {
        let mut x = MARGIN_X;
        for column in columns {
            let owner = flow.tags.add_header(Scope::Column);
            flow.text_of(owner, x + PAD_X, flow.y + PAD_Y, column.header, TEXT.bold());
            x += column.width;
        }
    };
    if first {
        flow.tagged(Role::TR, names);
    } else {
        flow.artifact(names);
    }
    flow.y += height;
    flow.rule(MARGIN_X, right, flow.y, 1.0, INK);
}

fn style(cell: &Cell) -> Style {
    if cell.bold {
        TEXT.bold()
    } else {
        TEXT
    }
}

fn total_width(columns: &[Column]) -> f32 {
    columns.iter().map(|c| c.width).sum()
}
