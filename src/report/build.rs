//! Fills the report model from the store: one assessment with its checklist, answers,
//! evidence and actions; "since last year" and the comparison come from [`super::history`].
//! All wording the report takes from the checklist (labels, descriptors, recommendations)
//! comes from the checklist snapshot the assessment was made against, so an old report reads
//! the same after the checklist changes.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use super::history::history;
use super::model::*;
use crate::checklist::{Checklist, Provenance, Question, ResultRule};
use crate::scoring::{mean_level, overall_level, questions_by_priority, ResultSummary};
use crate::store::actions::{Action as StoredAction, ActionStatus};
use crate::store::answers::{Answer, Confidence};
use crate::store::assessments::AssessmentStatus;
use crate::store::evidence::{Evidence as StoredEvidence, EvidenceKind};
use crate::store::{load_assessment, AssessmentDetail};
use crate::Result;

/// What the person exporting chooses; everything else comes from the store.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Other assessments of the same organisation to show in the comparison section. Empty
    /// means the default: up to four earlier assessments of the organisation, if any.
    pub compare_with: Vec<i64>,
    pub protective_marking: Option<String>,
    /// Passed in rather than read, so a fixed value gives a byte-identical PDF.
    pub exported_at: DateTime<Utc>,
}

pub fn build_report(
    conn: &Connection,
    assessment_id: i64,
    options: &ReportOptions,
) -> Result<Report> {
    let detail = load_assessment(conn, assessment_id)?;
    let answers: HashMap<&str, &Answer> = detail
        .answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect();
    let checklist = &detail.checklist;
    let findings = checklist
        .questions
        .iter()
        .map(|q| finding(q, answers.get(q.id.as_str()).copied(), &detail))
        .collect();
    let (since_previous, comparison) = history(conn, &detail, &options.compare_with)?;
    Ok(Report {
        cover: cover(&detail, options),
        summary: Summary {
            overall: match checklist.results {
                ResultRule::Average => overall(checklist, &detail.answers),
                _ => None,
            },
            results: match checklist.results {
                ResultRule::Average => None,
                _ => Some(results_line(&detail.results.overall)),
            },
            not_applicable: detail.results.overall.not_applicable,
            since_previous,
        },
        recommendations: recommendations(&detail),
        overall_recommendation: Some(Recommendation {
            title: checklist.overall_recommendation.title.clone(),
            text: checklist.overall_recommendation.text.clone(),
            question: None,
            current: None,
            target: None,
            reasoning: String::new(),
            actions: actions_for(&detail.actions, None),
        }),
        findings,
        comparison,
        groups: detail
            .results
            .groups
            .iter()
            .map(|g| GroupResult {
                code: g.code.clone(),
                title: g.title.clone(),
                depth: g.depth,
                results: results_line(&g.results),
            })
            .collect(),
        method: Method {
            contributors: contributors(conn, &detail)?,
            ..method(checklist, &detail.assessment.profile_id)
        },
    })
}

fn cover(detail: &AssessmentDetail, options: &ReportOptions) -> Cover {
    let a = &detail.assessment;
    let approval = match (&a.approver, &a.finalised_at) {
        (Some(approver), Some(at)) if a.status == AssessmentStatus::Final => {
            date_of(at).map(|date| Approval {
                approver: approver.clone(),
                date,
            })
        }
        _ => None,
    };
    Cover {
        organisation: detail.organisation.name.clone(),
        period: a.period.clone(),
        scope: a.scope.clone(),
        status: match a.status {
            AssessmentStatus::Draft => Status::Draft,
            AssessmentStatus::Final => Status::Final,
        },
        assessor: a.assessor.clone(),
        approval,
        exported_at: options.exported_at,
        protective_marking: options.protective_marking.clone(),
    }
}

/// The date part of a stored RFC 3339 timestamp or plain date.
fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn level_ref(checklist: &Checklist, question: &Question, level: Option<u8>) -> Option<LevelRef> {
    let level = level?;
    Some(LevelRef {
        level,
        label: checklist
            .level_of(question, level)
            .map_or_else(String::new, |l| l.label.clone()),
    })
}

fn results_line(results: &ResultSummary) -> ResultsLine {
    ResultsLine {
        headline: results.headline.clone(),
        breakdown: results.breakdown.clone(),
        assessed: results.assessed,
        not_assessed: results.not_assessed,
        not_applicable: results.not_applicable,
        questions: results.questions,
    }
}

fn finding(q: &Question, answer: Option<&Answer>, detail: &AssessmentDetail) -> Finding {
    let checklist = &detail.checklist;
    let level = answer.and_then(|a| a.level);
    Finding {
        number: q.number,
        code: q.code.clone(),
        title: q.title.clone(),
        question: q.question.clone(),
        scale: checklist
            .scales
            .iter()
            .position(|s| s.id == q.scale)
            .unwrap_or(0),
        not_applicable: answer.and_then(|a| a.not_applicable.clone()),
        level: level_ref(checklist, q, level),
        descriptor: level.and_then(|l| q.descriptors.get(l as usize).cloned()),
        indicators: level
            .and_then(|l| q.indicators.get(l as usize).cloned())
            .unwrap_or_default(),
        target: level_ref(checklist, q, answer.and_then(|a| a.target_level)),
        rationale: answer.map_or_else(String::new, |a| a.rationale.clone()),
        confidence: answer.and_then(|a| a.confidence).map(|c| {
            match c {
                Confidence::Low => "Low",
                Confidence::Medium => "Medium",
                Confidence::High => "High",
            }
            .to_string()
        }),
        evidence: detail
            .evidence
            .iter()
            .filter(|e| e.question_id == q.id)
            .map(evidence)
            .collect(),
    }
}

