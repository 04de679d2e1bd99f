//! The summary screen's view of one assessment: recommendations in priority order (the same
//! rule as the PDF report, from [`crate::report::priority`]) and the open actions by due date.

use serde::Serialize;
use ts_rs::TS;

use crate::report::priority::{gap, priority_order, PriorityInput};
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
    let items: Vec<PrioritisedRecommendation> = detail
        .checklist
        .questions
        .iter()
        .map(|question| {
            let answer = detail.answers.iter().find(|a| a.question_id == question.id);
            let current_level = answer.and_then(|a| a.level);
            let target_level = answer.and_then(|a| a.target_level);
            PrioritisedRecommendation {
                question_id: question.id.clone(),
                number: question.number,
                question_title: question.title.clone(),
                title: question.recommendation.title.clone(),
                text: question.recommendation.text.clone(),
                current_level,
                target_level,
                gap: gap(current_level, target_level),
                weight: question.weight,
            }
        })
        .collect();
    let inputs: Vec<PriorityInput> = items
        .iter()
        .map(|item| PriorityInput {
            number: item.number,
            current: item.current_level,
            target: item.target_level,
            weight: item.weight,
        })
        .collect();
    let recommendations = priority_order(&inputs)
        .into_iter()
        .map(|index| items[index].clone())
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
