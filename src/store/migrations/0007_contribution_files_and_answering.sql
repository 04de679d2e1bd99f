-- Yardstick schema version 7: files in contributions, and answering a colleague's request.
--
-- A contribution file may carry attached files. They are written into the evidence folder
-- (under their hash) when the contribution is taken in, and recorded here, so accepting them
-- later needs nothing but the database and that folder.
CREATE TABLE contribution_file (
    contribution_id INTEGER NOT NULL REFERENCES contribution(id) ON DELETE CASCADE,
    question_id     TEXT NOT NULL,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    size            INTEGER NOT NULL,
    media_type      TEXT NOT NULL,
    sha256          TEXT NOT NULL,
    PRIMARY KEY (contribution_id, question_id, position)
);

-- The colleague's side: a request someone sent, opened in this copy of Yardstick to be
-- answered. `document` is the contribution file as received, with the answers given so far.
CREATE TABLE answering (
    id          INTEGER PRIMARY KEY,
    request_key TEXT NOT NULL UNIQUE,
    document    TEXT NOT NULL,
    source_name TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Files the colleague attached to an answer; the bytes are in the evidence folder.
CREATE TABLE answering_file (
    id           INTEGER PRIMARY KEY,
    answering_id INTEGER NOT NULL REFERENCES answering(id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    name         TEXT NOT NULL,
    size         INTEGER NOT NULL,
    media_type   TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    added_at     TEXT NOT NULL
);
CREATE INDEX answering_file_question ON answering_file (answering_id, question_id);
