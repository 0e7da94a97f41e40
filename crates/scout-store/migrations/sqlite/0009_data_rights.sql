-- People's data rights (docs/operations.md, "Data rights").
--
-- An erasure record says who erased, when and how many of each kind of
-- data, never whom: no personal data.
CREATE TABLE erasures (
    id TEXT PRIMARY KEY NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    counts TEXT NOT NULL
);

-- The suppression list: SHA-256 digests of an erased person's identifiers
-- (talent id, e-mail, LinkedIn address), checked when profiles are stored
-- so that a later file does not bring the person back.
CREATE TABLE suppressions (
    digest BLOB PRIMARY KEY NOT NULL,
    erasure_id TEXT NOT NULL,
    at BIGINT NOT NULL
);

-- Who viewed, exported, changed or erased which person's data, when and
-- from where. Append-only: the triggers refuse any change or removal.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    workspace_id TEXT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT,
    client TEXT,
    request_id TEXT
);
CREATE INDEX audit_events_by_workspace ON audit_events (workspace_id, id);
CREATE INDEX audit_events_by_subject ON audit_events (subject, id);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Months after which a workspace's candidates and leads nobody touched are
-- removed (NULL: kept until removed by hand).
ALTER TABLE workspaces ADD COLUMN retention_months BIGINT;
CREATE INDEX candidates_by_activity ON candidates (last_activity_at);
