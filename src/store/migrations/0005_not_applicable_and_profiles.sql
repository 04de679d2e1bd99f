-- Yardstick schema version 5: checklist format 2. A question may be judged not applicable,
-- with the reason kept beside the answer (a NULL reason is an applicable answer, so every
-- existing answer keeps its meaning), and an assessment remembers the target profile it
-- started from (the profile's id in its checklist; empty when none).
ALTER TABLE answer ADD COLUMN not_applicable_reason TEXT;
ALTER TABLE assessment ADD COLUMN profile_id TEXT NOT NULL DEFAULT '';
