-- Countersign schema version 5 (PostgreSQL): spot checks also sample reviewers' approvals. Each check records
-- whose approval it samples (source 'auto' for the policy, 'review' for a reviewer) and who
-- approved ('policy' or the reviewer); the checks taken before are auto-approvals.

ALTER TABLE spot_checks ADD COLUMN source TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE spot_checks ADD COLUMN approved_by TEXT NOT NULL DEFAULT 'policy';
CREATE INDEX spot_checks_source ON spot_checks (source, sampled_at);
