//! The summary screen's view of one assessment: recommendations in priority order (the rule
//! the PDF report uses too) and the open actions by due date.

use serde::Serialize;
use ts_rs::TS;

use super::questions_by_priority;
use crate::store::actions::Action;
use crate::store::AssessmentDetail;

/// One question's recommendation, with where the council is and where it aims to be.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrioritisedRecommendation {
    pub question_id: String,
    pub number: u32,
    pub question_title: String,
    pub title: String,
    pub text: String,
    pub current_level: Option<u8>,
    pub target_level: Option<u8>,
    /// Levels to climb to reach the target; 0 when at or above it, or no target is set.
    pub gap: u8,
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentOverview {
    /// Every question's recommendation, highest priority first.
    pub recommendations: Vec<PrioritisedRecommendation>,
    /// Actions still open or in progress, soonest due first; those with no date last.
    pub open_actions: Vec<Action>,
}

pub fn overview(detail: &AssessmentDetail) -> AssessmentOverview {
    let recommendations = questions_by_priority(detail)
        .into_iter()
        .map(|item| PrioritisedRecommendation {
            question_id: item.question.id.clone(),
            number: item.question.number,
            question_title: item.question.title.clone(),
            title: item.question.recommendation.title.clone(),
            text: item.question.recommendation.text.clone(),
            current_level: item.current,
            target_level: item.target,
            gap: item.gap,
            weight: item.question.weight,
        })
        .collect();
    let mut open_actions: Vec<Action> = detail
        .actions
        .iter()
        .filter(|action| action.status.is_outstanding())
        .cloned()
        .collect();
    // ISO dates sort as text; `None` sorts after every date.
    open_actions.sort_by(|a, b| {
        (a.due_date.is_none(), &a.due_date, a.id).cmp(&(b.due_date.is_none(), &b.due_date, b.id))
    });
    AssessmentOverview {
        recommendations,
        open_actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{self, load_assessment};

    fn example_latest() -> AssessmentDetail {
        let dir = tempfile::tempdir().unwrap();
        let conn = store::open(&dir.path().join("y.sqlite3")).unwrap();
        let ids = crate::example_data::load_example_data(&conn).unwrap();
        load_assessment(&conn, *ids.last().unwrap()).unwrap()
    }

    #[test]
    fn recommendations_follow_the_reports_priority_rule_so_screen_and_pdf_agree() {
        let detail = example_latest();
        let overview = overview(&detail);
        assert_eq!(
            overview.recommendations.len(),
            detail.checklist.questions.len()
        );
        let gaps: Vec<u8> = overview.recommendations.iter().map(|r| r.gap).collect();
        let mut sorted = gaps.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(gaps, sorted, "biggest gap first");
    }

    #[test]
    fn open_actions_are_outstanding_only_and_soonest_due_first() {
        let overview = overview(&example_latest());
        assert!(
            !overview.open_actions.is_empty(),
            "the example council has open actions"
        );
        assert!(overview
            .open_actions
            .iter()
            .all(|a| a.status.is_outstanding()));
        let dates: Vec<&Option<String>> =
            overview.open_actions.iter().map(|a| &a.due_date).collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| (d.is_none(), (*d).clone()));
        assert_eq!(dates, sorted);
    }
}
