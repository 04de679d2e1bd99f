//! The front of the report, what a busy reader sees first: the cover, the one-page executive
//! summary and the recommendations in priority order with their actions.

use chrono::NaiveDate;

use super::chart::{self, Bar};
use super::layout::{Flow, Style, BLUE, BODY, CONTENT_W, H1, H2, H3, MARGIN_X, PALE, SMALL, TITLE};
use super::model::{Changes, LevelRef, Recommendation, Report, Status};
use super::table::{table, Cell, Column};
use super::tags::{Role, Scope};

/// GOV.UK style dates: "4 May 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

pub fn level_text(level: &Option<LevelRef>) -> String {
    match level {
        Some(l) => format!("{} {}", l.level, l.label),
        None => "Not assessed".to_string(),
    }
}

/// A list item set off by a marker, with the wrapped lines hanging under the text. Call it
/// inside a list (`flow.tagged(Role::L, ..)`), so a screen reader announces the count.
pub fn bullet(flow: &mut Flow, marker: &str, text: &str, style: Style) {
    item(flow, marker, text, style, |_| {});
}

/// A list item whose body goes on with whatever `more` draws under the text.
pub fn item(flow: &mut Flow, marker: &str, text: &str, style: Style, more: impl FnOnce(&mut Flow)) {
    flow.tagged(Role::LI, |flow| {
        flow.ensure(style.line_height());
        let top = flow.y;
        flow.tagged(Role::Lbl, |flow| {
            flow.text(MARGIN_X + 4.0, top, marker, style)
        });
        flow.tagged(Role::LBody, |flow| {
            flow.paragraph(text, style, MARGIN_X + 18.0, CONTENT_W - 18.0);
            more(flow);
        });
    });
}

