//! The executive summary, what a busy reader sees first, kept to at most two pages whatever
//! the length of the checklist: the overall maturity, the level of each question (charted
//! here for a short checklist; for a long one a count per level, with the chart in its own
//! section after the summary), the top priorities with how many more follow, and what
//! changed since the previous assessment with long lists cut short and pointed onwards.

use super::chart::{self, Bar};
use super::layout::{Flow, BODY, CONTENT_W, H1, H3, MARGIN_X, SMALL};
use super::model::{Changes, Report};
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

pub const CHART_HEADING: &str = "Level by question";

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
        flow.heading(CHART_HEADING, Role::H2, H3, chart::keep_height(), None);
        level_chart(flow, report);
    }
    top_priorities(flow, report);
    if let Some(changes) = &report.summary.since_previous {
        since_previous(flow, report, changes);
    }
}

/// The chart as a section of its own, for checklists too long for it to sit in the summary.
pub fn level_chart_section(flow: &mut Flow, report: &Report) {
    flow.heading(CHART_HEADING, Role::H1, H1, chart::keep_height(), Some(0));
    level_chart(flow, report);
}

fn level_chart(flow: &mut Flow, report: &Report) {
    let bars: Vec<Bar> = report
        .findings
        .iter()
        .map(|f| Bar {
            label: format!("{}. {}", f.number, f.title),
            level: f.level.clone(),
            target: f.target.clone(),
        })
        .collect();
    let scale: Vec<String> = report
        .method
        .scale
        .iter()
        .map(|s| s.label.clone())
        .collect();
    chart::chart(flow, CHART_HEADING, &bars, &scale);
}

fn overall(flow: &mut Flow, report: &Report) {
    let max = report.method.scale.len().saturating_sub(1);
    let text = match &report.summary.overall {
        Some(o) => format!(
            "Overall maturity: {:.1} out of {max} ({}), from {} of {} questions assessed.",
            o.score, o.label, o.assessed, o.questions
        ),
        None => "Overall maturity: not yet known, as no question has been assessed.".to_string(),
    };
    flow.paragraph(&text, H3.bold(), MARGIN_X, CONTENT_W);
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
    let heading = "Questions at each level";
    flow.heading(heading, Role::H2, H3, 60.0, None);
    let findings = &report.findings;
    let columns = [
        Column {
            header: "Level",
            width: CONTENT_W * 0.5,
        },
        Column {
            header: "Questions now",
            width: CONTENT_W * 0.25,
        },
        Column {
            header: "Questions with this target",
            width: CONTENT_W * 0.25,
        },
    ];
    let mut rows: Vec<Vec<Cell>> = report
        .method
        .scale
        .iter()
        .map(|s| {
            let now = findings
                .iter()
                .filter(|f| f.level.as_ref().is_some_and(|l| l.level == s.level))
                .count();
            let target = findings
                .iter()
                .filter(|f| f.target.as_ref().is_some_and(|l| l.level == s.level))
                .count();
            vec![
                Cell::bold(&s.label),
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
    table(flow, heading, &columns, &rows);
    flow.y += 4.0;
    flow.paragraph(
        &format!(
            "The level and target of each of the {} are charted in the next section, “{CHART_HEADING}”.",
            count(findings.len(), "question")
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
                let detail = recommendation_context(rec);
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
    flow.paragraph(&since_sentence(changes), BODY, MARGIN_X, CONTENT_W);
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
fn since_sentence(changes: &Changes) -> String {
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
        "Since the {} assessment, {up} of the {} questions improved, {} held and {} fell.",
        changes.previous_period,
        changes.questions.len(),
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
