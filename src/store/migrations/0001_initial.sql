-- Yardstick schema version 1. Shipped migrations are never edited: add a new file instead.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'other',
    gss_code    TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (name)
);

-- The checklist an assessment used, frozen so old assessments render the same after the
-- checklist file is edited or removed.
CREATE TABLE checklist_snapshot (
    id            INTEGER PRIMARY KEY,
    checklist_id  TEXT NOT NULL,
    version       TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    content       TEXT NOT NULL
);

CREATE TABLE assessment (
    id                    INTEGER PRIMARY KEY,
    organisation_id       INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    period                TEXT NOT NULL,
    assessor              TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    checklist_snapshot_id INTEGER NOT NULL REFERENCES checklist_snapshot(id),
    question_count        INTEGER NOT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    finalised_at          TEXT,
    approver              TEXT
);
CREATE INDEX assessment_by_organisation ON assessment(organisation_id, period);

CREATE TABLE answer (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    level          INTEGER,
    rationale      TEXT NOT NULL DEFAULT '',
    confidence     TEXT CHECK (confidence IN ('low', 'medium', 'high')),
    target_level   INTEGER,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
);
