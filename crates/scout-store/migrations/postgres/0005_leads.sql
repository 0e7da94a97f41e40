-- Leads: people sourced or read from CVs before they become candidates.
-- The original file is kept once per content hash; a lead is linked to the
-- organizations (workspaces) that may see it and to the roles (jobs) it is
-- considered for, each link with its own status and fit scores.
CREATE TABLE lead_files (
    hash TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE leads (
    id TEXT PRIMARY KEY NOT NULL,
    file_hash TEXT NOT NULL UNIQUE REFERENCES lead_files (hash),
    file_name TEXT NOT NULL,
    status TEXT NOT NULL,
    failure_code TEXT,
    failure_reason TEXT,
    full_name TEXT,
    email TEXT,
    contact_email TEXT,
    phone TEXT,
    summary TEXT,
    skills TEXT NOT NULL,
    parsed TEXT NOT NULL,
    name_key TEXT,
    duplicate_of TEXT,
    candidate_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX leads_by_email ON leads (email);
CREATE INDEX leads_by_name ON leads (name_key);
CREATE INDEX leads_by_status ON leads (status, created_at);

CREATE TABLE lead_organizations (
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (lead_id, workspace_id)
);
CREATE INDEX lead_organizations_by_workspace ON lead_organizations (workspace_id, lead_id);

CREATE TABLE lead_roles (
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    status TEXT NOT NULL,
    resume_fit_score BIGINT NOT NULL,
    overall_fit_score BIGINT NOT NULL,
    screening TEXT,
    candidate_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (lead_id, role_id)
);
CREATE INDEX lead_roles_by_role ON lead_roles (role_id, lead_id);

CREATE TABLE lead_events (
    lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX lead_events_by_lead ON lead_events (lead_id, at);
