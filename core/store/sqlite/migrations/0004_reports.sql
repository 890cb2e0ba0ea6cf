-- Countersign schema version 4: the report rollup, spot checks and policy proposals.
-- The tables are portable SQL (PostgreSQL needs no WITHOUT ROWID); the backfill reads the stored
-- record with SQLite's json_extract, where PostgreSQL would use record::jsonb ->> 'decided_by'.

-- One row per UTC day x category x type x reviewer x agent x tier (see RollupRow): counters and
-- two duration histograms in fixed log-scale buckets (see DurationHistogram), all plain sums.
-- commit() adds to it in the same transaction as each change; a report sums a few thousand rows.
-- day counts days since 1970-01-01 (UTC).
CREATE TABLE report_rollups (
    day INTEGER NOT NULL,
    category TEXT NOT NULL,
    type TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    agent TEXT NOT NULL,
    tier TEXT NOT NULL,
    submitted INTEGER NOT NULL DEFAULT 0,
    auto_approved INTEGER NOT NULL DEFAULT 0,
    prohibited INTEGER NOT NULL DEFAULT 0,
    approved INTEGER NOT NULL DEFAULT 0,
    modified INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    expired INTEGER NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    sla_breaches INTEGER NOT NULL DEFAULT 0,
    escalations INTEGER NOT NULL DEFAULT 0,
    -- queue time (submission -> decision or expiry), then decide time (claim -> decision)
    q00 INTEGER NOT NULL DEFAULT 0, q01 INTEGER NOT NULL DEFAULT 0, q02 INTEGER NOT NULL DEFAULT 0, q03 INTEGER NOT NULL DEFAULT 0, q04 INTEGER NOT NULL DEFAULT 0, q05 INTEGER NOT NULL DEFAULT 0, q06 INTEGER NOT NULL DEFAULT 0, q07 INTEGER NOT NULL DEFAULT 0,
    q08 INTEGER NOT NULL DEFAULT 0, q09 INTEGER NOT NULL DEFAULT 0, q10 INTEGER NOT NULL DEFAULT 0, q11 INTEGER NOT NULL DEFAULT 0, q12 INTEGER NOT NULL DEFAULT 0, q13 INTEGER NOT NULL DEFAULT 0, q14 INTEGER NOT NULL DEFAULT 0, q15 INTEGER NOT NULL DEFAULT 0,
    q16 INTEGER NOT NULL DEFAULT 0, q17 INTEGER NOT NULL DEFAULT 0, q18 INTEGER NOT NULL DEFAULT 0, q19 INTEGER NOT NULL DEFAULT 0, q20 INTEGER NOT NULL DEFAULT 0, q21 INTEGER NOT NULL DEFAULT 0, q22 INTEGER NOT NULL DEFAULT 0, q23 INTEGER NOT NULL DEFAULT 0,
    q24 INTEGER NOT NULL DEFAULT 0, q25 INTEGER NOT NULL DEFAULT 0, q26 INTEGER NOT NULL DEFAULT 0, q27 INTEGER NOT NULL DEFAULT 0, q28 INTEGER NOT NULL DEFAULT 0, q29 INTEGER NOT NULL DEFAULT 0, q30 INTEGER NOT NULL DEFAULT 0, q31 INTEGER NOT NULL DEFAULT 0,
    q32 INTEGER NOT NULL DEFAULT 0, q33 INTEGER NOT NULL DEFAULT 0, q34 INTEGER NOT NULL DEFAULT 0, q35 INTEGER NOT NULL DEFAULT 0, q36 INTEGER NOT NULL DEFAULT 0, q37 INTEGER NOT NULL DEFAULT 0, q38 INTEGER NOT NULL DEFAULT 0, q39 INTEGER NOT NULL DEFAULT 0,
    q40 INTEGER NOT NULL DEFAULT 0, q41 INTEGER NOT NULL DEFAULT 0, q42 INTEGER NOT NULL DEFAULT 0, q43 INTEGER NOT NULL DEFAULT 0, q44 INTEGER NOT NULL DEFAULT 0, q45 INTEGER NOT NULL DEFAULT 0, q46 INTEGER NOT NULL DEFAULT 0, q47 INTEGER NOT NULL DEFAULT 0,
    q48 INTEGER NOT NULL DEFAULT 0, q49 INTEGER NOT NULL DEFAULT 0, q50 INTEGER NOT NULL DEFAULT 0, q51 INTEGER NOT NULL DEFAULT 0, q52 INTEGER NOT NULL DEFAULT 0, q53 INTEGER NOT NULL DEFAULT 0, q54 INTEGER NOT NULL DEFAULT 0, q55 INTEGER NOT NULL DEFAULT 0,
    q56 INTEGER NOT NULL DEFAULT 0, q57 INTEGER NOT NULL DEFAULT 0, q58 INTEGER NOT NULL DEFAULT 0, q59 INTEGER NOT NULL DEFAULT 0, q60 INTEGER NOT NULL DEFAULT 0, q61 INTEGER NOT NULL DEFAULT 0, q62 INTEGER NOT NULL DEFAULT 0, q63 INTEGER NOT NULL DEFAULT 0,
    d00 INTEGER NOT NULL DEFAULT 0, d01 INTEGER NOT NULL DEFAULT 0, d02 INTEGER NOT NULL DEFAULT 0, d03 INTEGER NOT NULL DEFAULT 0, d04 INTEGER NOT NULL DEFAULT 0, d05 INTEGER NOT NULL DEFAULT 0, d06 INTEGER NOT NULL DEFAULT 0, d07 INTEGER NOT NULL DEFAULT 0,
    d08 INTEGER NOT NULL DEFAULT 0, d09 INTEGER NOT NULL DEFAULT 0, d10 INTEGER NOT NULL DEFAULT 0, d11 INTEGER NOT NULL DEFAULT 0, d12 INTEGER NOT NULL DEFAULT 0, d13 INTEGER NOT NULL DEFAULT 0, d14 INTEGER NOT NULL DEFAULT 0, d15 INTEGER NOT NULL DEFAULT 0,
    d16 INTEGER NOT NULL DEFAULT 0, d17 INTEGER NOT NULL DEFAULT 0, d18 INTEGER NOT NULL DEFAULT 0, d19 INTEGER NOT NULL DEFAULT 0, d20 INTEGER NOT NULL DEFAULT 0, d21 INTEGER NOT NULL DEFAULT 0, d22 INTEGER NOT NULL DEFAULT 0, d23 INTEGER NOT NULL DEFAULT 0,
    d24 INTEGER NOT NULL DEFAULT 0, d25 INTEGER NOT NULL DEFAULT 0, d26 INTEGER NOT NULL DEFAULT 0, d27 INTEGER NOT NULL DEFAULT 0, d28 INTEGER NOT NULL DEFAULT 0, d29 INTEGER NOT NULL DEFAULT 0, d30 INTEGER NOT NULL DEFAULT 0, d31 INTEGER NOT NULL DEFAULT 0,
    d32 INTEGER NOT NULL DEFAULT 0, d33 INTEGER NOT NULL DEFAULT 0, d34 INTEGER NOT NULL DEFAULT 0, d35 INTEGER NOT NULL DEFAULT 0, d36 INTEGER NOT NULL DEFAULT 0, d37 INTEGER NOT NULL DEFAULT 0, d38 INTEGER NOT NULL DEFAULT 0, d39 INTEGER NOT NULL DEFAULT 0,
    d40 INTEGER NOT NULL DEFAULT 0, d41 INTEGER NOT NULL DEFAULT 0, d42 INTEGER NOT NULL DEFAULT 0, d43 INTEGER NOT NULL DEFAULT 0, d44 INTEGER NOT NULL DEFAULT 0, d45 INTEGER NOT NULL DEFAULT 0, d46 INTEGER NOT NULL DEFAULT 0, d47 INTEGER NOT NULL DEFAULT 0,
    d48 INTEGER NOT NULL DEFAULT 0, d49 INTEGER NOT NULL DEFAULT 0, d50 INTEGER NOT NULL DEFAULT 0, d51 INTEGER NOT NULL DEFAULT 0, d52 INTEGER NOT NULL DEFAULT 0, d53 INTEGER NOT NULL DEFAULT 0, d54 INTEGER NOT NULL DEFAULT 0, d55 INTEGER NOT NULL DEFAULT 0,
    d56 INTEGER NOT NULL DEFAULT 0, d57 INTEGER NOT NULL DEFAULT 0, d58 INTEGER NOT NULL DEFAULT 0, d59 INTEGER NOT NULL DEFAULT 0, d60 INTEGER NOT NULL DEFAULT 0, d61 INTEGER NOT NULL DEFAULT 0, d62 INTEGER NOT NULL DEFAULT 0, d63 INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, category, type, reviewer, agent, tier)
) WITHOUT ROWID;

