-- Countersign schema version 7: signed webhooks (issue 22). Subscriptions, and the outbox of
-- deliveries, each row written in the transaction of the change whose event it carries, so a
-- committed event is never lost to a crash before it was sent.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL, -- JSON array of event types
    categories TEXT NOT NULL, -- JSON array; empty: every category
    types TEXT NOT NULL, -- JSON array; empty: every type
    format TEXT NOT NULL, -- json | slack | teams
    secret TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    owner_agent TEXT, -- the agent token's name for an agent's subscription
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);

-- One row per event and subscription; its id (a UUID) is the X-Countersign-Delivery of every
-- attempt. A sender claims due rows (claimed_by, claimed_until) before it sends them.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL,
    event_seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    body BLOB NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    status TEXT NOT NULL, -- pending | delivered | failed (given up)
    last_status INTEGER,
    last_error TEXT,
    claimed_by TEXT,
    claimed_until INTEGER,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_claim ON webhook_deliveries (claimed_by) WHERE claimed_by IS NOT NULL;
