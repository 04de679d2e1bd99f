//! How an assessment is scored: the overall level, the order in which recommendations are
//! presented, and the summary screen's overview. The report, the comparison, the store's
//! summaries and the UI all take these rules from here, so a screen and the PDF can never
//! disagree about where a council stands or what to do first.

mod overview;
mod priority;
mod results;

pub use overview::{overview, AssessmentOverview, PrioritisedRecommendation};
pub use priority::{gap, priority_order, PriorityInput};
pub use results::{
    assessment_results, questions_in, summarise, AssessmentResults, GroupResult, LevelCount,
    ResultSummary,
};

use std::collections::HashMap;

use crate::checklist::Question;
use crate::store::AssessmentDetail;

/// The overall maturity level of an assessment: the mean of the assessed levels, rounded
/// down. Rounded down because a council that is at level 3 on some questions and 2 on others
/// has not yet reached level 3 across the board, and a summary for senior managers should not
/// flatter. The mean (rather than the median) moves when any one question improves, so
/// year-on-year progress shows. Questions not assessed are left out rather than counted as 0.
pub fn overall_level(levels: impl IntoIterator<Item = u8>) -> Option<u8> {
    let (sum, count) = levels
        .into_iter()
        .fold((0u32, 0u32), |(sum, count), level| {
            (sum + u32::from(level), count + 1)
        });
    (count > 0).then(|| (sum / count) as u8)
}

/// The mean of the assessed levels, unrounded: the score the report and the comparison print
/// beside [`overall_level`] ("2.4 out of 4").
pub fn mean_level(levels: impl IntoIterator<Item = u8>) -> Option<f64> {
    let (sum, count) = levels
        .into_iter()
        .fold((0u32, 0u32), |(sum, count), level| {
            (sum + u32::from(level), count + 1)
        });
    (count > 0).then(|| f64::from(sum) / f64::from(count))
}

/// One question of an assessment as the priority rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct QuestionPriority<'a> {
    pub question: &'a Question,
    pub current: Option<u8>,
    pub target: Option<u8>,
    /// See [`gap`].
    pub gap: u8,
}

/// Every question of the assessment that applies, highest priority first (see
/// [`priority_order`]); a question judged not applicable has nothing to recommend.
pub fn questions_by_priority(detail: &AssessmentDetail) -> Vec<QuestionPriority<'_>> {
    let answers: HashMap<&str, _> = detail
        .answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect();
    let items: Vec<QuestionPriority> = detail
        .checklist
        .questions
        .iter()
        .filter(|question| {
            answers
                .get(question.id.as_str())
                .is_none_or(|a| a.not_applicable.is_none())
        })
        .map(|question| {
            let answer = answers.get(question.id.as_str());
            let current = answer.and_then(|a| a.level);
            let target = answer.and_then(|a| a.target_level);
            QuestionPriority {
                question,
                current,
                target,
                gap: gap(current, target),
            }
        })
        .collect();
    let inputs: Vec<PriorityInput> = items
        .iter()
        .map(|item| PriorityInput {
            number: item.question.number,
            current: item.current,
            target: item.target,
            weight: item.question.weight,
        })
        .collect();
    priority_order(&inputs)
        .into_iter()
        .map(|index| items[index])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::overall_level;

    #[test]
    fn the_overall_level_rounds_down_and_ignores_questions_not_assessed() {
        // Rounding up would tell senior managers the council is further on than it is.
        assert_eq!(overall_level([3, 2]), Some(2));
        assert_eq!(overall_level([4, 4, 3]), Some(3));
        assert_eq!(
            overall_level([]),
            None,
            "nothing assessed has no level, not 0"
        );
        assert_eq!(
            super::mean_level([3, 2]),
            Some(2.5),
            "the score keeps the fraction"
        );
    }
}
