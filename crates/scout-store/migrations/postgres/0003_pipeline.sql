-- Sourcing projects (= jobs), their candidates and each candidate's history.
-- Candidates carry a snapshot of who they are (from the talent profile, or
-- as entered for applicants and uploads) in folded key columns, so lists can
-- filter, search and sort a pipeline without touching profiles; the
-- snapshot and the fit assessment are refreshed when the profile or the
-- job's requirements change (profile_seq, fit_version).
CREATE TABLE sourcings (
    id TEXT PRIMARY KEY NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    title TEXT NOT NULL,
    description TEXT,
    location TEXT,
    salary_min DOUBLE PRECISION,
    salary_max DOUBLE PRECISION,
    salary_currency TEXT,
    requirements TEXT NOT NULL,
    requirements_version BIGINT NOT NULL,
    archived_at BIGINT,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX sourcings_by_workspace ON sourcings (workspace_id, created_at);

CREATE TABLE candidates (
    id TEXT PRIMARY KEY NOT NULL,
    sourcing_id TEXT NOT NULL REFERENCES sourcings (id) ON DELETE CASCADE,
    talent_id TEXT,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    stage_order BIGINT NOT NULL,
    user_rating BIGINT,
    contacts BIGINT NOT NULL,
    firstname TEXT,
    lastname TEXT,
    name_key TEXT,
    email TEXT,
    email_key TEXT,
    phone TEXT,
    linkedin_url TEXT,
    cv_url TEXT,
    photo_url TEXT,
    source TEXT,
    nationality TEXT,
    city TEXT,
    city_key TEXT,
    job_title TEXT,
    job_title_key TEXT,
    company_name TEXT,
    company_key TEXT,
    experience_years DOUBLE PRECISION,
    stated_years DOUBLE PRECISION,
    salary_expectation DOUBLE PRECISION,
    profile_seq BIGINT,
    fit_score BIGINT,
    fit_match BIGINT,
    fit_decision TEXT,
    fit_summary TEXT,
    fit_version BIGINT,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_activity_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX candidates_one_per_talent ON candidates (sourcing_id, talent_id);
-- One index per sort field, carrying the stage so a page is read from the
-- index alone and a sorted page stops after the rows it returns.
CREATE INDEX candidates_sort_name ON candidates (sourcing_id, name_key, id, stage_order);
CREATE INDEX candidates_sort_company ON candidates (sourcing_id, company_key, id, stage_order);
CREATE INDEX candidates_sort_stage ON candidates (sourcing_id, stage_order, id);
CREATE INDEX candidates_sort_city ON candidates (sourcing_id, city_key, id, stage_order);
CREATE INDEX candidates_sort_title ON candidates (sourcing_id, job_title_key, id, stage_order);
CREATE INDEX candidates_sort_rating ON candidates (sourcing_id, user_rating, id, stage_order);
CREATE INDEX candidates_sort_contacts ON candidates (sourcing_id, contacts, id, stage_order);
CREATE INDEX candidates_sort_created ON candidates (sourcing_id, created_at, id, stage_order);
CREATE INDEX candidates_sort_activity ON candidates (sourcing_id, last_activity_at, id, stage_order);
CREATE INDEX candidates_by_talent ON candidates (talent_id);
CREATE INDEX candidates_by_email ON candidates (sourcing_id, email_key);

-- The words of each candidate, for free-text search (`*:` + word, matched
-- by prefix) and the city, title and company filters (`c:`, `t:`, `o:` +
-- word, matched whole): an index lookup instead of scanning text.
CREATE TABLE candidate_terms (
    sourcing_id TEXT NOT NULL,
    term TEXT COLLATE "C" NOT NULL,
    candidate_id TEXT NOT NULL,
    PRIMARY KEY (sourcing_id, term, candidate_id)
);
CREATE INDEX candidate_terms_by_candidate ON candidate_terms (candidate_id);

CREATE TABLE candidate_events (
    id BIGSERIAL PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor TEXT,
    kind TEXT NOT NULL,
    from_value TEXT,
    to_value TEXT,
    detail TEXT
);
CREATE INDEX candidate_events_by_candidate ON candidate_events (candidate_id, at);
