//! Which question of each compared checklist version a row stands for. Questions keep a
//! stable id across versions; when a newer version renames, splits or merges questions, the
//! new question lists the old ids in `replaces`. A row is one question of the newest version
//! (or, for a question later removed, of the newest version that still has it), and in every
//! column it takes the level of the same id or, failing that, of the ids it replaces, followed
//! back through as many versions as needed. A column where neither exists has no level for
//! the row: "not in this checklist version", never a neighbour's level.

use std::collections::{HashMap, HashSet};

use crate::checklist::{version, Checklist, Question};

pub(super) struct RowMatch<'a> {
    /// The question the row is named after: its newest version.
    pub question: &'a Question,
    pub in_latest: bool,
    /// Per column, the questions of that column's checklist the row's level comes from.
    pub sources: Vec<Vec<&'a Question>>,
}

/// Rows for `checklists` (one per column, in column order).
pub(super) fn match_questions<'a>(checklists: &[&'a Checklist]) -> Vec<RowMatch<'a>> {
    let replaces = replaces_map(checklists);
    let mut covered: HashSet<&str> = HashSet::new();
    let mut rows = Vec::new();
    for column in newest_first(checklists) {
        let checklist = checklists[column];
        for question in &checklist.questions {
            if !covered.contains(question.id.as_str()) {
                rows.push(question);
            }
        }
        // A question this version replaces is shown in its successor's row, not its own.
        for question in &checklist.questions {
            mark_covered(&question.id, &replaces, &mut covered);
        }
    }
    let latest = checklists.last();
    rows.into_iter()
        .map(|question| RowMatch {
            question,
            in_latest: latest.is_some_and(|c| c.question(&question.id).is_some()),
            sources: checklists
                .iter()
                .map(|c| resolve(&question.id, c, &replaces))
                .collect(),
        })
        .collect()
}

/// Column indices by checklist version, newest first; among equal versions the later column
/// first, so a row is named as the most recent assessment names it.
fn newest_first(checklists: &[&Checklist]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..checklists.len()).collect();
    order.sort_by(|&a, &b| {
        version::compare(&checklists[b].version, &checklists[a].version).then(b.cmp(&a))
    });
    order
}

/// Every id's `replaces`, merged over all versions (a later version may add to them).
fn replaces_map<'a>(checklists: &[&'a Checklist]) -> HashMap<&'a str, Vec<&'a str>> {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    for question in checklists.iter().flat_map(|c| &c.questions) {
        let olds = map.entry(question.id.as_str()).or_default();
        for old in &question.replaces {
            if !olds.contains(&old.as_str()) {
                olds.push(old.as_str());
            }
        }
    }
    map
}

fn mark_covered<'a>(
    id: &'a str,
    replaces: &HashMap<&'a str, Vec<&'a str>>,
    covered: &mut HashSet<&'a str>,
) {
    // The set doubles as the visited list, so a cycle of `replaces` cannot loop.
    if !covered.insert(id) {
        return;
    }
    for &old in replaces.get(id).into_iter().flatten() {
        mark_covered(old, replaces, covered);
    }
}

/// The questions of `checklist` that `id` is, or took over from.
fn resolve<'a>(
    id: &str,
    checklist: &'a Checklist,
    replaces: &HashMap<&str, Vec<&str>>,
) -> Vec<&'a Question> {
    let mut found = Vec::new();
    let mut visited = HashSet::new();
    let mut pending = vec![id];
    while let Some(id) = pending.pop() {
        if !visited.insert(id) {
            continue;
        }
        match checklist.question(id) {
            Some(question) => found.push(question),
            None => pending.extend(replaces.get(id).into_iter().flatten().rev()),
        }
    }
    found.sort_by_key(|q| q.number);
    found.dedup_by(|a, b| a.id == b.id);
    found
}
