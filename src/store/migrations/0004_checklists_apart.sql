-- Yardstick schema version 4: an organisation may assess one period against several
-- checklists (the digital checklist and the NCSC CAF in the same year), and one checklist
-- several times in a period for different scopes (one Service Standard assessment per
-- service). What makes an assessment unique is now organisation, period, checklist and scope.
-- The checklist id is kept on the assessment (it never changes once started) because a
-- UNIQUE constraint cannot reach into the snapshot table; the snapshot gains its checklist's
-- title so lists can name it without parsing the file (filled in by the migration runner).
ALTER TABLE checklist_snapshot ADD COLUMN title TEXT NOT NULL DEFAULT '';

CREATE TABLE assessment_new (
    id                     INTEGER PRIMARY KEY,
    organisation_id        INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    period                 TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
    assessor               TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    checklist_snapshot_id  INTEGER NOT NULL REFERENCES checklist_snapshot(id),
    checklist_id           TEXT NOT NULL,
    scope                  TEXT NOT NULL DEFAULT '',
    question_count         INTEGER NOT NULL,
    previous_id            INTEGER REFERENCES assessment(id) ON DELETE SET NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    finalised_at           TEXT,
    approver               TEXT,
    peer_source            TEXT,
    UNIQUE (organisation_id, period, checklist_id, scope)
);
INSERT INTO assessment_new (id, organisation_id, period, assessor, status, checklist_snapshot_id,
                            checklist_id, scope, question_count, previous_id, created_at,
                            updated_at, finalised_at, approver, peer_source)
    SELECT a.id, a.organisation_id, a.period, a.assessor, a.status, a.checklist_snapshot_id,
           s.checklist_id, '', a.question_count, a.previous_id, a.created_at, a.updated_at,
           a.finalised_at, a.approver, a.peer_source
      FROM assessment a JOIN checklist_snapshot s ON s.id = a.checklist_snapshot_id;
DROP TABLE assessment;
ALTER TABLE assessment_new RENAME TO assessment;
CREATE INDEX assessment_by_snapshot ON assessment(checklist_snapshot_id);
CREATE INDEX assessment_by_previous ON assessment(previous_id);
