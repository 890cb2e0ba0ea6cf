-- Countersign schema version 1 (PostgreSQL), the counterpart of sqlite/migrations/0001_initial.sql.
-- Times are BIGINT milliseconds since the Unix epoch (UTC), except in the audit log, which keeps
-- the exact ISO 8601 text its hashes cover. Text that is sorted or compared in keyset paging
-- uses the "C" collation, so the order is the code point order whatever the database's locale.

CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per action: a column for everything the server filters or sorts on, and the full
-- record (Action::toJson, compact) so a read returns exactly what was written.
CREATE TABLE actions (
    id TEXT COLLATE "C" PRIMARY KEY,
    agent TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    category TEXT COLLATE "C" NOT NULL,
    state TEXT NOT NULL,
    tier TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sla_due_at BIGINT,
    expires_at BIGINT,
    confidence DOUBLE PRECISION NOT NULL,
    claimed_by TEXT COLLATE "C",
    lease_expires_at BIGINT,
    assigned_to TEXT COLLATE "C",
    escalated BOOLEAN NOT NULL DEFAULT false,
    idempotency_key TEXT COLLATE "C",
    request_hash TEXT,
    version BIGINT NOT NULL,
    decided_at BIGINT,
    record TEXT NOT NULL
);

-- An agent's idempotency key identifies one action, across every server instance.
CREATE UNIQUE INDEX actions_idempotency ON actions (agent, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Listings: one of three keyset orders (the id breaks ties). Actions without a deadline sort
-- last, hence the expression.
CREATE INDEX actions_age ON actions (created_at, id);
CREATE INDEX actions_state_age ON actions (state, created_at, id);
CREATE INDEX actions_state_deadline ON actions (state, (coalesce(sla_due_at, 9223372036854775807)), id);
CREATE INDEX actions_state_confidence ON actions (state, confidence, id);
CREATE INDEX actions_agent ON actions (agent, created_at, id);
CREATE INDEX actions_category ON actions (category, created_at, id);
CREATE INDEX actions_type ON actions (type, created_at, id);
CREATE INDEX actions_claimed_by ON actions (claimed_by) WHERE claimed_by IS NOT NULL;
CREATE INDEX actions_decided_at ON actions (decided_at) WHERE decided_at IS NOT NULL;

-- Every committed change, in commit order: appends are serialised (see PostgresStore::commit),
-- so a subscriber that saw seq N has seen everything before it. seq is never reused.
CREATE TABLE events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type TEXT NOT NULL,
    action_id TEXT COLLATE "C" NOT NULL REFERENCES actions (id),
    time BIGINT NOT NULL,
    action TEXT NOT NULL
);
CREATE INDEX events_action ON events (action_id);

-- The hash-chained audit log. The triggers stop accidental edits through SQL; the chain
-- (verified by AuditChainVerifier) detects deliberate ones.
CREATE TABLE audit (
    seq BIGINT PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE FUNCTION countersign_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION countersign_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION countersign_audit_append_only();

-- Bearer tokens: only their SHA-256 is stored.
CREATE TABLE tokens (
    hash BYTEA PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX tokens_name ON tokens (name);

-- Every accepted policy document; the highest version is in force.
CREATE TABLE policy_versions (
    version INTEGER PRIMARY KEY,
    created_at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    document BYTEA NOT NULL
);
