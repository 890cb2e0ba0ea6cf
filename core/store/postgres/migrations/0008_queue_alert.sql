-- Countersign schema version 8 (PostgreSQL), the counterpart of sqlite/migrations/0008_queue_alert.sql:
-- the queue alert's state in one row. Instances racing on a crossing both run
-- UPDATE ... WHERE state <> new; the row lock makes the second one match nothing, so only the
-- winner writes the queue.alert deliveries.
CREATE TABLE queue_alert_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    state TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
INSERT INTO queue_alert_state (id, state, changed_at) VALUES (1, 'cleared', 0);
