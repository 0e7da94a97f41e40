-- One person once (issue 22): each profile's identity keys (64-bit digests of its
-- LinkedIn address, an e-mail and a phone a file gave, its name with its
-- current employer; see duplicates.rs) and the pairs taken for one person
-- — open for review, merged (with what is needed to undo the merge), or
-- dismissed and so never proposed again. `pool` is '' for the shared pool,
-- else the workspace's id; a pair's keys are in sorted order.
ALTER TABLE profiles ADD COLUMN linkedin_key INTEGER;
ALTER TABLE profiles ADD COLUMN email_key INTEGER;
ALTER TABLE profiles ADD COLUMN phone_key INTEGER;
ALTER TABLE profiles ADD COLUMN name_key INTEGER;
CREATE INDEX profiles_by_linkedin_key ON profiles (linkedin_key) WHERE linkedin_key IS NOT NULL;
CREATE INDEX profiles_by_email_key ON profiles (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX profiles_by_phone_key ON profiles (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX profiles_by_name_key ON profiles (name_key) WHERE name_key IS NOT NULL;

CREATE TABLE duplicates (
    id TEXT PRIMARY KEY NOT NULL,
    pool TEXT NOT NULL,
    first_key TEXT NOT NULL,
    second_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    decided_by TEXT,
    survivor_key TEXT,
    survivor_before BLOB,
    merged_before BLOB,
    repointed TEXT
);
CREATE UNIQUE INDEX duplicates_one_per_pair ON duplicates (pool, first_key, second_key);
CREATE INDEX duplicates_by_pool ON duplicates (pool, status, created_at);
