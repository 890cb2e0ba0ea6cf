-- Countersign schema version 2 (PostgreSQL): the recorded head of the audit chain.
-- A chain alone cannot show that its newest entries were deleted or that a well-formed entry was
-- appended outside the store. The head (last seq and hash, written in the same transaction as
-- each entry) makes both visible to verifyAudit().

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);

INSERT INTO audit_head (id, seq, hash)
SELECT 1, seq, hash FROM audit ORDER BY seq DESC LIMIT 1;