-- Spot checks: sampled auto-approvals awaiting (verdict NULL) or given a retrospective verdict.
CREATE TABLE spot_checks (
    action_id TEXT PRIMARY KEY NOT NULL,
    type TEXT NOT NULL,
    category TEXT NOT NULL,
    agent TEXT NOT NULL,
    title TEXT NOT NULL,
    confidence REAL NOT NULL,
    tier_reason TEXT NOT NULL,
    sampled_at INTEGER NOT NULL,
    verdict TEXT,
    note TEXT,
    checked_by TEXT,
    checked_at INTEGER
);
CREATE INDEX spot_checks_sampled ON spot_checks (sampled_at);

-- Drafts of policy changes (type tiers) that an admin applies or rejects.
CREATE TABLE policy_proposals (
    id TEXT PRIMARY KEY NOT NULL,
    recommendation_id TEXT,
    changes TEXT NOT NULL,
    note TEXT NOT NULL,
    state TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    decided_by TEXT,
    decided_at INTEGER,
    reason TEXT,
    policy_version INTEGER
);
CREATE INDEX policy_proposals_created ON policy_proposals (created_at);

-- The newest decisions on one type, for the promote recommendation.
CREATE INDEX actions_type_decided ON actions (type, decided_at) WHERE decided_at IS NOT NULL;

