//! Commands for the compare screen: the default choice of assessments, and the comparison.

use std::collections::HashSet;

use tauri::State;
use yardstick::compare::{self, CompareOptions, Comparison};
use yardstick::Error;

use super::validate;
use crate::error::IpcError;
use crate::state::AppState;

/// The screen sets at most ten periods side by side: more would not fit a table or a chart.
const MAX_COMPARED: usize = 10;

/// Compares the chosen assessments; `allow_peer` permits assessments of other organisations.
#[tauri::command]
pub async fn compare_assessments(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    allow_peer: bool,
) -> Result<Comparison, IpcError> {
    let ids = chosen_ids(ids)?;
    let options = CompareOptions { allow_peer };
    state.with_connection(|conn| compare::compare_assessments(conn, &ids, &options))
}

/// This assessment and up to four earlier ones of its organisation, oldest first.
#[tauri::command]
pub async fn default_comparison_ids(
    state: State<'_, AppState>,
    assessment_id: i64,
) -> Result<Vec<i64>, IpcError> {
    let assessment_id = validate::id("assessment", assessment_id)?;
    state.with_connection(|conn| compare::default_comparison_ids(conn, assessment_id))
}

fn chosen_ids(ids: Vec<i64>) -> Result<Vec<i64>, Error> {
    if !(2..=MAX_COMPARED).contains(&ids.len()) {
        return Err(Error::InvalidInput(format!(
            "Choose between 2 and {MAX_COMPARED} assessments to compare; {} {} chosen.",
            ids.len(),
            if ids.len() == 1 { "was" } else { "were" }
        )));
    }
    let mut seen = HashSet::new();
    for &id in &ids {
        validate::id("assessment", id)?;
        if !seen.insert(id) {
            return Err(Error::InvalidInput(format!(
                "Assessment {id} was chosen twice. Choose each assessment once."
            )));
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::chosen_ids;

    #[test]
    fn a_comparison_needs_two_to_ten_distinct_positive_ids_so_the_screen_stays_readable() {
        assert!(chosen_ids(vec![1, 2]).is_ok());
        assert!(chosen_ids((1..=10).collect()).is_ok());
        assert!(chosen_ids(vec![1]).is_err());
        assert!(chosen_ids((1..=11).collect()).is_err());
        assert!(chosen_ids(vec![1, 1]).is_err());
        assert!(chosen_ids(vec![1, 0]).is_err());
    }
}
