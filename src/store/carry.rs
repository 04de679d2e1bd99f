//! Starting an assessment from a previous one: answers, evidence and outstanding actions are
//! copied into the new draft, matched by stable question id (and by `replaces` when a
//! question was renamed or merged in a newer checklist), so last year's work is the starting
//! point and nothing has to be typed twice.

use rusqlite::{params, Connection};

use super::now;
use crate::checklist::Checklist;
use crate::Result;

/// Copies `from`'s content into the new assessment `to` (already inserted) and says how much
/// was carried, for the audit trail. Answers are marked `carried_forward` so the task list
/// shows them as needing review. Levels beyond the new checklist's scale are dropped rather
/// than guessed. Done and dropped actions stay with the year they belong to.
pub(super) fn carry_forward(
    tx: &Connection,
    from: i64,
    to: i64,
    checklist: &Checklist,
) -> Result<String> {
    let at = now();
    let (mut answers, mut evidence, mut actions) = (0, 0, 0);
    for question in &checklist.questions {
        let max = i64::from(checklist.max_level_of(question));
        let sources = std::iter::once(&question.id).chain(question.replaces.iter());
        for old_id in sources {
            // A target already set from the new assessment's profile wins over last year's.
            answers += tx.execute(
                "INSERT INTO answer (assessment_id, question_id, level, rationale, confidence, target_level, carried_forward, updated_at, not_applicable_reason)
                 SELECT ?1, ?2, CASE WHEN level <= ?5 THEN level END, rationale, confidence,
                        CASE WHEN target_level <= ?5 THEN target_level END, 1, ?6,
                        CASE WHEN ?7 THEN not_applicable_reason END
                   FROM answer WHERE assessment_id = ?3 AND question_id = ?4
                 ON CONFLICT (assessment_id, question_id) DO UPDATE SET
                    level = excluded.level, rationale = excluded.rationale, confidence = excluded.confidence,
                    target_level = COALESCE(answer.target_level, excluded.target_level),
                    carried_forward = 1, not_applicable_reason = excluded.not_applicable_reason
                  WHERE answer.carried_forward = 0 AND answer.level IS NULL AND answer.rationale = ''",
                params![to, question.id, from, old_id, max, at, question.not_applicable],
            )?;
            evidence += tx.execute(
                "INSERT INTO evidence (assessment_id, question_id, kind, note, url, file_sha256, file_name, file_size, media_type, created_at)
                 SELECT ?1, ?2, kind, note, url, file_sha256, file_name, file_size, media_type, created_at
                   FROM evidence WHERE assessment_id = ?3 AND question_id = ?4 ORDER BY id",
                params![to, question.id, from, old_id],
            )?;
            actions += tx.execute(
                "INSERT INTO action (assessment_id, question_id, title, owner, due_date, status, notes, created_at, updated_at)
                 SELECT ?1, ?2, title, owner, due_date, status, notes, created_at, ?5
                   FROM action WHERE assessment_id = ?3 AND question_id = ?4 AND status IN ('open', 'in_progress') ORDER BY id",
                params![to, question.id, from, old_id, at],
            )?;
        }
    }
    actions += tx.execute(
        "INSERT INTO action (assessment_id, question_id, title, owner, due_date, status, notes, created_at, updated_at)
         SELECT ?1, NULL, title, owner, due_date, status, notes, created_at, ?3
           FROM action WHERE assessment_id = ?2 AND question_id IS NULL AND status IN ('open', 'in_progress') ORDER BY id",
        params![to, from, at],
    )?;
    Ok(format!(
        "carried forward {answers} answers, {evidence} evidence items and {actions} open actions"
    ))
}
