//! What repeats on every page, added once the page count is known: the protective marking at
//! top and bottom (Government Security Classifications require both), the running header
//! naming the organisation and period, "Page n of m", and for drafts a DRAFT tag in the
//! header, so no page can be lifted out and passed off as final. The tag is a solid label
//! rather than a diagonal watermark: watermark text is read out by screen readers and pasted
//! into copied text in the middle of sentences. All of it is marked as pagination
//! artifacts, so it stays out of the document's structure and screen readers skip it.

use super::content::Op;

use super::fonts::Fonts;
use super::layout::{
    fit, push_rect, push_rule, push_text, Style, INK, MARGIN_X, PAGE_H, PAGE_W, RULE, SECONDARY,
    SMALL, WHITE,
};
use super::model::{Report, Status};
use super::tags::{furniture, Furniture};

const MARKING: Style = Style::new(9.5, true, INK);
const HEADER_TOP: f32 = 36.0;
const FOOTER_TOP: f32 = PAGE_H - 58.0;

/// Adds each page's furniture on top of its content.
pub fn decorate(pages: Vec<Vec<Op>>, report: &Report, fonts: &Fonts) -> Vec<Vec<Op>> {
    let total = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(i, content)| {
            let mut ops = Vec::with_capacity(content.len() + 64);
            ops.extend(content);
            furniture(Furniture::Header, &mut ops, |ops| {
                header(ops, fonts, report, i == 0)
            });
            furniture(Furniture::Footer, &mut ops, |ops| {
                footer(ops, fonts, report, i + 1, total)
            });
            if let Some(marking) = &report.cover.protective_marking {
                furniture(Furniture::Header, &mut ops, |ops| {
                    marking_line(ops, fonts, marking, 12.0)
                });
                furniture(Furniture::Footer, &mut ops, |ops| {
                    marking_line(ops, fonts, marking, PAGE_H - 30.0)
                });
            }
            ops
        })
        .collect()
}

fn header(ops: &mut Vec<Op>, fonts: &Fonts, report: &Report, cover: bool) {
    let right = PAGE_W - MARGIN_X;
    if report.cover.status == Status::Draft {
        draft_tag(ops, fonts, right);
    }
    // The cover already names the organisation in large type.
    if cover {
        return;
    }
    let text = format!("{} · {}", report.cover.organisation, report.cover.period);
    let text = fit(&fonts.regular, &text, SMALL, right - MARGIN_X - 60.0);
    push_text(ops, &fonts.regular, MARGIN_X, HEADER_TOP, &text, SMALL);
    let rule_at = HEADER_TOP + SMALL.line_height() + 4.0;
    push_rule(ops, (MARGIN_X, rule_at), (right, rule_at), 0.5, RULE);
}

/// White on black, the strongest contrast on the page, right-aligned in the header.
fn draft_tag(ops: &mut Vec<Op>, fonts: &Fonts, right: f32) {
    let style = SMALL.bold().colour(WHITE);
    let width = fonts.bold.width("DRAFT", style.size) + 12.0;
    let top = HEADER_TOP - 2.0;
    push_rect(
        ops,
        right - width,
        top,
        width,
        style.line_height() + 4.0,
        INK,
    );
    push_text(
        ops,
        &fonts.bold,
        right - width + 6.0,
        top + 2.0,
        "DRAFT",
        style,
    );
}

fn footer(ops: &mut Vec<Op>, fonts: &Fonts, report: &Report, page: usize, total: usize) {
    let right = PAGE_W - MARGIN_X;
    push_rule(ops, (MARGIN_X, FOOTER_TOP), (right, FOOTER_TOP), 0.5, RULE);
    let number = format!("Page {page} of {total}");
    let number_w = fonts.regular.width(&number, SMALL.size);
    // Named after the checklist; a long name ends in an ellipsis clear of the page number
    // (the cover and the method give it in full).
    let left = format!(
        "{} · exported {}",
        report.method.assessment_name(),
        report.cover.exported_at.format("%-d %B %Y")
    );
    let left = fit(
        &fonts.regular,
        &left,
        SMALL,
        right - MARGIN_X - number_w - 16.0,
    );
    push_text(
        ops,
        &fonts.regular,
        MARGIN_X,
        FOOTER_TOP + 4.0,
        &left,
        SMALL,
    );
    let x = right - number_w;
    push_text(
        ops,
        &fonts.regular,
        x,
        FOOTER_TOP + 4.0,
        &number,
        SMALL.colour(SECONDARY),
    );
}

fn marking_line(ops: &mut Vec<Op>, fonts: &Fonts, marking: &str, top: f32) {
    let text = fit(
        &fonts.bold,
        &marking.to_uppercase(),
        MARKING,
        PAGE_W - 2.0 * MARGIN_X,
    );
    let x = (PAGE_W - fonts.bold.width(&text, MARKING.size)) / 2.0;
    push_text(ops, &fonts.bold, x, top, &text, MARKING);
}
