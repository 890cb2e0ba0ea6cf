-- Countersign schema version 3 (PostgreSQL): partial indexes over pending actions, so the
-- scheduler's dueActions() and the queue statistics read only the live queue, however long the
-- history.

CREATE INDEX actions_pending_sla ON actions (sla_due_at) WHERE state = 'pending' AND NOT escalated;
CREATE INDEX actions_pending_expiry ON actions (expires_at) WHERE state = 'pending';
CREATE INDEX actions_pending_lease ON actions (lease_expires_at) WHERE state = 'pending' AND claimed_by IS NOT NULL;
CREATE INDEX actions_pending_stats ON actions (category, created_at, sla_due_at, escalated) WHERE state = 'pending';
