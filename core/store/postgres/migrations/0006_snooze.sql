-- Countersign schema version 6 (PostgreSQL), the counterpart of sqlite/migrations/0006_snooze.sql:
-- a reviewer's snooze ("not now"), live while snoozed_until lies ahead of the clock.
ALTER TABLE actions ADD COLUMN snoozed_by TEXT COLLATE "C";
ALTER TABLE actions ADD COLUMN snoozed_until BIGINT;
CREATE INDEX actions_snoozed_by ON actions (snoozed_by, snoozed_until) WHERE snoozed_by IS NOT NULL;
