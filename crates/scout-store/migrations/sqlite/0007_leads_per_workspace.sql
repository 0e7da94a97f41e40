-- Leads belong to one workspace. Until now a CV was one lead per file hash,
-- shared by every workspace that uploaded it, and showed each of them the
-- others' roles, scores, candidates, history and file name (issue 23).
--
-- Existing data: the workspace that linked a lead first keeps it under its
-- id; every other linked workspace gets its own copy, id `<lead>_<workspace>`,
-- with only its own roles, its own conversion, a duplicate link only to one
-- of its own leads, and a neutral file name (theirs was never stored). The
-- events of a role go with the role's workspace; the owner keeps the upload
-- events; a copy starts with one `uploaded` event at the time it was linked.
-- CV files stay stored once per hash: only a lead of one's own reaches one.

CREATE TABLE workspace_leads (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL,
    file_hash TEXT NOT NULL REFERENCES lead_files (hash),
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
    updated_at BIGINT NOT NULL,
    UNIQUE (workspace_id, file_hash)
);

-- which workspace linked each lead first
CREATE TABLE lead_owners AS
SELECT l.id AS lead_id,
       (SELECT o.workspace_id FROM lead_organizations o WHERE o.lead_id = l.id
        ORDER BY o.created_at, o.workspace_id LIMIT 1) AS owner
FROM leads l;

INSERT INTO workspace_leads (id, workspace_id, file_hash, file_name, status, failure_code, failure_reason,
    full_name, email, contact_email, phone, summary, skills, parsed, name_key, duplicate_of, candidate_id,
    created_at, updated_at)
SELECT
    CASE WHEN o.workspace_id = w.owner THEN l.id ELSE l.id || '_' || o.workspace_id END,
    o.workspace_id,
    l.file_hash,
    CASE WHEN o.workspace_id = w.owner THEN l.file_name ELSE 'cv.' || f.kind END,
    CASE
        WHEN c.candidate_id IS NOT NULL THEN 'converted'
        WHEN l.status = 'converted' THEN 'parsed'
        ELSE l.status
    END,
    l.failure_code, l.failure_reason, l.full_name, l.email, l.contact_email, l.phone, l.summary,
    l.skills, l.parsed, l.name_key, l.duplicate_of, c.candidate_id,
    CASE WHEN o.workspace_id = w.owner THEN l.created_at ELSE o.created_at END,
    CASE WHEN o.workspace_id = w.owner THEN l.updated_at ELSE o.created_at END
FROM leads l
JOIN lead_owners w ON w.lead_id = l.id
JOIN lead_organizations o ON o.lead_id = l.id
JOIN lead_files f ON f.hash = l.file_hash
LEFT JOIN (
    SELECT r.lead_id, r.workspace_id, MAX(r.candidate_id) AS candidate_id
    FROM lead_roles r WHERE r.candidate_id IS NOT NULL
    GROUP BY r.lead_id, r.workspace_id
) c ON c.lead_id = l.id AND c.workspace_id = o.workspace_id;

-- a duplicate link points at the same workspace's lead of that person, or nowhere
UPDATE workspace_leads SET duplicate_of = (
    SELECT d.id FROM workspace_leads d
    WHERE d.workspace_id = workspace_leads.workspace_id
      AND (d.id = workspace_leads.duplicate_of OR d.id = workspace_leads.duplicate_of || '_' || workspace_leads.workspace_id)
)
WHERE duplicate_of IS NOT NULL;

CREATE TABLE workspace_lead_roles (
    lead_id TEXT NOT NULL REFERENCES workspace_leads (id) ON DELETE CASCADE,
    role_id TEXT NOT NULL,
    status TEXT NOT NULL,
    resume_fit_score BIGINT NOT NULL,
    overall_fit_score BIGINT NOT NULL,
    screening TEXT,
    candidate_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (lead_id, role_id)
);

INSERT INTO workspace_lead_roles (lead_id, role_id, status, resume_fit_score, overall_fit_score, screening,
    candidate_id, created_at, updated_at)
SELECT
    CASE WHEN r.workspace_id = w.owner THEN r.lead_id ELSE r.lead_id || '_' || r.workspace_id END,
    r.role_id, r.status, r.resume_fit_score, r.overall_fit_score, r.screening, r.candidate_id,
    r.created_at, r.updated_at
FROM lead_roles r
JOIN lead_owners w ON w.lead_id = r.lead_id
WHERE EXISTS (SELECT 1 FROM workspace_leads n
              WHERE n.id = CASE WHEN r.workspace_id = w.owner THEN r.lead_id ELSE r.lead_id || '_' || r.workspace_id END);

CREATE TABLE workspace_lead_events (
    lead_id TEXT NOT NULL REFERENCES workspace_leads (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);

-- the owner keeps the upload's events; a role's events go with the role's workspace
INSERT INTO workspace_lead_events (lead_id, at, kind, detail)
SELECT e.lead_id, e.at, e.kind, e.detail
FROM lead_events e
WHERE e.kind IN ('uploaded', 'parsed', 'failed')
  AND EXISTS (SELECT 1 FROM workspace_leads n WHERE n.id = e.lead_id);

INSERT INTO workspace_lead_events (lead_id, at, kind, detail)
SELECT
    CASE WHEN r.workspace_id = w.owner THEN e.lead_id ELSE e.lead_id || '_' || r.workspace_id END,
    e.at, e.kind, e.detail
FROM lead_events e
JOIN lead_owners w ON w.lead_id = e.lead_id
JOIN lead_roles r ON r.lead_id = e.lead_id AND r.role_id = json_extract(e.detail, '$.roleId')
WHERE e.kind IN ('role', 'screened', 'converted');

INSERT INTO workspace_lead_events (lead_id, at, kind, detail)
SELECT n.id, n.created_at, 'uploaded', '{"fileName":"' || n.file_name || '","organizationId":"' || n.workspace_id || '"}'
FROM workspace_leads n
WHERE NOT EXISTS (SELECT 1 FROM lead_owners w WHERE w.lead_id = n.id);

DROP TABLE lead_events;
DROP TABLE lead_roles;
DROP TABLE lead_organizations;
DROP TABLE leads;
DROP TABLE lead_owners;

ALTER TABLE workspace_leads RENAME TO leads;
ALTER TABLE workspace_lead_roles RENAME TO lead_roles;
ALTER TABLE workspace_lead_events RENAME TO lead_events;

CREATE INDEX leads_by_workspace ON leads (workspace_id, created_at);
CREATE INDEX leads_by_email ON leads (workspace_id, email);
CREATE INDEX leads_by_name ON leads (workspace_id, name_key);
CREATE INDEX leads_by_status ON leads (status, created_at);
CREATE INDEX lead_roles_by_role ON lead_roles (role_id, lead_id);
CREATE INDEX lead_events_by_lead ON lead_events (lead_id, at);
