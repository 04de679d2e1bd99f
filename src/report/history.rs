//! The report's view of an assessment's history, taken from [`crate::compare`] so the PDF, the
//! compare screen and the CLI agree: "since last year" against the latest earlier assessment
//! of the organisation, and the comparison section over the chosen assessments (by default
//! this one and up to four earlier ones). Questions are matched across checklist versions
//! the same way everywhere, following `replaces`.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::model::{Change, Changes, Comparison, ComparisonRow, FollowUp};
use crate::compare::{self, CellState, CompareOptions};
use crate::store::assessments::list_history;
use crate::store::{load_assessment, AssessmentDetail};
use crate::Result;

/// "Since last year" and the comparison section for `detail`'s report.
pub(super) fn history(
    conn: &Connection,
    detail: &AssessmentDetail,
    compare_with: &[i64],
) -> Result<(Option<Changes>, Option<Comparison>)> {
    let id = detail.assessment.id;
    compare::check_count(compare_with.len() + 1)?;
    let mut ids = if compare_with.is_empty() {
        compare::default_comparison_ids(conn, id)?
    } else {
        compare_with.to_vec()
    };
    let mut seen = std::collections::HashSet::from([id]);
    ids.retain(|&other| seen.insert(other));
    let others = ids
        .iter()
        .map(|&other| load_assessment(conn, other))
        .collect::<Result<Vec<_>>>()?;
    let loaded;
    let previous = match previous_id(conn, detail)? {
        None => None,
        Some(p) => match others.iter().find(|o| o.assessment.id == p) {
            Some(found) => Some(found),
            None => {
                loaded = load_assessment(conn, p)?;
                Some(&loaded)
            }
        },
    };
    let changes = previous.map(|p| since_previous(p, detail)).transpose()?;
    if others.is_empty() {
        return Ok((changes, None));
    }
    let mut all: Vec<&AssessmentDetail> = others.iter().collect();
    all.push(detail);
    let comparison = compare::compare_details(&all, &CompareOptions::default())?;
    Ok((changes, Some(section(&comparison, detail))))
}

/// The latest assessment of the same organisation, checklist and scope in an earlier period.
fn previous_id(conn: &Connection, detail: &AssessmentDetail) -> Result<Option<i64>> {
    let current = &detail.assessment;
    Ok(list_history(conn, current)?
        .into_iter()
        .filter(|a| a.period < current.period)
        .max_by(|a, b| (&a.period, a.id).cmp(&(&b.period, b.id)))
        .map(|a| a.id))
}

fn since_previous(previous: &AssessmentDetail, detail: &AssessmentDetail) -> Result<Changes> {
    let pair = compare::compare_details(&[previous, detail], &CompareOptions::default())?;
    Ok(Changes {
        previous_period: previous.assessment.period.clone(),
        previous_score: pair.periods[0].overall_score,
        questions: pair
            .questions
            .iter()
            .filter(|row| row.in_latest_checklist)
            .map(|row| Change {
                number: row.number,
                title: row.title.clone(),
                previous: row.cells[0].level,
                current: row.cells[1].level,
            })
            .collect(),
    })
}

/// The comparison as the report shows it; changes are those of the reported assessment.
fn section(comparison: &compare::Comparison, detail: &AssessmentDetail) -> Comparison {
    let reported = detail.assessment.id;
    let checklist = &detail.checklist;
    let column = comparison
        .periods
        .iter()
        .position(|p| p.assessment_id == reported)
        .unwrap_or(comparison.periods.len().saturating_sub(1));
    Comparison {
        periods: comparison.periods.iter().map(|p| p.label.clone()).collect(),
        rows: comparison
            .questions
            .iter()
            .map(|row| {
                let question = checklist.question(&row.question_id);
                ComparisonRow {
                    code: question.map_or_else(|| row.number.to_string(), |q| q.code.clone()),
                    scale: question
                        .and_then(|q| checklist.scales.iter().position(|s| s.id == q.scale))
                        .unwrap_or(0),
                    ..comparison_row(row, column)
                }
            })
            .collect(),
        overall: comparison.periods.iter().map(|p| p.overall_score).collect(),
        results: comparison
            .periods
            .iter()
            .map(|p| p.result.clone())
            .collect(),
        summary: comparison.summary.clone(),
        actions: comparison.actions.iter().map(follow_up).collect(),
    }
}

fn comparison_row(row: &compare::QuestionRow, column: usize) -> ComparisonRow {
    let title = if row.in_latest_checklist {
        row.title.clone()
    } else {
        format!("{} (earlier checklists only)", row.title)
    };
    let mut notes: Vec<String> = Vec::new();
    for note in row.cells.iter().filter_map(|c| c.note.clone()) {
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    ComparisonRow {
        number: row.number,
        code: row.number.to_string(),
        scale: 0,
        title,
        levels: row.cells.iter().map(|c| c.level).collect(),
        in_checklist: row
            .cells
            .iter()
            .map(|c| c.state != CellState::NotInChecklist)
            .collect(),
        change: row.cells[column]
            .change
            .as_ref()
            .map(|c| format!("{} {}", c.symbol, c.text)),
        notes,
    }
}

fn follow_up(action: &compare::ActionFollowUp) -> FollowUp {
    let status = if action.status_as_of == action.recorded_in {
        format!(
            "{} (as recorded in {})",
            action.status_text, action.recorded_in
        )
    } else {
        format!("{} (in {})", action.status_text, action.status_as_of)
    };
    FollowUp {
        what: action.title.clone(),
        recorded_in: action.recorded_in.clone(),
        due: action
            .due_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        status,
    }
}
