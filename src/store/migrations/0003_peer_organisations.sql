-- Yardstick schema version 3: a peer council's assessments live under a peer organisation,
-- which never merges with the user's own. `peer` is part of what makes a name unique, so
-- "Testshire" the peer and "Testshire" the user's own council are two rows, and the user's
-- own history (previous year, comparison, report) never meets a peer's assessment.
-- SQLite cannot change a UNIQUE constraint in place, so the table is rebuilt; the migration
-- runner turns foreign keys off while it runs and checks them before it commits.
CREATE TABLE organisation_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE,
    kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN (
                    'district', 'county', 'unitary', 'metropolitan_borough', 'london_borough',
                    'welsh_principal', 'scottish', 'northern_irish', 'other')),
    gss_code    TEXT,
    peer        INTEGER NOT NULL DEFAULT 0 CHECK (peer IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (name, peer)
);
INSERT INTO organisation_new (id, name, kind, gss_code, peer, created_at, updated_at)
    SELECT id, name, kind, gss_code, 0, created_at, updated_at FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_new RENAME TO organisation;

-- An organisation holding only peers' assessments was made by a peer import: it is a peer's.
UPDATE organisation SET peer = 1
 WHERE EXISTS (SELECT 1 FROM assessment a
                WHERE a.organisation_id = organisation.id AND a.peer_source IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM assessment a
                    WHERE a.organisation_id = organisation.id AND a.peer_source IS NULL);

-- A peer's assessment that landed in the user's own organisation moves to a peer
-- organisation of the same name.
INSERT INTO organisation (name, kind, gss_code, peer, created_at, updated_at)
    SELECT o.name, o.kind, o.gss_code, 1, o.created_at, o.updated_at
      FROM organisation o
     WHERE o.peer = 0
       AND EXISTS (SELECT 1 FROM assessment a
                    WHERE a.organisation_id = o.id AND a.peer_source IS NOT NULL);
UPDATE assessment
   SET organisation_id = (SELECT p.id FROM organisation p JOIN organisation o ON o.name = p.name
                           WHERE o.id = assessment.organisation_id AND p.peer = 1)
 WHERE peer_source IS NOT NULL
   AND organisation_id IN (SELECT id FROM organisation WHERE peer = 0);

-- None of the user's own assessments counts a peer's as its previous year.
UPDATE assessment SET previous_id = NULL
 WHERE peer_source IS NULL
   AND previous_id IN (SELECT id FROM assessment WHERE peer_source IS NOT NULL);
