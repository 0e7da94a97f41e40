-- The system of record: profiles and organizations, each change numbered from
-- one monotonically increasing sequence so that the search index can follow.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

CREATE TABLE profiles (
    id TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL,
    content_hash BYTEA NOT NULL,
    doc BYTEA NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_changed_at BIGINT NOT NULL,
    source TEXT,
    -- The current employer's organization id: a changed organization
    -- re-numbers its current employees so the index refreshes them.
    current_org_id TEXT
);
CREATE UNIQUE INDEX profiles_by_seq ON profiles (seq);
CREATE INDEX profiles_by_current_org ON profiles (current_org_id);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY NOT NULL,
    name_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    content_hash BYTEA NOT NULL,
    doc BYTEA NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_changed_at BIGINT NOT NULL,
    source TEXT
);
CREATE UNIQUE INDEX organizations_by_seq ON organizations (seq);
CREATE INDEX organizations_by_name ON organizations (name_key);

CREATE TABLE tombstones (
    seq BIGINT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted_at BIGINT NOT NULL
);
