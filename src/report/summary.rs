//! The executive summary, what a busy reader sees first, kept to at most two pages whatever
//! the length of the checklist: the overall maturity, the level of each question (charted
//! here for a short checklist; for a long one a count per level, with the chart in its own
//! section after the summary), the top priorities with how many more follow, and what
//! changed since the previous assessment with long lists cut short and pointed onwards.

use super::chart::{self, Bar};
use super::layout::{Flow, BODY, CONTENT_W, H1, H3, MARGIN_X, SMALL};
use super::model::{Changes, Finding, Report};
use super::sections::{bullet, item, recommendation_context};
use super::table::{table, Cell, Column};
use super::tags::Role;
use super::words::count;

/// Up to this many questions the chart sits in the summary; beyond it the summary would
/// run past two pages, so the chart gets its own section and the summary counts levels.
pub const CHART_IN_SUMMARY_MAX: usize = 12;
/// How many recommendations the summary names; the rest follow in the body.
const TOP_PRIORITIES: usize = 3;
/// How many questions a "since last time" line names before saying how many more.
const NAMED_CHANGES: usize = 6;

/// "Level by question", "Level by outcome": the chart's heading in the checklist's words.
pub fn chart_heading(report: &Report) -> String {
    format!("Level by {}", report.method.wording.question)
}

/// Whether the checklist is long enough that per-question detail leaves the summary and
/// repeated detail elsewhere is folded.
pub fn is_long(report: &Report) -> bool {
    report.findings.len() > CHART_IN_SUMMARY_MAX
}

pub fn summary(flow: &mut Flow, report: &Report) {
    flow.heading("Executive summary", Role::H1, H1, 120.0, Some(0));
    overall(flow, report);
    if is_long(report) {
        level_counts(flow, report);
    } else {
        flow.heading(
            &chart_heading(report),
            Role::H2,
            H3,
            chart::keep_height(),
            None,
        );
        level_chart(flow, report);
    }
    top_priorities(flow, report);
    if let Some(changes) = &report.summary.since_previous {
        since_previous(flow, report, changes);
    }
}

pub const GROUPS_HEADING: &str = "Results by group";

/// Each objective and principle with its results by the checklist's rule: the one-page view
/// of a long framework (a checklist without groups has no such section).
pub fn groups_section(flow: &mut Flow, report: &Report) {
    let words = &report.method.wording;
    flow.heading(GROUPS_HEADING, Role::H1, H1, 80.0, Some(0));
    let questions_header = words.questions_capitalised();
    let columns = [
        Column {
            header: "Group",
            width: CONTENT_W * 0.42,
        },
        Column {
            header: "Result",
            width: CONTENT_W * 0.4,
        },
        Column {
            header: &questions_header,
            width: CONTENT_W * 0.18,
        },
    ];
    let rows: Vec<Vec<Cell>> = report
        .groups
        .iter()
        .map(|g| {
            // A principle is indented under its objective in words too, not only by position.
            let name = match g.depth {
                0 => Cell::bold(format!("{} {}", g.code, g.title)),
                _ => Cell::plain(format!("   {} {}", g.code, g.title)),
            };
            let r = &g.results;
            let mut result = r.headline.clone();
            if !r.breakdown.is_empty() && r.breakdown != r.headline {
                result.push_str(&format!(" ({})", r.breakdown));
            }
            let mut counted = format!(
                "{} of {} assessed",
                r.assessed,
                r.questions - r.not_applicable
            );
            if r.not_applicable > 0 {
                counted.push_str(&format!("; {} not applicable", r.not_applicable));
            }
            vec![name, Cell::plain(result), Cell::plain(counted)]
        })
        .collect();
    table(flow, GROUPS_HEADING, &columns, &rows);
}

/// The chart as a section of its own, for checklists too long for it to sit in the summary.
pub fn level_chart_section(flow: &mut Flow, report: &Report) {
    flow.heading(
        &chart_heading(report),
        Role::H1,
        H1,
        chart::keep_height(),
        Some(0),
    );
    level_chart(flow, report);
}

