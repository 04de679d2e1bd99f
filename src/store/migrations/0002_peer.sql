-- Yardstick schema version 2: assessments imported from a peer council (JSON exchange).
-- peer_source is NULL for the organisation's own assessments; for a peer's it names the file
-- it was imported from. A peer's assessment is read-only: the store refuses every edit.
ALTER TABLE assessment ADD COLUMN peer_source TEXT;
