-- Yardstick schema version 6: contributions. A lead asks a colleague for answers to some
-- questions (a request, sent as a workbook or a contribution file); what comes back is kept
-- apart from the assessment, per question, until the lead accepts or sets it aside, so an
-- import never changes an answer by itself.
CREATE TABLE contribution_request (
    id                INTEGER PRIMARY KEY,
    -- Random, written into the workbook or file, so a returned one finds its request.
    request_key       TEXT NOT NULL UNIQUE,
    assessment_id     INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    checklist_id      TEXT NOT NULL,
    checklist_version TEXT NOT NULL,
    checklist_sha256  TEXT NOT NULL,
    contributor       TEXT NOT NULL CHECK (contributor <> ''),
    team              TEXT NOT NULL DEFAULT '',
    due_date          TEXT,
    note              TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL
);
CREATE INDEX contribution_request_assessment ON contribution_request (assessment_id);

CREATE TABLE contribution_request_question (
    request_id  INTEGER NOT NULL REFERENCES contribution_request(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    PRIMARY KEY (request_id, question_id),
    UNIQUE (request_id, position)
);

CREATE TABLE contribution (
    id            INTEGER PRIMARY KEY,
    request_id    INTEGER NOT NULL REFERENCES contribution_request(id) ON DELETE CASCADE,
    -- The name of the file it came in, and its hash, so the same file is not taken in twice.
    source_name   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    -- The lead's note when setting (part of) it aside.
    decision_note TEXT NOT NULL DEFAULT '',
    UNIQUE (request_id, source_sha256)
);

CREATE TABLE contribution_answer (
    contribution_id       INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    question_id           TEXT NOT NULL,
    level                 INTEGER,
    not_applicable_reason TEXT,
    rationale             TEXT NOT NULL DEFAULT '',
    confidence            TEXT CHECK (confidence IN ('low', 'medium', 'high')),
    target_level          INTEGER,
    evidence_notes        TEXT NOT NULL DEFAULT '',
    -- One http(s) link per line.
    links                 TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'accepted', 'set_aside')),
    decided_at            TEXT,
    PRIMARY KEY (contribution_id, question_id)
);
