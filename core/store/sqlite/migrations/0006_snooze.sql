-- Countersign schema version 6: a reviewer's snooze ("not now"). Columns, since the queue
-- listing hides a reviewer's live snoozes in SQL (keyset pages must not come back short).
-- Nothing fires when a snooze ends: it is live while snoozed_until lies ahead of the clock.
ALTER TABLE actions ADD COLUMN snoozed_by TEXT;
ALTER TABLE actions ADD COLUMN snoozed_until INTEGER;
CREATE INDEX actions_snoozed_by ON actions (snoozed_by, snoozed_until) WHERE snoozed_by IS NOT NULL;
