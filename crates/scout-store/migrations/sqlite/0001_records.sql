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
    content_hash BLOB NOT NULL,
    doc BLOB NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_changed_at BIGINT NOT NULL,
    source TEXT
);
CREATE UNIQUE INDEX profiles_by_seq ON profiles (seq);

-- Which organizations a profile names (by id, or `name:<folded name>`), so a
-- changed organization re-numbers the profiles whose index entry depends on it.
CREATE TABLE profile_orgs (
    profile_id TEXT NOT NULL,
    org_key TEXT NOT NULL,
    PRIMARY KEY (profile_id, org_key)
);
CREATE INDEX profile_orgs_by_org ON profile_orgs (org_key);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY NOT NULL,
    name_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    content_hash BLOB NOT NULL,
    doc BLOB NOT NULL,
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
