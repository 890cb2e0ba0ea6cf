-- Countersign schema version 7 (PostgreSQL), the counterpart of sqlite/migrations/0007_webhooks.sql:
-- webhook subscriptions and the outbox of their deliveries, written in the change's transaction.
-- Several instances claim due rows with FOR UPDATE SKIP LOCKED and a lease (claimed_until).
CREATE TABLE webhooks (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    categories TEXT NOT NULL,
    types TEXT NOT NULL,
    format TEXT NOT NULL,
    secret TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    owner_agent TEXT COLLATE "C",
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    webhook_id TEXT COLLATE "C" NOT NULL,
    event_seq BIGINT NOT NULL,
    event_type TEXT NOT NULL,
    body BYTEA NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    claimed_by TEXT COLLATE "C",
    claimed_until BIGINT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_claim ON webhook_deliveries (claimed_by) WHERE claimed_by IS NOT NULL;
