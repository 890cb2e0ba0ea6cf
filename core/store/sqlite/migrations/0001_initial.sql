-- Countersign schema version 1.
-- Times are INTEGER milliseconds since the Unix epoch (UTC), except in the audit log, which keeps
-- the exact ISO 8601 text its hashes cover. The PostgreSQL backend mirrors this numbering.

CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per action: a column for everything the server filters or sorts on, and the full
-- record (Action::toJson, compact) so a read returns exactly what was written.
CREATE TABLE actions (
    id TEXT PRIMARY KEY NOT NULL,
    agent TEXT NOT NULL,
    type TEXT NOT NULL,
    category TEXT NOT NULL,
    state TEXT NOT NULL,
    tier TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sla_due_at INTEGER,
    expires_at INTEGER,
    confidence REAL NOT NULL,
    claimed_by TEXT,
    lease_expires_at INTEGER,
    assigned_to TEXT,
    escalated INTEGER NOT NULL DEFAULT 0,
    idempotency_key TEXT,
    request_hash TEXT,
    version INTEGER NOT NULL,
    decided_at INTEGER,
    record TEXT NOT NULL
);

-- An agent's idempotency key identifies one action; actions without a key are unconstrained.
CREATE UNIQUE INDEX actions_idempotency ON actions (agent, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Listings: one of three keyset orders (the id breaks ties), over everything, one state, or one
-- agent, category or type. Actions without a deadline sort last, hence the expression.
CREATE INDEX actions_age ON actions (created_at, id);
CREATE INDEX actions_state_age ON actions (state, created_at, id);
CREATE INDEX actions_state_deadline ON actions (state, ifnull(sla_due_at, 9223372036854775807), id);
CREATE INDEX actions_state_confidence ON actions (state, confidence, id);
CREATE INDEX actions_agent ON actions (agent, created_at, id);
CREATE INDEX actions_category ON actions (category, created_at, id);
CREATE INDEX actions_type ON actions (type, created_at, id);
CREATE INDEX actions_claimed_by ON actions (claimed_by) WHERE claimed_by IS NOT NULL;
CREATE INDEX actions_decided_at ON actions (decided_at) WHERE decided_at IS NOT NULL;

-- Every committed change, in order; seq is never reused so subscribers resume with since=SEQ.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    action_id TEXT NOT NULL REFERENCES actions (id),
    time INTEGER NOT NULL,
    action TEXT NOT NULL
);
CREATE INDEX events_action ON events (action_id);

-- The hash-chained audit log. The triggers stop accidental edits through SQL; the chain
-- (verified by AuditChainVerifier) detects deliberate ones.
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
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
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

-- Bearer tokens: only their SHA-256 is stored.
CREATE TABLE tokens (
    hash BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_name ON tokens (name);

-- Every accepted policy document; the highest version is in force.
CREATE TABLE policy_versions (
    version INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    document BLOB NOT NULL
);
