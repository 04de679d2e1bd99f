//! The back of the report, the record behind the summary: findings per question with all of
//! their evidence, and the method and scale used. The year-on-year comparison, which sits
//! between them, is in [`super::comparison`].

use super::layout::{Flow, Style, BODY, CONTENT_W, H1, H2, H3, MARGIN_X, SECONDARY, SMALL};
use super::model::{Evidence, Finding, Report, ScaleLevel, Wording};
use super::sections::{item, key_values, level_text, long_date};
use super::summary::is_long;
use super::table::{table, Cell, Column};
use super::tags::Role;
use super::words::coded;

pub fn findings(flow: &mut Flow, report: &Report) {
    flow.heading("Findings", Role::H1, H1, 80.0, Some(0));
    let words = &report.method.wording;
    if report.findings.is_empty() {
        flow.paragraph(
            &format!("The checklist has no {}.", words.questions),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
    }
    not_recorded_yet(flow, report);
    // A long checklist gets smaller item headings and one line of levels per question, so
    // its record is pages, not dozens of pages, shorter.
    let long = is_long(report);
    for finding in &report.findings {
        one_finding(flow, finding, long, words);
    }
}

fn one_finding(flow: &mut Flow, f: &Finding, long: bool, words: &Wording) {
    flow.heading(
        &format!("{} {}: {}", words.question_capitalised(), f.code, f.title),
        Role::H2,
        if long { H3 } else { H2 },
        60.0,
        Some(1),
    );
    flow.paragraph(&f.question, BODY.colour(SECONDARY), MARGIN_X, CONTENT_W);
    flow.y += 6.0;
    let confidence = f
        .confidence
        .clone()
        .unwrap_or_else(|| "Not given".to_string());
    let level = match &f.not_applicable {
        Some(_) => "Not applicable".to_string(),
        None => level_text(&f.level),
    };
    let pairs = [
        ("Level", level),
        (
            "Target",
            level_text(&f.target).replace("Not assessed", "Not set"),
        ),
        ("Confidence", confidence),
    ];
    if long {
        let line: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        flow.paragraph(&line.join(" · "), BODY, MARGIN_X, CONTENT_W);
    } else {
        key_values(flow, &pairs, 80.0);
    }
    if let (Some(level), Some(descriptor)) = (&f.level, &f.descriptor) {
        flow.heading(
            &format!("What level {} ({}) looks like", level.level, level.label),
            Role::H3,
            H3,
            30.0,
            None,
        );
        if f.indicators.is_empty() {
            flow.paragraph(descriptor, BODY, MARGIN_X, CONTENT_W);
        } else {
            flow.tagged(Role::L, |flow| {
                for indicator in &f.indicators {
                    item(flow, "•", indicator, BODY, |_| {});
                }
            });
        }
    }
    if let Some(reason) = &f.not_applicable {
        flow.heading("Why it does not apply", Role::H3, H3, 30.0, None);
        flow.paragraph(reason, BODY, MARGIN_X, CONTENT_W);
    }
    // An empty rationale or evidence list is said once for all questions at the top of
    // the section (see `not_recorded_yet`), not under each question.
    if !f.rationale.trim().is_empty() {
        flow.heading("Rationale", Role::H3, H3, 30.0, None);
        flow.paragraph(&f.rationale, BODY, MARGIN_X, CONTENT_W);
    }
    if f.evidence.is_empty() {
        return;
    }
    let title = format!("Evidence ({})", f.evidence.len());
    flow.heading(&title, Role::H3, H3, 30.0, None);
    flow.tagged(Role::L, |flow| {
        for one in &f.evidence {
            evidence(flow, one);
        }
    });
}

/// One line per kind of empty section, naming the questions it applies to: a long
/// checklist early in its assessment would otherwise repeat "None recorded yet" dozens of
/// times.
fn not_recorded_yet(flow: &mut Flow, report: &Report) {
    let without = |empty: &dyn Fn(&Finding) -> bool| -> Vec<(u32, String)> {
        report
            .findings
            .iter()
            .filter(|f| empty(f))
            .map(|f| (f.number, f.code.clone()))
            .collect()
    };
    let lines = [
        ("rationale", without(&|f| f.rationale.trim().is_empty())),
        ("evidence", without(&|f| f.evidence.is_empty())),
    ];
    for (what, numbers) in lines {
        if numbers.is_empty() {
            continue;
        }
        flow.paragraph(
            &format!(
                "No {what} recorded yet for {}.",
                coded(&report.method.wording, &numbers)
            ),
            BODY.bold(),
            MARGIN_X,
            CONTENT_W,
        );
        flow.y += 2.0;
    }
}

fn evidence(flow: &mut Flow, evidence: &Evidence) {
    match evidence {
        Evidence::Note { text } => item(flow, "•", "Note", BODY.bold(), |flow| {
            indented(flow, text, BODY)
        }),
        Evidence::Link { title, url } => {
            let text = format!("Link: {title}");
            item(flow, "•", &text, BODY, |flow| indented(flow, url, SMALL));
        }
        Evidence::File { name, added } => {
            let text = format!("File: {name} (added {})", long_date(*added));
            item(flow, "•", &text, BODY, |_| {});
        }
    }
    flow.y += 3.0;
}

/// A paragraph under a list item's first line, aligned with its text.
fn indented(flow: &mut Flow, text: &str, style: Style) {
    flow.paragraph(text, style, MARGIN_X + 18.0, CONTENT_W - 18.0);
}

pub fn method(flow: &mut Flow, report: &Report) {
    let method = &report.method;
    flow.heading("Method and scale", Role::H1, H1, 80.0, Some(0));
    let profile = match &method.profile {
        Some(profile) => format!(" Its targets started from the checklist's profile “{profile}”."),
        None => String::new(),
    };
    flow.paragraph(
        &format!(
            "This {} uses the checklist “{}”, version {}.{profile}",
            method.wording.assessment, method.checklist_title, method.checklist_version
        ),
        BODY,
        MARGIN_X,
        CONTENT_W,
    );
    flow.y += 4.0;
    flow.paragraph(&method.source, BODY, MARGIN_X, CONTENT_W);
    let provenance_heading = format!("Where each {} comes from", method.wording.question);
    let provenance_heading = provenance_heading.as_str();
    flow.heading(provenance_heading, Role::H2, H3, 60.0, None);
    if is_long(report) {
        provenance_by_kind(flow, report);
    } else {
        provenance_table(flow, report, provenance_heading);
    }
    scale_table(flow, report);
    if !method.contributors.is_empty() {
        flow.heading("Contributions", Role::H2, H3, 60.0, None);
        flow.paragraph(
            &format!(
                "Colleagues contributed answers and evidence to these {}; the assessor reviewed and accepted them.",
                method.wording.questions
            ),
            BODY,
            MARGIN_X,
            CONTENT_W,
        );
        flow.tagged(Role::L, |flow| {
            for line in &method.contributors {
                item(flow, "•", line, BODY, |_| {});
            }
        });
    }
}

/// For a long checklist, one line per kind of source instead of a row per question (the
/// titles are all in the findings).
fn provenance_by_kind(flow: &mut Flow, report: &Report) {
    let mut kinds: Vec<(&str, Vec<(u32, String)>)> = Vec::new();
    let codes: std::collections::HashMap<u32, &str> = report
        .findings
        .iter()
        .map(|f| (f.number, f.code.as_str()))
        .collect();
    for p in &report.method.provenance {
        let code = codes
            .get(&p.number)
            .map_or_else(|| p.number.to_string(), |c| c.to_string());
        match kinds.iter_mut().find(|(kind, _)| *kind == p.provenance) {
            Some((_, numbers)) => numbers.push((p.number, code)),
            None => kinds.push((&p.provenance, vec![(p.number, code)])),
        }
    }
    flow.tagged(Role::L, |flow| {
        for (kind, numbers) in kinds {
            let text = format!("{kind}: {}.", coded(&report.method.wording, &numbers));
            item(flow, "•", &text, BODY, |_| {});
        }
    });
}

fn provenance_table(flow: &mut Flow, report: &Report, heading: &str) {
    let method = &report.method;
    let question_header = method.wording.question_capitalised();
    let codes: std::collections::HashMap<u32, &Finding> =
        report.findings.iter().map(|f| (f.number, f)).collect();
    let columns = [
        Column {
            header: &question_header,
            width: CONTENT_W * 0.6,
        },
        Column {
            header: "Source",
            width: CONTENT_W * 0.4,
        },
    ];
    let rows: Vec<Vec<Cell>> = method
        .provenance
        .iter()
        .map(|p| {
            vec![
                Cell::plain(
                    codes
                        .get(&p.number)
                        .map_or_else(|| format!("{}. {}", p.number, p.title), |f| f.label()),
                ),
                Cell::plain(&p.provenance),
            ]
        })
        .collect();
    table(flow, heading, &columns, &rows);
}

fn scale_table(flow: &mut Flow, report: &Report) {
    let method = &report.method;
    let scales: Vec<(String, &[ScaleLevel])> = match method.scales.len() {
        0 | 1 => vec![("Maturity scale".to_string(), &method.scale[..])],
        _ => method
            .scales
            .iter()
            .map(|s| (format!("Scale: {}", s.title), &s.levels[..]))
            .collect(),
    };
    for (heading, levels) in scales {
        one_scale(flow, &heading, levels);
    }
    flow.y += 8.0;
    let not_applicable = if report.findings.iter().any(|f| f.not_applicable.is_some()) {
        " or “Not applicable”, with the reason, when it does not apply to what was assessed"
    } else {
        ""
    };
    flow.paragraph(
        &format!(
            "Each {} may also be “Not assessed” when no level has been chosen yet{not_applicable}.",
            method.wording.question
        ),
        SMALL,
        MARGIN_X,
        CONTENT_W,
    );
}

fn one_scale(flow: &mut Flow, heading: &str, levels: &[ScaleLevel]) {
    flow.heading(heading, Role::H2, H3, 60.0, None);
    let columns = [
        Column {
            header: "Level",
            width: CONTENT_W * 0.1,
        },
        Column {
            header: "Label",
            width: CONTENT_W * 0.2,
        },
        Column {
            header: "What it means",
            width: CONTENT_W * 0.7,
        },
    ];
    let rows: Vec<Vec<Cell>> = levels
        .iter()
        .map(|s| {
            vec![
                Cell::bold(s.level.to_string()),
                Cell::bold(&s.label),
                Cell::plain(&s.meaning),
            ]
        })
        .collect();
    table(flow, heading, &columns, &rows);
}
