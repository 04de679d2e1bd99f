//! An assessment's results as its checklist says to summarise them: the mean level (the
//! digital checklist), how many questions sit at each level against their targets (the CAF,
//! which has no average), or the worst rating (a RAG standard, where one red point is
//! decisive). Groups are summarised by the same rule. Not-applicable answers are left out of
//! every figure; questions not yet assessed are counted apart, never as level 0.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::{mean_level, overall_level};
use crate::checklist::{Checklist, Group, Question, ResultRule};
use crate::store::answers::Answer;

/// How many assessed questions are at one level (levels of different scales that share a
/// label, such as "Achieved", are counted together).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelCount {
    pub label: String,
    pub count: u32,
    pub colour: Option<String>,
}

/// The results of a set of questions (a whole assessment or one group).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResultSummary {
    pub rule: ResultRule,
    /// One line for a reader: "2.4 out of 4 (Defined)", "9 of 12 outcomes meet their
    /// target", "Red: the lowest rating governs". "Not assessed yet" before any level.
    pub headline: String,
    /// The counts by level, lowest first, as words: "Not achieved 3, Achieved 9".
    pub breakdown: String,
    /// Average rule: the mean level unrounded.
    pub mean: Option<f64>,
    /// Average rule: the mean rounded down; worst rule: the worst level's number on its scale.
    pub level: Option<u8>,
    /// The label of `level` (average and worst rules).
    pub level_label: Option<String>,
    pub counts: Vec<LevelCount>,
    /// Assessed questions with a target that meet it, and assessed or not, how many have one.
    pub meeting_target: u32,
    pub with_target: u32,
    pub questions: u32,
    pub assessed: u32,
    pub not_applicable: u32,
    pub not_assessed: u32,
}

/// One group's results, in checklist order; `depth` 0 is an objective, 1 a principle in one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    pub group_id: String,
    pub code: String,
    pub title: String,
    pub depth: u8,
    pub results: ResultSummary,
}

/// The whole assessment's results and each group's.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentResults {
    pub overall: ResultSummary,
    pub groups: Vec<GroupResult>,
}

pub fn assessment_results(checklist: &Checklist, answers: &[Answer]) -> AssessmentResults {
    let by_question: HashMap<&str, &Answer> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect();
    let overall = summarise(checklist, checklist.questions.iter(), &by_question);
    let groups = checklist
        .groups
        .iter()
        .map(|group| GroupResult {
            group_id: group.id.clone(),
            code: group.code.clone(),
            title: group.title.clone(),
            depth: u8::from(group.parent.is_some()),
            results: summarise(checklist, questions_in(checklist, group), &by_question),
        })
        .collect();
    AssessmentResults { overall, groups }
}

/// The questions in `group` or in a group inside it, in file order.
pub fn questions_in<'c>(
    checklist: &'c Checklist,
    group: &'c Group,
) -> impl Iterator<Item = &'c Question> + 'c {
    checklist.questions.iter().filter(move |q| {
        q.group.as_deref() == Some(group.id.as_str())
            || checklist
                .group(q.group.as_deref().unwrap_or_default())
                .and_then(|g| g.parent.as_deref())
                == Some(group.id.as_str())
    })
}

/// The results of `questions` by the checklist's rule.
pub fn summarise<'q>(
    checklist: &Checklist,
    questions: impl Iterator<Item = &'q Question>,
    answers: &HashMap<&str, &Answer>,
) -> ResultSummary {
    let mut counts = label_order(checklist);
    let (mut total, mut not_applicable, mut not_assessed) = (0u32, 0u32, 0u32);
    let (mut meeting_target, mut with_target) = (0u32, 0u32);
    let mut levels: Vec<u8> = Vec::new();
    // The worst as a fraction of its scale, so a 2-level and a 3-level scale compare fairly.
    let mut worst: Option<(u8, u8, &Question)> = None;
    for question in questions {
        total += 1;
        let answer = answers.get(question.id.as_str());
        if answer.is_some_and(|a| a.not_applicable.is_some()) {
            not_applicable += 1;
            continue;
        }
        let target = answer.and_then(|a| a.target_level);
        if target.is_some() {
            with_target += 1;
        }
        let Some(level) = answer.and_then(|a| a.level) else {
            not_assessed += 1;
            continue;
        };
        levels.push(level);
        if target.is_some_and(|t| level >= t) {
            meeting_target += 1;
        }
        let max = checklist.max_level_of(question).max(1);
        if let Some(label) = checklist.level_of(question, level).map(|l| &l.label) {
            if let Some(count) = counts.iter_mut().find(|c| c.label == *label) {
                count.count += 1;
            }
        }
        let lower = worst.is_none_or(|(w, wmax, _)| {
            u32::from(level) * u32::from(wmax) < u32::from(w) * u32::from(max)
        });
        if lower {
            worst = Some((level, max, question));
        }
    }
    let assessed = levels.len() as u32;
    let breakdown = counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| format!("{} {}", c.label, c.count))
        .collect::<Vec<_>>()
        .join(", ");
    let nouns = &checklist.wording;
    let (mean, level, level_label, headline) = match checklist.results {
        ResultRule::Average => {
            let mean = mean_level(levels.iter().copied());
            let level = overall_level(levels.iter().copied());
            let scale = checklist.main_scale();
            let label = level
                .and_then(|l| scale.levels.get(usize::from(l)))
                .map(|l| l.label.clone());
            let headline = match (mean, &label) {
                (Some(mean), Some(label)) => format!(
                    "{mean:.1} out of {} ({label})",
                    scale.levels.len().saturating_sub(1)
                ),
                _ => "Not assessed yet".into(),
            };
            (mean, level, label, headline)
        }
        ResultRule::Counts => {
            let headline = if assessed == 0 {
                "Not assessed yet".into()
            } else if with_target > 0 {
                format!(
                    "{meeting_target} of {with_target} {} meet their target",
                    if with_target == 1 {
                        &nouns.question
                    } else {
                        &nouns.questions
                    }
                )
            } else {
                breakdown.clone()
            };
            (None, None, None, headline)
        }
        ResultRule::Worst => match worst {
            Some((level, _, question)) => {
                let label = checklist
                    .level_of(question, level)
                    .map(|l| l.label.clone())
                    .unwrap_or_default();
                let headline = format!("{label}: the lowest rating governs");
                (None, Some(level), Some(label), headline)
            }
            None => (None, None, None, "Not assessed yet".into()),
        },
    };
    ResultSummary {
        rule: checklist.results,
        headline,
        breakdown,
        mean,
        level,
        level_label,
        counts,
        meeting_target,
        with_target,
        questions: total,
        assessed,
        not_applicable,
        not_assessed,
    }
}

/// Every level label of every scale once, lowest first as the scales give them, so shared
/// labels ("Not achieved", "Achieved") fall in the right order around unshared ones.
fn label_order(checklist: &Checklist) -> Vec<LevelCount> {
    let mut order: Vec<LevelCount> = Vec::new();
    for scale in &checklist.scales {
        let mut insert_at = 0;
        for level in &scale.levels {
            match order.iter().position(|c| c.label == level.label) {
                Some(found) => insert_at = found + 1,
                None => {
                    order.insert(
                        insert_at,
                        LevelCount {
                            label: level.label.clone(),
                            count: 0,
                            colour: level.colour.clone(),
                        },
                    );
                    insert_at += 1;
                }
            }
        }
    }
    order
}