-- Backfill from the actions already stored: submissions by creation day, outcomes by decision
-- day. What the rows cannot tell is left out: decide times (the claim is gone once decided) and
-- spot checks. Escalations count on their SLA day (the scheduler escalates right after it).
INSERT INTO report_rollups (day, category, type, reviewer, agent, tier, submitted)
SELECT created_at / 86400000, category, type, '', agent, tier, count(*)
FROM actions GROUP BY created_at / 86400000, category, type, agent, tier;

INSERT INTO report_rollups (day, category, type, reviewer, agent, tier, escalations)
SELECT sla_due_at / 86400000, category, type, '', agent, tier, count(*)
FROM actions WHERE escalated = 1 AND sla_due_at IS NOT NULL
GROUP BY sla_due_at / 86400000, category, type, agent, tier
ON CONFLICT (day, category, type, reviewer, agent, tier) DO UPDATE SET escalations = escalations + excluded.escalations;

INSERT INTO report_rollups (day, category, type, reviewer, agent, tier, auto_approved, prohibited, approved, modified, rejected, expired, withdrawn, sla_breaches, q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q20, q21, q22, q23, q24, q25, q26, q27, q28, q29, q30, q31, q32, q33, q34, q35, q36, q37, q38, q39, q40, q41, q42, q43, q44, q45, q46, q47, q48, q49, q50, q51, q52, q53, q54, q55, q56, q57, q58, q59, q60, q61, q62, q63)
SELECT x.day, x.category, x.type, x.reviewer, x.agent, x.tier,
    sum(CASE WHEN x.outcome = 'auto' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'prohibited' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'approved' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'modified' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'rejected' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'expired' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.outcome = 'withdrawn' THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.sla_due_at IS NOT NULL AND x.decided_at > x.sla_due_at THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 0 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 1 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 2 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 3 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 4 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 5 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 6 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 7 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 8 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 9 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 10 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 11 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 12 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 13 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 14 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 15 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 16 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 17 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 18 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 19 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 20 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 21 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 22 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 23 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 24 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 25 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 26 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 27 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 28 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 29 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 30 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 31 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 32 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 33 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 34 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 35 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 36 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 37 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 38 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 39 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 40 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 41 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 42 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 43 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 44 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 45 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 46 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 47 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 48 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 49 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 50 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 51 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 52 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 53 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 54 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 55 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 56 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 57 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 58 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 59 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 60 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 61 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 62 THEN 1 ELSE 0 END),
    sum(CASE WHEN x.queued = 1 AND x.bucket = 63 THEN 1 ELSE 0 END)
