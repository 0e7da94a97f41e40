-- Prompt searches kept as records (their reading, results and history) and
-- saved candidate lists ("pools") with their members in order.
CREATE TABLE candidate_searches (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    source TEXT NOT NULL,
    prompt TEXT NOT NULL,
    filters TEXT NOT NULL,
    interpretation TEXT NOT NULL,
    total BIGINT NOT NULL,
    result_ids TEXT NOT NULL,
    expansions TEXT NOT NULL,
    revisions TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX candidate_searches_by_user ON candidate_searches (workspace_id, user_id, updated_at, id);

CREATE TABLE candidate_pools (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    search_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX candidate_pools_by_user ON candidate_pools (workspace_id, user_id, updated_at, id);

CREATE TABLE candidate_pool_members (
    pool_id TEXT NOT NULL REFERENCES candidate_pools (id) ON DELETE CASCADE,
    talent_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (pool_id, talent_id)
);
CREATE INDEX candidate_pool_members_order ON candidate_pool_members (pool_id, position);
