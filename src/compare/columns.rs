//! The columns of a comparison (one per assessment, in reading order), overall maturity per
//! column and its change, the counts of what moved, and the title and summary sentences.

use super::actions::follow_ups;
use super::change::{counts, counts_sentence, score_change};
use super::model::{Comparison, ComparisonKind, Direction, PeriodColumn, QuestionRow};
use super::rows::{join_and, rows};
use crate::store::AssessmentDetail;

/// Reading order: organisations in the order first chosen, then oldest period first (ties by
/// id, i.e. the order they were started in).
pub(super) fn ordered<'a>(details: &[&'a AssessmentDetail]) -> Vec<&'a AssessmentDetail> {
    let mut organisations: Vec<i64> = Vec::new();
    for d in details {
        if !organisations.contains(&d.organisation.id) {
            organisations.push(d.organisation.id);
        }
    }
    let rank = |d: &AssessmentDetail| organisations.iter().position(|&o| o == d.organisation.id);
    let mut ordered: Vec<&AssessmentDetail> = details.to_vec();
    ordered.sort_by(|a, b| {
        (rank(a), &a.assessment.period, a.assessment.id).cmp(&(
            rank(b),
            &b.assessment.period,
            b.assessment.id,
        ))
    });
    ordered
}

pub(super) fn comparison(ordered: &[&AssessmentDetail], kind: ComparisonKind) -> Comparison {
    let previous = previous_of_same_organisation(ordered);
    let questions = rows(ordered, &previous, kind);
    let periods: Vec<PeriodColumn> = ordered.iter().map(|d| period_column(d, kind)).collect();
    let periods = with_changes(periods, &previous, &questions);
    let latest_counts = periods.last().and_then(|p| p.counts.clone());
    Comparison {
        kind,
        title: title(&periods, kind),
        summary: summary(&periods, kind, ordered.last().map(|d| &d.checklist.wording)),
        latest_counts,
        nothing_to_compare: (periods.len() == 1).then(|| {
            "Nothing to compare: only one assessment was chosen. Choose two or more.".to_string()
        }),
        actions: follow_ups(ordered),
        periods,
        questions,
    }
}

/// For each column, the nearest earlier column of the same organisation.
fn previous_of_same_organisation(ordered: &[&AssessmentDetail]) -> Vec<Option<usize>> {
    (0..ordered.len())
        .map(|i| {
            (0..i)
                .rev()
                .find(|&j| ordered[j].organisation.id == ordered[i].organisation.id)
        })
        .collect()
}

fn period_column(d: &AssessmentDetail, kind: ComparisonKind) -> PeriodColumn {
    let a = &d.assessment;
    let results = &d.results.overall;
    PeriodColumn {
        assessment_id: a.id,
        organisation_id: d.organisation.id,
        organisation: d.organisation.name.clone(),
        period: a.period.clone(),
        label: match kind {
            ComparisonKind::SameOrganisation => a.period.clone(),
            ComparisonKind::Peer => format!("{} {}", d.organisation.name, a.period),
        },
        status: a.status,
        checklist_version: d.checklist.version.clone(),
        overall_level: results.mean.and(results.level),
        overall_label: results.mean.and(results.level_label.clone()),
        overall_score: results.mean,
        result: results.headline.clone(),
        answered: results.assessed,
        question_count: d.checklist.questions.len() as u32,
        overall_change: None,
        counts: None,
    }
}

fn with_changes(
    mut periods: Vec<PeriodColumn>,
    previous: &[Option<usize>],
    rows: &[QuestionRow],
) -> Vec<PeriodColumn> {
    for (i, before) in previous.iter().enumerate() {
        let Some(j) = *before else { continue };
        let (from, to) = (periods[j].period.clone(), periods[i].period.clone());
        periods[i].counts = Some(counts(rows, i, &from, &to));
        periods[i].overall_change = match (periods[j].overall_score, periods[i].overall_score) {
            (Some(then), Some(now)) => Some(score_change(then, now)),
            _ => None,
        };
    }
    periods
}

fn title(periods: &[PeriodColumn], kind: ComparisonKind) -> String {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return String::new();
    };
    match kind {
        ComparisonKind::Peer => format!("Peer comparison: {}", join_and(&organisations(periods))),
        _ if periods.len() == 1 => format!("{}, {}", first.organisation, first.period),
        _ => format!(
            "{}, {} to {}",
            first.organisation, first.period, last.period
        ),
    }
}

fn organisations(periods: &[PeriodColumn]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for p in periods {
        if !names.contains(&p.organisation) {
            names.push(p.organisation.clone());
        }
    }
    names
}

fn summary(
    periods: &[PeriodColumn],
    kind: ComparisonKind,
    words: Option<&crate::checklist::Wording>,
) -> String {
    if kind == ComparisonKind::Peer {
        return format!(
            "This is a peer comparison of {}, made because you asked for one. Levels are set side by side; a change is only worked out between assessments of the same organisation.",
            join_and(&organisations(periods))
        );
    }
    let Some(last) = periods.last().filter(|p| p.counts.is_some()) else {
        return String::new();
    };
    let mut text = String::new();
    if let Some(counts) = &last.counts {
        text = format!(
            "Between {} and {}, {}.",
            counts.from_period,
            counts.to_period,
            counts_sentence(counts, &words.cloned().unwrap_or_default())
        );
    }
    let previous = &periods[periods.len() - 2];
    text.push(' ');
    text.push_str(&overall_sentence(previous, last));
    if periods.len() > 2 {
        if let Some(span) = span_sentence(&periods[0], last) {
            text.push(' ');
            text.push_str(&span);
        }
    }
    text
}

fn overall_sentence(before: &PeriodColumn, after: &PeriodColumn) -> String {
    match (before.overall_score, after.overall_score) {
        (Some(then), Some(now)) => {
            let change = score_change(then, now);
            match change.direction {
                Direction::Held => format!("Overall maturity held at {now:.1}."),
                _ => format!(
                    "Overall maturity went {} from {then:.1} to {now:.1}.",
                    if change.difference > 0.0 { "up" } else { "down" }
                ),
            }
        }
        // A checklist that is not averaged (counts against targets, or the worst rating)
        // is compared by its own results, in words.
        (None, None) if before.answered > 0 && after.answered > 0 => format!(
            "Results in {}: {}; in {}: {}.",
            after.period, after.result, before.period, before.result
        ),
        _ => "Overall results cannot be compared, because one of the two assessments has nothing assessed yet.".to_string(),
    }
}

fn span_sentence(first: &PeriodColumn, last: &PeriodColumn) -> Option<String> {
    let (then, now) = (first.overall_score?, last.overall_score?);
    Some(format!(
        "Since {}, it has gone from {then:.1} to {now:.1}.",
        first.period
    ))
}