FROM (
    SELECT y.*, CASE WHEN y.outcome IN ('approved', 'modified', 'rejected', 'expired') THEN 1 ELSE 0 END AS queued,
        CASE
        WHEN y.queue_ms < 1000 THEN 0
        WHEN y.queue_ms < 1260 THEN 1
        WHEN y.queue_ms < 1587 THEN 2
        WHEN y.queue_ms < 2000 THEN 3
        WHEN y.queue_ms < 2520 THEN 4
        WHEN y.queue_ms < 3175 THEN 5
        WHEN y.queue_ms < 4000 THEN 6
        WHEN y.queue_ms < 5040 THEN 7
        WHEN y.queue_ms < 6350 THEN 8
        WHEN y.queue_ms < 8000 THEN 9
        WHEN y.queue_ms < 10079 THEN 10
        WHEN y.queue_ms < 12699 THEN 11
        WHEN y.queue_ms < 16000 THEN 12
        WHEN y.queue_ms < 20159 THEN 13
        WHEN y.queue_ms < 25398 THEN 14
        WHEN y.queue_ms < 32000 THEN 15
        WHEN y.queue_ms < 40317 THEN 16
        WHEN y.queue_ms < 50797 THEN 17
        WHEN y.queue_ms < 64000 THEN 18
        WHEN y.queue_ms < 80635 THEN 19
        WHEN y.queue_ms < 101594 THEN 20
        WHEN y.queue_ms < 128000 THEN 21
        WHEN y.queue_ms < 161270 THEN 22
        WHEN y.queue_ms < 203187 THEN 23
        WHEN y.queue_ms < 256000 THEN 24
        WHEN y.queue_ms < 322540 THEN 25
        WHEN y.queue_ms < 406375 THEN 26
        WHEN y.queue_ms < 512000 THEN 27
        WHEN y.queue_ms < 645080 THEN 28
        WHEN y.queue_ms < 812749 THEN 29
        WHEN y.queue_ms < 1024000 THEN 30
        WHEN y.queue_ms < 1290159 THEN 31
        WHEN y.queue_ms < 1625499 THEN 32
        WHEN y.queue_ms < 2048000 THEN 33
        WHEN y.queue_ms < 2580318 THEN 34
        WHEN y.queue_ms < 3250997 THEN 35
        WHEN y.queue_ms < 4096000 THEN 36
        WHEN y.queue_ms < 5160637 THEN 37
        WHEN y.queue_ms < 6501995 THEN 38
        WHEN y.queue_ms < 8192000 THEN 39
        WHEN y.queue_ms < 10321273 THEN 40
        WHEN y.queue_ms < 13003989 THEN 41
        WHEN y.queue_ms < 16384000 THEN 42
        WHEN y.queue_ms < 20642546 THEN 43
        WHEN y.queue_ms < 26007979 THEN 44
        WHEN y.queue_ms < 32768000 THEN 45
        WHEN y.queue_ms < 41285093 THEN 46
        WHEN y.queue_ms < 52015958 THEN 47
        WHEN y.queue_ms < 65536000 THEN 48
        WHEN y.queue_ms < 82570186 THEN 49
        WHEN y.queue_ms < 104031915 THEN 50
        WHEN y.queue_ms < 131072000 THEN 51
        WHEN y.queue_ms < 165140372 THEN 52
        WHEN y.queue_ms < 208063831 THEN 53
        WHEN y.queue_ms < 262144000 THEN 54
        WHEN y.queue_ms < 330280744 THEN 55
        WHEN y.queue_ms < 416127661 THEN 56
        WHEN y.queue_ms < 524288000 THEN 57
        WHEN y.queue_ms < 660561487 THEN 58
        WHEN y.queue_ms < 832255323 THEN 59
        WHEN y.queue_ms < 1048576000 THEN 60
        WHEN y.queue_ms < 1321122975 THEN 61
        WHEN y.queue_ms < 1664510645 THEN 62
        ELSE 63 END AS bucket
    FROM (
        SELECT a.decided_at / 86400000 AS day, a.category, a.type, a.agent, a.tier, a.sla_due_at, a.decided_at,
            a.decided_at - a.created_at AS queue_ms,
            CASE WHEN a.state = 'withdrawn' OR json_extract(a.record, '$.decided_by') IN ('policy', 'expiry') THEN ''
                ELSE coalesce(json_extract(a.record, '$.decided_by'), '') END AS reviewer,
            CASE WHEN a.state = 'withdrawn' THEN 'withdrawn'
                WHEN json_extract(a.record, '$.decided_by') = 'policy'
                    THEN CASE WHEN a.state = 'approved' THEN 'auto' ELSE 'prohibited' END
                WHEN json_extract(a.record, '$.decided_by') = 'expiry' THEN 'expired'
                WHEN a.state = 'approved' AND json_extract(a.record, '$.modified') = 1 THEN 'modified'
                WHEN a.state = 'approved' THEN 'approved'
                WHEN a.state = 'rejected' THEN 'rejected'
                ELSE 'expired' END AS outcome
        FROM actions a WHERE a.state <> 'pending' AND a.decided_at IS NOT NULL
    ) y
) x
WHERE 1 = 1
GROUP BY x.day, x.category, x.type, x.reviewer, x.agent, x.tier
ON CONFLICT (day, category, type, reviewer, agent, tier) DO UPDATE SET
    auto_approved = auto_approved + excluded.auto_approved,
    prohibited = prohibited + excluded.prohibited,
    approved = approved + excluded.approved,
    modified = modified + excluded.modified,
    rejected = rejected + excluded.rejected,
    expired = expired + excluded.expired,
    withdrawn = withdrawn + excluded.withdrawn,
    sla_breaches = sla_breaches + excluded.sla_breaches,
    q00 = q00 + excluded.q00,
    q01 = q01 + excluded.q01,
    q02 = q02 + excluded.q02,
    q03 = q03 + excluded.q03,
    q04 = q04 + excluded.q04,
    q05 = q05 + excluded.q05,
    q06 = q06 + excluded.q06,
    q07 = q07 + excluded.q07,
    q08 = q08 + excluded.q08,
    q09 = q09 + excluded.q09,
    q10 = q10 + excluded.q10,
    q11 = q11 + excluded.q11,
    q12 = q12 + excluded.q12,
    q13 = q13 + excluded.q13,
    q14 = q14 + excluded.q14,
    q15 = q15 + excluded.q15,
    q16 = q16 + excluded.q16,
    q17 = q17 + excluded.q17,
    q18 = q18 + excluded.q18,
    q19 = q19 + excluded.q19,
    q20 = q20 + excluded.q20,
    q21 = q21 + excluded.q21,
    q22 = q22 + excluded.q22,
    q23 = q23 + excluded.q23,
    q24 = q24 + excluded.q24,
    q25 = q25 + excluded.q25,
    q26 = q26 + excluded.q26,
    q27 = q27 + excluded.q27,
    q28 = q28 + excluded.q28,
    q29 = q29 + excluded.q29,
    q30 = q30 + excluded.q30,
    q31 = q31 + excluded.q31,
    q32 = q32 + excluded.q32,
    q33 = q33 + excluded.q33,
    q34 = q34 + excluded.q34,
    q35 = q35 + excluded.q35,
    q36 = q36 + excluded.q36,
    q37 = q37 + excluded.q37,
    q38 = q38 + excluded.q38,
    q39 = q39 + excluded.q39,
    q40 = q40 + excluded.q40,
    q41 = q41 + excluded.q41,
    q42 = q42 + excluded.q42,
    q43 = q43 + excluded.q43,
    q44 = q44 + excluded.q44,
    q45 = q45 + excluded.q45,
    q46 = q46 + excluded.q46,
    q47 = q47 + excluded.q47,
    q48 = q48 + excluded.q48,
    q49 = q49 + excluded.q49,
    q50 = q50 + excluded.q50,
    q51 = q51 + excluded.q51,
    q52 = q52 + excluded.q52,
    q53 = q53 + excluded.q53,
    q54 = q54 + excluded.q54,
    q55 = q55 + excluded.q55,
    q56 = q56 + excluded.q56,
    q57 = q57 + excluded.q57,
    q58 = q58 + excluded.q58,
    q59 = q59 + excluded.q59,
    q60 = q60 + excluded.q60,
    q61 = q61 + excluded.q61,
    q62 = q62 + excluded.q62,
    q63 = q63 + excluded.q63;
