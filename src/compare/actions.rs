//! What became of earlier actions. An action is recorded in one year's assessment; starting
//! next year's from it carries open actions forward under the same title, so the latest
//! compared assessment that still lists an action says its status now. An action no later
//! assessment lists keeps the status it was given in its own year.

use std::collections::HashMap;

use super::model::ActionFollowUp;
use crate::store::actions::{Action, ActionStatus};
use crate::store::AssessmentDetail;

pub(super) fn follow_ups(ordered: &[&AssessmentDetail]) -> Vec<ActionFollowUp> {
    let mut found: Vec<ActionFollowUp> = Vec::new();
    let mut index: HashMap<(i64, String), usize> = HashMap::new();
    for (i, detail) in ordered.iter().enumerate() {
        let org = detail.organisation.id;
        let is_latest = !ordered[i + 1..].iter().any(|d| d.organisation.id == org);
        for action in &detail.actions {
            let key = (org, action.title.trim().to_lowercase());
            match index.get(&key) {
                // Seen in an earlier year: this later record is its status now.
                Some(&at) => {
                    found[at].status = action.status;
                    found[at].status_text = status_text(action.status).to_string();
                    found[at].status_as_of = detail.assessment.period.clone();
                }
                None if !is_latest => {
                    index.insert(key, found.len());
                    found.push(follow_up(detail, action));
                }
                // New this year: not yet an earlier action.
                None => {}
            }
        }
    }
    found.sort_by(|a, b| {
        (a.due_date.is_none(), &a.due_date, &a.recorded_in).cmp(&(
            b.due_date.is_none(),
            &b.due_date,
            &b.recorded_in,
        ))
    });
    found
}

fn follow_up(detail: &AssessmentDetail, action: &Action) -> ActionFollowUp {
    let period = detail.assessment.period.clone();
    ActionFollowUp {
        organisation: detail.organisation.name.clone(),
        recorded_in: period.clone(),
        question_title: action
            .question_id
            .as_deref()
            .and_then(|id| detail.checklist.question(id))
            .map(|q| q.title.clone()),
        title: action.title.clone(),
        owner: action.owner.clone(),
        due_date: action.due_date.clone(),
        status: action.status,
        status_text: status_text(action.status).to_string(),
        status_as_of: period,
    }
}

pub fn status_text(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "Dropped",
    }
}
