//! Year-on-year comparison: two or more loaded assessments side by side, question by
//! question, matched across checklist versions by stable id and `replaces` ([`matching`]),
//! with the change between each assessment and the previous one of the same organisation,
//! overall maturity per period, counts of what improved, held and fell, and what became of
//! earlier actions. Pure over loaded assessments, so the compare screen, the CLI and the PDF
//! show the same numbers and words.
//!
//! Assessments of different organisations are refused unless the caller asks for a peer
//! comparison, which is then labelled as such and never presents one council's score as
//! another's "change". Assessments against different checklists are always refused: their
//! questions and scales differ, so setting them side by side would mislead (versions of one
//! checklist are matched through `replaces`).

mod actions;
mod change;
mod columns;
mod matching;
mod model;
mod rows;

use std::collections::HashSet;

use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use crate::store::assessments::{checklist_and_scope, get_assessment, list_history};
use crate::store::{load_assessment, AssessmentDetail};
use crate::{Error, Field, Result};

pub use change::{level_change, score_change};
pub use model::*;

/// How many earlier assessments the default comparison takes: five periods fit on a screen
/// and a PDF page, and cover the span senior management usually asks about.
pub const DEFAULT_EARLIER: usize = 4;

/// The most assessments set side by side at once, on the compare screen, in the report's
/// comparison section and on the command line: more would not fit a table, a chart or a page.
pub const MAX_COMPARED: usize = 10;

/// Refuses a comparison of more than [`MAX_COMPARED`] assessments.
pub fn check_count(count: usize) -> Result<()> {
    if count > MAX_COMPARED {
        return Err(Error::invalid(
            Field::Comparison,
            format!(
                "{count} assessments were chosen, but at most {MAX_COMPARED} can be compared at once. Choose fewer."
            ),
        ));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareOptions {
    /// Compare assessments of different organisations (a peer comparison).
    pub allow_peer: bool,
}

/// Compares the assessments `ids` (any order; duplicates ignored).
pub fn compare_assessments(
    conn: &Connection,
    ids: &[i64],
    options: &CompareOptions,
) -> Result<Comparison> {
    let mut seen = HashSet::new();
    let distinct: Vec<i64> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    check_count(distinct.len())?;
    let details = distinct
        .iter()
        .map(|&id| load_assessment(conn, id))
        .collect::<Result<Vec<_>>>()?;
    let refs: Vec<&AssessmentDetail> = details.iter().collect();
    let mut comparison = compare_details(&refs, options)?;
    if let [only] = details.as_slice() {
        let message = nothing_to_compare(conn, only)?;
        comparison.summary = message.clone();
        comparison.nothing_to_compare = Some(message);
    }
    Ok(comparison)
}

/// Compares assessments already loaded (the report loads them once for several uses).
pub fn compare_details(
    details: &[&AssessmentDetail],
    options: &CompareOptions,
) -> Result<Comparison> {
    if details.is_empty() {
        return Err(Error::InvalidInput(
            "Nothing to compare: no assessments were chosen. Choose two or more assessments of one organisation.".into(),
        ));
    }
    refuse_other_checklists(details)?;
    refuse_mixed_scopes(details)?;
    let kind = organisations_kind(details, options)?;
    let ordered = columns::ordered(details);
    Ok(columns::comparison(&ordered, kind))
}

/// The assessment `assessment_id` and up to [`DEFAULT_EARLIER`] earlier ones of the same
/// organisation, checklist and scope, oldest first: what the compare screen and the report
/// start from.
pub fn default_comparison_ids(conn: &Connection, assessment_id: i64) -> Result<Vec<i64>> {
    let current = get_assessment(conn, assessment_id)?;
    let earlier: Vec<i64> = list_history(conn, &current)?
        .into_iter()
        .filter(|a| a.period < current.period)
        .map(|a| a.id)
        .collect();
    let skip = earlier.len().saturating_sub(DEFAULT_EARLIER);
    let mut ids = earlier[skip..].to_vec();
    ids.push(assessment_id);
    Ok(ids)
}

/// Refuses a comparison across checklists, naming both, whoever's assessments they are.
fn refuse_other_checklists(details: &[&AssessmentDetail]) -> Result<()> {
    let first = details[0];
    let Some(other) = details
        .iter()
        .find(|d| d.assessment.checklist.checklist_id != first.assessment.checklist.checklist_id)
    else {
        return Ok(());
    };
    Err(Error::InvalidInput(format!(
        "Assessment {} ({}, {}) is against the checklist “{}” and assessment {} ({}, {}) against “{}”. Different checklists ask different questions on different scales, so their results cannot be compared. Choose assessments made against one checklist.",
        first.assessment.id,
        first.organisation.name,
        first.assessment.period,
        first.checklist.title,
        other.assessment.id,
        other.organisation.name,
        other.assessment.period,
        other.checklist.title,
    )))
}

/// Within one organisation, two scopes are two things assessed: one's level is not the
/// other's "change", so they are not compared as if they were one series.
fn refuse_mixed_scopes(details: &[&AssessmentDetail]) -> Result<()> {
    let scope_of = |d: &AssessmentDetail| match d.assessment.scope.as_str() {
        "" => "the whole organisation".to_string(),
        scope => scope.to_string(),
    };
    for (index, first) in details.iter().enumerate() {
        let other = details[index + 1..].iter().find(|d| {
            d.organisation.id == first.organisation.id
                && d.assessment.scope != first.assessment.scope
        });
        if let Some(other) = other {
            return Err(Error::InvalidInput(format!(
                "Assessment {} ({}, {}) is of {} and assessment {} ({}) of {}, so one cannot show the other's progress. Choose assessments of one scope.",
                first.assessment.id,
                first.organisation.name,
                first.assessment.period,
                scope_of(first),
                other.assessment.id,
                other.assessment.period,
                scope_of(other),
            )));
        }
    }
    Ok(())
}

fn organisations_kind(
    details: &[&AssessmentDetail],
    options: &CompareOptions,
) -> Result<ComparisonKind> {
    let first = details[0];
    let Some(other) = details
        .iter()
        .find(|d| d.organisation.id != first.organisation.id)
    else {
        return Ok(ComparisonKind::SameOrganisation);
    };
    if options.allow_peer {
        return Ok(ComparisonKind::Peer);
    }
    Err(Error::invalid(Field::AllowPeer, format!(
        "Assessment {} ({}, {}) and assessment {} ({}, {}) are of different organisations, so one cannot show the other's progress. To set them side by side, ask for a peer comparison; otherwise choose assessments of one organisation.",
        first.assessment.id,
        first.organisation.name,
        first.assessment.period,
        other.assessment.id,
        other.organisation.name,
        other.assessment.period
    )))
}

/// The plain message for a comparison of one assessment.
fn nothing_to_compare(conn: &Connection, only: &AssessmentDetail) -> Result<String> {
    let a = &only.assessment;
    let others = list_history(conn, a)?.len().saturating_sub(1);
    let of = checklist_and_scope(a);
    Ok(if others == 0 {
        format!(
            "Nothing to compare yet: {} is the first assessment of {} against {of}. Changes will show here once there is a later one.",
            a.period, only.organisation.name
        )
    } else {
        format!(
            "Nothing to compare: only the {} assessment was chosen. Choose one or more of the other {} assessments of {} against {of} as well.",
            a.period, others, only.organisation.name
        )
    })
}
