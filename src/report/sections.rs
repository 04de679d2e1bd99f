//! The front of the report: the cover, and the recommendations in priority order with their
//! actions (the executive summary between them is in [`super::summary`]); and the list and
//! key-value pieces the other sections share.

use chrono::NaiveDate;

use super::layout::{Flow, Style, BLUE, BODY, CONTENT_W, H1, H2, H3, MARGIN_X, PALE, SMALL, TITLE};
use super::model::{LevelRef, Recommendation, Report, Status, Wording};
use super::table::{table, Cell, Column};
use super::tags::{Role, Scope};
use super::words::numbered;

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
    // Named after the checklist, so a report on another framework never calls itself digital.
    flow.paragraph(
        &report.method.assessment_name().to_uppercase(),
        SMALL.bold().colour(BLUE),
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 12.0;
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
    ];
    if !cover.scope.is_empty() {
        facts.push(("Scope", cover.scope.clone()));
    }
    facts.push(("Assessor", cover.assessor.clone()));
    if let Some(approval) = &cover.approval {
        facts.push(("Approved by", approval.approver.clone()));
        facts.push(("Approved on", long_date(approval.date)));
    }
    let method = &report.method;
    if let Some(profile) = &method.profile {
        facts.push(("Target profile", profile.clone()));
    }
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

pub fn recommendation_context(rec: &Recommendation, words: &Wording) -> String {
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
        Some(q) => format!(
            "{} {}: {} · {levels}",
            words.question_capitalised(),
            q.code,
            q.title
        ),
        None => "Applies to the whole checklist".to_string(),
    }
}

pub fn recommendations(flow: &mut Flow, report: &Report) {
    flow.heading("Recommendations", Role::H1, H1, 80.0, Some(0));
    let words = &report.method.wording;
    flow.paragraph(
        &format!(
            "In priority order: the largest gap between the current and the target level first, \
             then the {} the checklist weights most. The overall recommendation comes last.",
            words.questions
        ),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    if report.recommendations.is_empty() {
        flow.paragraph(
            &format!("No {} has a recommendation yet.", words.question),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
    no_actions_yet(flow, report);
    // Smaller item headings keep a long checklist's recommendations to a few pages.
    let style = if super::summary::is_long(report) {
        H3
    } else {
        H2
    };
    for (i, rec) in report.recommendations.iter().enumerate() {
        recommendation(
            flow,
            &format!("{}. {}", i + 1, rec.title),
            rec,
            style,
            words,
        );
    }
    if let Some(rec) = &report.overall_recommendation {
        let heading = format!("Overall recommendation: {}", rec.title);
        recommendation(flow, &heading, rec, style, words);
    }
}

fn recommendation(
    flow: &mut Flow,
    heading: &str,
    rec: &Recommendation,
    style: Style,
    words: &Wording,
) {
    flow.heading(heading, Role::H2, style, 60.0, Some(1));
    flow.paragraph(
        &recommendation_context(rec, words),
        SMALL,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 4.0;
    flow.paragraph(&rec.text, BODY, MARGIN_X, CONTENT_W);
    if !rec.reasoning.trim().is_empty() {
        flow.heading("Why it matters", Role::H3, H3, 30.0, None);
        flow.paragraph(&rec.reasoning, BODY, MARGIN_X, CONTENT_W);
    }
    // Said once for all of them at the top of the section, not under each one.
    if rec.actions.is_empty() {
        return;
    }
    let caption = format!("Actions for “{heading}”");
    flow.heading("Actions", Role::H3, H3, 40.0, None);
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
    table(flow, &caption, &columns, &rows);
}

/// One line naming every recommendation without actions, instead of "No actions recorded
/// yet" repeated under each of them.
fn no_actions_yet(flow: &mut Flow, report: &Report) {
    let numbers: Vec<u32> = (1..)
        .zip(&report.recommendations)
        .filter(|(_, rec)| rec.actions.is_empty())
        .map(|(n, _)| n)
        .collect();
    let overall_without = report
        .overall_recommendation
        .as_ref()
        .is_some_and(|rec| rec.actions.is_empty());
    let mut which: Vec<String> = Vec::new();
    if !numbers.is_empty() {
        which.push(numbered("recommendation", &numbers));
    }
    if overall_without {
        which.push("the overall recommendation".to_string());
    }
    if which.is_empty() {
        return;
    }
    flow.y += 4.0;
    flow.paragraph(
        &format!("No actions are recorded yet for {}.", which.join(" or ")),
        BODY.bold(),
        MARGIN_X,
        CONTENT_W,
    );
}
