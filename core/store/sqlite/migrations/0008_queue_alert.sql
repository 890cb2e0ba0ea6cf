-- Countersign schema version 8: the queue alert's state (issue 22), one row. An instance that
-- sees the queue cross a threshold (or clear) updates it only where the state differs, and
-- writes the queue.alert deliveries only when its update changed the row: one per crossing,
-- however many instances saw it.
CREATE TABLE queue_alert_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    state TEXT NOT NULL, -- raised | cleared
    changed_at INTEGER NOT NULL
);
INSERT INTO queue_alert_state (id, state, changed_at) VALUES (1, 'cleared', 0);