/// One chart per scale, so no level is ever placed on another scale's axis; a checklist
/// with one scale (most) gets one chart under the section's own heading.
fn level_chart(flow: &mut Flow, report: &Report) {
    let scales = report.method.chart_scales();
    for (index, scale) in scales.iter().enumerate() {
        let bars: Vec<Bar> = report
            .findings
            .iter()
            .filter(|f| f.scale == index || scales.len() == 1)
            .map(|f| Bar {
                label: f.label(),
                level: f.level.clone(),
                target: f.target.clone(),
                not_applicable: f.not_applicable.is_some(),
            })
            .collect();
        if bars.is_empty() {
            continue;
        }
        let labels: Vec<String> = scale.levels.iter().map(|s| s.label.clone()).collect();
        let heading = match scales.len() {
            1 => chart_heading(report),
            _ => {
                let heading = format!(
                    "{} on the scale “{}”",
                    report.method.wording.questions_capitalised(),
                    scale.title
                );
                flow.heading(&heading, Role::H3, SMALL.bold(), chart::keep_height(), None);
                heading
            }
        };
        chart::chart(flow, &heading, &bars, &labels, &report.method.wording);
    }
}

fn overall(flow: &mut Flow, report: &Report) {
    let words = &report.method.wording;
    let max = report.method.scale.len().saturating_sub(1);
    let text = match (&report.summary.overall, &report.summary.results) {
        (_, Some(results)) => match results.assessed {
            0 => format!(
                "Results: not yet known, as no {} has been assessed.",
                words.question
            ),
            _ => format!(
                "Results: {}, from {} of {} assessed.",
                results.headline,
                results.assessed,
                words.count((results.questions - results.not_applicable) as usize)
            ),
        },
        (Some(o), None) => format!(
            "Overall maturity: {:.1} out of {max} ({}), from {} of {} assessed.",
            o.score,
            o.label,
            o.assessed,
            words.count((o.questions - report.summary.not_applicable) as usize)
        ),
        (None, None) => format!(
            "Overall maturity: not yet known, as no {} has been assessed.",
            words.question
        ),
    };
    flow.paragraph(&text, H3.bold(), MARGIN_X, CONTENT_W);
    if let Some(results) = report
        .summary
        .results
        .as_ref()
        .filter(|r| !r.breakdown.is_empty())
    {
        flow.paragraph(
            &format!("At each level now: {}.", results.breakdown),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
    if report.summary.not_applicable > 0 {
        let n = report.summary.not_applicable as usize;
        flow.paragraph(
            &format!(
                "{} judged not applicable {} left out of every figure; the reasons are in the findings.",
                crate::text::capitalised(&words.count(n)),
                if n == 1 { "is" } else { "are" }
            ),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
    if let (Some(changes), Some(now)) = (&report.summary.since_previous, &report.summary.overall) {
        if let Some(before) = changes.previous_score {
            let word = movement(before, now.score);
            let text = format!("{word} from {before:.1} in {}.", changes.previous_period);
            flow.paragraph(&text, BODY, MARGIN_X, CONTENT_W);
        }
    }
}

fn movement(before: f64, now: f64) -> &'static str {
    if now > before + 0.05 {
        "Up"
    } else if now < before - 0.05 {
        "Down"
    } else {
        "Unchanged"
    }
}

/// How many questions stand at each level now and are aimed at each level: the shape of a
/// long checklist in a table no longer than the scale.
fn level_counts(flow: &mut Flow, report: &Report) {
    let words = &report.method.wording;
    let heading = format!("{} at each level", words.questions_capitalised());
    flow.heading(&heading, Role::H2, H3, 60.0, None);
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.not_applicable.is_none())
        .collect();
    let now_header = format!("{} now", words.questions_capitalised());
    let target_header = format!("{} with this target", words.questions_capitalised());
    let columns = [
        Column {
            header: "Level",
            width: CONTENT_W * 0.5,
        },
        Column {
            header: &now_header,
            width: CONTENT_W * 0.25,
        },
        Column {
            header: &target_header,
            width: CONTENT_W * 0.25,
        },
    ];
    // Levels are counted by label, so "Achieved" on a two-level and a three-level scale
    // are one row, as a framework such as the CAF counts them.
    let mut rows: Vec<Vec<Cell>> = report
        .method
        .level_labels()
        .iter()
        .map(|label| {
            let now = findings
                .iter()
                .filter(|f| f.level.as_ref().is_some_and(|l| l.label == *label))
                .count();
            let target = findings
                .iter()
                .filter(|f| f.target.as_ref().is_some_and(|l| l.label == *label))
                .count();
            vec![
                Cell::bold(label),
                Cell::plain(now.to_string()),
                Cell::plain(target.to_string()),
            ]
        })
        .collect();
    let unassessed = findings.iter().filter(|f| f.level.is_none()).count();
    let untargeted = findings.iter().filter(|f| f.target.is_none()).count();
    if unassessed + untargeted > 0 {
        rows.push(vec![
            Cell::bold("Not assessed / no target"),
            Cell::plain(unassessed.to_string()),
            Cell::plain(untargeted.to_string()),
        ]);
    }
    table(flow, &heading, &columns, &rows);
    flow.y += 4.0;
    flow.paragraph(
        &format!(
            "The level and target of each of the {} are charted in the section “{}”.",
            words.count(report.findings.len()),
            chart_heading(report)
        ),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
}

fn top_priorities(flow: &mut Flow, report: &Report) {
    let all = &report.recommendations;
    if all.is_empty() {
        return;
    }
    let heading = match all.len().min(TOP_PRIORITIES) {
        1 => "Top recommendation".to_string(),
        2 => "Top two recommendations".to_string(),
        _ => "Top three recommendations".to_string(),
    };
    flow.heading(&heading, Role::H2, H3, 40.0, None);
    flow.tagged(Role::L, |flow| {
        for (i, rec) in all.iter().take(TOP_PRIORITIES).enumerate() {
            let marker = format!("{}.", i + 1);
            item(flow, &marker, &rec.title, BODY.bold(), |flow| {
                let detail = recommendation_context(rec, &report.method.wording);
                flow.paragraph(&detail, SMALL, MARGIN_X + 18.0, CONTENT_W - 18.0);
            });
            flow.y += 3.0;
        }
    });
    if all.len() > TOP_PRIORITIES {
        let more = all.len() - TOP_PRIORITIES;
        flow.paragraph(
            &format!(
                "{} follow in priority order in the section “Recommendations”.",
                count(more, "more recommendation")
            ),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
}

fn since_previous(flow: &mut Flow, report: &Report, changes: &Changes) {
    flow.heading(
        &format!("Since {}", changes.previous_period),
        Role::H2,
        H3,
        40.0,
        None,
    );
    flow.paragraph(
        &since_sentence(changes, &report.method.wording),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 3.0;
    let label = |level: u8| report.method.level_label(level);
    let moved = |up: bool| -> Vec<String> {
        changes
            .questions
            .iter()
            .filter_map(|c| match (c.previous, c.current) {
                (Some(p), Some(n)) if (n > p) == up && n != p => {
                    Some(format!("{} ({} → {})", c.title, label(p), label(n)))
                }
                _ => None,
            })
            .collect()
    };
    let unchanged = changes
        .questions
        .iter()
        .filter(|c| c.previous.is_some() && c.previous == c.current)
        .count();
    let elsewhere = if report.comparison.is_some() {
        " (all are in the comparison section)"
    } else {
        ""
    };
    flow.tagged(Role::L, |flow| {
        for (marker, word, items) in [
            ("↑", "Improved", moved(true)),
            ("↓", "Declined", moved(false)),
        ] {
            let list = if items.is_empty() {
                "none".to_string()
            } else if items.len() > NAMED_CHANGES {
                format!(
                    "{}, and {} more{elsewhere}",
                    items[..NAMED_CHANGES].join(", "),
                    items.len() - NAMED_CHANGES
                )
            } else {
                items.join(", ")
            };
            bullet(flow, marker, &format!("{word}: {list}."), BODY);
        }
        bullet(
            flow,
            "→",
            &format!("Unchanged: {unchanged} of {}.", changes.questions.len()),
            BODY,
        );
    });
}

/// The "since last year" paragraph: what a chief executive asks first, in one sentence.
fn since_sentence(changes: &Changes, words: &super::model::Wording) -> String {
    let (mut up, mut held, mut down, mut missing) = (0, 0, 0, 0);
    for c in &changes.questions {
        match (c.previous, c.current) {
            (Some(p), Some(n)) if n > p => up += 1,
            (Some(p), Some(n)) if n < p => down += 1,
            (Some(_), Some(_)) => held += 1,
            _ => missing += 1,
        }
    }
    let none_or = |n: u32| {
        if n == 0 {
            "none".to_string()
        } else {
            n.to_string()
        }
    };
    let mut text = format!(
        "Since the {} assessment, {up} of the {} {} improved, {} held and {} fell.",
        changes.previous_period,
        changes.questions.len(),
        words.questions,
        none_or(held),
        none_or(down)
    );
    if missing > 0 {
        text.push_str(&format!(
            " {missing} could not be compared, because a level is missing in one of the two years."
        ));
    }
    text
}