fn evidence(e: &StoredEvidence) -> Evidence {
    match (e.kind, &e.url, &e.file) {
        (EvidenceKind::Link, Some(url), _) => Evidence::Link {
            title: if e.note.trim().is_empty() {
                url.clone()
            } else {
                e.note.clone()
            },
            url: url.clone(),
        },
        (EvidenceKind::File, _, Some(file)) => Evidence::File {
            name: file.name.clone(),
            added: date_of(&e.created_at).unwrap_or_default(),
        },
        _ => Evidence::Note {
            text: e.note.clone(),
        },
    }
}

/// The questions still short of their target, in priority order.
fn recommendations(detail: &AssessmentDetail) -> Vec<Recommendation> {
    questions_by_priority(detail)
        .into_iter()
        .filter(|item| item.gap > 0)
        .map(|item| {
            let q = item.question;
            Recommendation {
                title: q.recommendation.title.clone(),
                text: q.recommendation.text.clone(),
                question: Some(QuestionRef {
                    number: q.number,
                    code: q.code.clone(),
                    title: q.title.clone(),
                }),
                current: level_ref(&detail.checklist, item.question, item.current),
                target: level_ref(&detail.checklist, item.question, item.target),
                reasoning: q.why_it_matters.clone(),
                actions: actions_for(&detail.actions, Some(&q.id)),
            }
        })
        .collect()
}

fn actions_for(actions: &[StoredAction], question_id: Option<&str>) -> Vec<Action> {
    actions
        .iter()
        .filter(|a| a.question_id.as_deref() == question_id)
        .map(|a| Action {
            what: a.title.clone(),
            owner: a.owner.clone(),
            due: a.due_date.as_deref().and_then(date_of),
            status: match a.status {
                ActionStatus::Open => "Open",
                ActionStatus::InProgress => "In progress",
                ActionStatus::Done => "Done",
                ActionStatus::Dropped => "Dropped",
            }
            .to_string(),
        })
        .collect()
}

fn overall(checklist: &Checklist, answers: &[Answer]) -> Option<OverallMaturity> {
    let levels: Vec<u8> = answers.iter().filter_map(|a| a.level).collect();
    let score = mean_level(levels.iter().copied())?;
    Some(OverallMaturity {
        score,
        label: overall_level(levels.iter().copied())
            .and_then(|level| checklist.main_scale().levels.get(usize::from(level)))
            .map_or_else(String::new, |l| l.label.clone()),
        assessed: levels.len() as u32,
        questions: checklist.questions.len() as u32,
    })
}

/// Who contributed which accepted answers (#16), in checklist order within each person.
fn contributors(conn: &Connection, detail: &AssessmentDetail) -> Result<Vec<String>> {
    let by_question = crate::contributions::contributors_by_question(conn, detail.assessment.id)?;
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    for question in &detail.checklist.questions {
        for who in by_question.get(&question.id).into_iter().flatten() {
            let named = format!("{} {}", question.code, question.title);
            match lines.iter_mut().find(|(name, _)| name == who) {
                Some((_, questions)) => questions.push(named),
                None => lines.push((who.clone(), vec![named])),
            }
        }
    }
    Ok(lines
        .into_iter()
        .map(|(who, questions)| format!("{who}: {}", questions.join(", ")))
        .collect())
}

fn scale_levels(levels: &[crate::checklist::Level]) -> Vec<ScaleLevel> {
    levels
        .iter()
        .map(|l| ScaleLevel {
            level: l.level,
            label: l.label.clone(),
            meaning: l.meaning.clone(),
        })
        .collect()
}

fn method(checklist: &Checklist, profile_id: &str) -> Method {
    let s = &checklist.source;
    Method {
        checklist_title: checklist.title.clone(),
        checklist_version: checklist.version.clone(),
        source: format!(
            "Source: “{}” by {}, {}. {}",
            s.title, s.author, s.date, s.notes
        ),
        provenance: checklist
            .questions
            .iter()
            .map(|q| QuestionProvenance {
                number: q.number,
                title: q.title.clone(),
                provenance: match q.provenance {
                    Provenance::Published => "Published",
                    Provenance::PartlyPublished => "Partly published",
                    Provenance::Reconstructed => "Reconstructed",
                }
                .to_string(),
            })
            .collect(),
        scale: scale_levels(&checklist.main_scale().levels),
        scales: checklist
            .scales
            .iter()
            .map(|s| NamedScale {
                title: s.title.clone(),
                levels: scale_levels(&s.levels),
            })
            .collect(),
        wording: checklist.wording.clone(),
        profile: checklist.profile(profile_id).map(|p| p.title.clone()),
        contributors: Vec::new(),
    }
}