pub fn cover(flow: &mut Flow, report: &Report) {
    let cover = &report.cover;
    flow.bookmark("Cover", 0);
    flow.y = 150.0;
    flow.paragraph(
        "DIGITAL BEST-PRACTICE SELF-ASSESSMENT",
        SMALL.bold().colour(BLUE),
        MARGIN_X,
        CONTENT_W,
    );
    flow.y = 150.0 + 24.0;
    // The organisation is the cover's title, so headings start at H1 as PDF/UA asks.
    flow.block(Role::H1, &cover.organisation, TITLE, MARGIN_X, CONTENT_W);
    flow.y += 4.0;
    flow.paragraph(
        &format!("Assessment for {}", cover.period),
        H2,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 14.0;
    flow.fill_rect(MARGIN_X, flow.y, 64.0, 4.0, BLUE);
    flow.y += 28.0;
    status_panel(flow, report);
    flow.y += 22.0;
    let mut facts = vec![
        ("Organisation", cover.organisation.clone()),
        ("Period", cover.period.clone()),
        ("Assessor", cover.assessor.clone()),
    ];
    if let Some(approval) = &cover.approval {
        facts.push(("Approved by", approval.approver.clone()));
        facts.push(("Approved on", long_date(approval.date)));
    }
    let method = &report.method;
    facts.push((
        "Checklist",
        format!(
            "{} (version {})",
            method.checklist_title, method.checklist_version
        ),
    ));
    facts.push((
        "Exported",
        cover
            .exported_at
            .format("%-d %B %Y at %H:%M UTC")
            .to_string(),
    ));
    key_values(flow, &facts, 110.0);
}

fn status_panel(flow: &mut Flow, report: &Report) {
    let (headline, detail) = match (&report.cover.status, &report.cover.approval) {
        (Status::Final, Some(a)) => (
            "FINAL".to_string(),
            format!("Approved by {} on {}.", a.approver, long_date(a.date)),
        ),
        (Status::Final, None) => ("FINAL".to_string(), "Signed off.".to_string()),
        (Status::Draft, _) => (
            "DRAFT".to_string(),
            "Not yet approved: findings and scores may change.".to_string(),
        ),
    };
    let lines = flow.lines(&detail, BODY, CONTENT_W - 24.0);
    let height = 14.0 + H2.line_height() + lines.len() as f32 * BODY.line_height();
    flow.fill_rect(MARGIN_X, flow.y, CONTENT_W, height, PALE);
    flow.fill_rect(MARGIN_X, flow.y, 4.0, height, BLUE);
    flow.y += 7.0;
    flow.tagged(Role::P, |flow| {
        flow.text(MARGIN_X + 14.0, flow.y, &format!("Status: {headline}"), H2)
    });
    flow.y += H2.line_height();
    flow.tagged(Role::P, |flow| {
        for line in lines {
            flow.text(MARGIN_X + 14.0, flow.y, &line, BODY);
            flow.y += BODY.line_height();
        }
    });
    flow.y += 7.0;
}

/// Bold labels with their values beside them, each value wrapping in its own column. Tagged
/// as a table whose labels are row headers, so "Level" is read with its value.
pub fn key_values(flow: &mut Flow, pairs: &[(&str, String)], label_w: f32) {
    flow.tagged(Role::Table, |flow| {
        for (label, value) in pairs {
            flow.tagged(Role::TR, |flow| {
                flow.ensure(BODY.line_height());
                let header = flow.tags.add_header(Scope::Row);
                flow.text_of(header, MARGIN_X, flow.y, label, BODY.bold());
                let x = MARGIN_X + label_w;
                flow.block(Role::TD, value, BODY, x, CONTENT_W - label_w);
            });
            flow.y += 2.0;
        }
    });
}

pub fn summary(flow: &mut Flow, report: &Report) {
    flow.heading("Executive summary", Role::H1, H1, 200.0, Some(0));
    overall(flow, report);
    flow.heading(
        "Level by question",
        Role::H2,
        H3,
        chart::height(report.findings.len()),
        None,
    );
    let bars: Vec<Bar> = report
        .findings
        .iter()
        .map(|f| Bar {
            label: format!("{}. {}", f.number, f.title),
            level: f.level.as_ref().map(|l| l.level),
            target: f.target.as_ref().map(|l| l.level),
        })
        .collect();
    let max_level = report.method.scale.len().saturating_sub(1) as u8;
    chart::chart(flow, &bars, max_level);
    top_three(flow, report);
    if let Some(changes) = &report.summary.since_previous {
        since_previous(flow, changes);
    }
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

fn top_three(flow: &mut Flow, report: &Report) {
    if report.recommendations.is_empty() {
        return;
    }
    flow.heading("Top three recommendations", Role::H2, H3, 40.0, None);
    flow.tagged(Role::L, |flow| {
        for (i, rec) in report.recommendations.iter().take(3).enumerate() {
            let marker = format!("{}.", i + 1);
            item(flow, &marker, &rec.title, BODY.bold(), |flow| {
                let detail = recommendation_context(rec);
                flow.paragraph(&detail, SMALL, MARGIN_X + 18.0, CONTENT_W - 18.0);
            });
            flow.y += 3.0;
        }
    });
}

fn recommendation_context(rec: &Recommendation) -> String {
    let levels = format!(
        "now {}, target {}",
        level_text(&rec.current),
        rec.target
            .as_ref()
            .map_or("not set".to_string(), |t| format!(
                "{} {}",
                t.level, t.label
            ))
    );
    match &rec.question {
        Some(q) => format!("Question {}: {} · {levels}", q.number, q.title),
        None => "Applies to the whole checklist".to_string(),
    }
}

fn since_previous(flow: &mut Flow, changes: &Changes) {
    flow.heading(
        &format!("Since {}", changes.previous_period),
        Role::H2,
        H3,
        40.0,
        None,
    );
    flow.paragraph(&since_sentence(changes), BODY, MARGIN_X, CONTENT_W);
    flow.y += 3.0;
    let moved = |up: bool| -> Vec<String> {
        changes
            .questions
            .iter()
            .filter_map(|c| match (c.previous, c.current) {
                (Some(p), Some(n)) if (n > p) == up && n != p => {
                    Some(format!("{} ({p} → {n})", c.title))
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
    flow.tagged(Role::L, |flow| {
        for (marker, word, items) in [
            ("↑", "Improved", moved(true)),
            ("↓", "Declined", moved(false)),
        ] {
            let list = if items.is_empty() {
                "none".to_string()
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

pub fn recommendations(flow: &mut Flow, report: &Report) {
    flow.heading("Recommendations", Role::H1, H1, 80.0, Some(0));
    flow.paragraph(
        "In priority order: the largest gap between the current and the target level first, \
         then the questions the checklist weights most. The overall recommendation comes last.",
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    if report.recommendations.is_empty() {
        flow.paragraph(
            "No question has a recommendation yet.",
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
    for (i, rec) in report.recommendations.iter().enumerate() {
        recommendation(flow, &format!("{}. {}", i + 1, rec.title), rec);
    }
    if let Some(rec) = &report.overall_recommendation {
        recommendation(flow, &format!("Overall recommendation: {}", rec.title), rec);
    }
}

fn recommendation(flow: &mut Flow, heading: &str, rec: &Recommendation) {
    flow.heading(heading, Role::H2, H2, 60.0, Some(1));
    flow.paragraph(&recommendation_context(rec), SMALL, MARGIN_X, CONTENT_W);
    flow.y += 4.0;
    flow.paragraph(&rec.text, BODY, MARGIN_X, CONTENT_W);
    if !rec.reasoning.trim().is_empty() {
        flow.heading("Why it matters", Role::H3, H3, 30.0, None);
        flow.paragraph(&rec.reasoning, BODY, MARGIN_X, CONTENT_W);
    }
    flow.heading("Actions", Role::H3, H3, 40.0, None);
    if rec.actions.is_empty() {
        flow.paragraph("No actions recorded yet.", BODY, MARGIN_X, CONTENT_W);
        return;
    }
    let columns = [
        Column {
            header: "Action",
            width: CONTENT_W * 0.48,
        },
        Column {
            header: "Owner",
            width: CONTENT_W * 0.2,
        },
        Column {
            header: "Due",
            width: CONTENT_W * 0.16,
        },
        Column {
            header: "Status",
            width: CONTENT_W * 0.16,
        },
    ];
    let rows: Vec<Vec<Cell>> = rec
        .actions
        .iter()
        .map(|a| {
            vec![
                Cell::plain(&a.what),
                Cell::plain(&a.owner),
                Cell::plain(a.due.map_or("No date".to_string(), long_date)),
                Cell::plain(&a.status),
            ]
        })
        .collect();
    table(flow, &columns, &rows);
}
