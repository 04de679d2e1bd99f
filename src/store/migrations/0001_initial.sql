-- Yardstick schema version 1. Shipped migrations are never edited: add a new file instead.
-- Timestamps are RFC 3339 UTC text with milliseconds, so text order is time order.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN (
                    'district', 'county', 'unitary', 'metropolitan_borough', 'london_borough',
                    'welsh_principal', 'scottish', 'northern_irish', 'other')),
    gss_code    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The checklist an assessment used, frozen (full source text) so old assessments render the
-- same after the checklist file is edited or removed. Shared by every assessment that used
-- the same file content.
CREATE TABLE checklist_snapshot (
    id            INTEGER PRIMARY KEY,
    checklist_id  TEXT NOT NULL,
    version       TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    content       TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE assessment (
    id                     INTEGER PRIMARY KEY,
    organisation_id        INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    period                 TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
    assessor               TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    checklist_snapshot_id  INTEGER NOT NULL REFERENCES checklist_snapshot(id),
    question_count         INTEGER NOT NULL,
    previous_id            INTEGER REFERENCES assessment(id) ON DELETE SET NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    finalised_at           TEXT,
    approver               TEXT,
    UNIQUE (organisation_id, period)
);
CREATE INDEX assessment_by_snapshot ON assessment(checklist_snapshot_id);
CREATE INDEX assessment_by_previous ON assessment(previous_id);

-- One row per question that has been touched; a missing row means "not started".
-- level NULL means "not assessed". carried_forward marks an answer copied from an earlier
-- assessment that the assessor has not yet reviewed.
CREATE TABLE answer (
    assessment_id    INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id      TEXT NOT NULL,
    level            INTEGER CHECK (level IS NULL OR level >= 0),
    rationale        TEXT NOT NULL DEFAULT '',
    confidence       TEXT CHECK (confidence IN ('low', 'medium', 'high')),
    target_level     INTEGER CHECK (target_level IS NULL OR target_level >= 0),
    carried_forward  INTEGER NOT NULL DEFAULT 0 CHECK (carried_forward IN (0, 1)),
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
) WITHOUT ROWID;

-- Evidence for one question: a note, a link (http/https) or a file copied into
-- <data dir>/evidence/<sha256>. Not tied to an answer row, so evidence can come first.
CREATE TABLE evidence (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'link', 'file')),
    note           TEXT NOT NULL DEFAULT '',
    url            TEXT,
    file_sha256    TEXT,
    file_name      TEXT,
    file_size      INTEGER,
    media_type     TEXT,
    created_at     TEXT NOT NULL,
    CHECK ((kind = 'link') = (url IS NOT NULL)),
    CHECK ((kind = 'file') = (file_sha256 IS NOT NULL AND file_name IS NOT NULL
                              AND file_size IS NOT NULL AND media_type IS NOT NULL))
);
CREATE INDEX evidence_by_assessment ON evidence(assessment_id, question_id);

-- question_id NULL is an action that follows from the overall recommendation.
CREATE TABLE action (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    question_id    TEXT,
    title          TEXT NOT NULL,
    owner          TEXT NOT NULL DEFAULT '',
    due_date       TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX action_by_assessment ON action(assessment_id, question_id);

-- Every change to an assessment: when, who (the assessor name from settings), what, old → new.
-- Append-only; removed only with the assessment it belongs to.
CREATE TABLE audit_event (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    who            TEXT NOT NULL,
    what           TEXT NOT NULL,
    old_value      TEXT,
    new_value      TEXT
);
CREATE INDEX audit_by_assessment ON audit_event(assessment_id, id);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
