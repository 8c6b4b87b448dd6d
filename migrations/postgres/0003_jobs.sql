-- Jobs: the seeded catalog (owner_id NULL) and users' own postings. Lists live in `details`
-- (JSON); searchable text is a weighted tsvector (title A, company and requirements B,
-- description C) with a GIN index.
CREATE TABLE jobs (
    id                TEXT PRIMARY KEY,
    owner_id          TEXT REFERENCES users(id) ON DELETE CASCADE,
    source            TEXT NOT NULL,
    title             TEXT NOT NULL,
    company           TEXT,
    location          TEXT,
    remote            BIGINT NOT NULL DEFAULT 0,
    work_arrangement  TEXT,
    job_type          TEXT,
    experience_level  TEXT,
    salary_min        BIGINT,
    salary_max        BIGINT,
    salary_currency   TEXT,
    salary_period     TEXT,
    application_url   TEXT,
    posted_date       TEXT,
    expires_date      TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    -- Large texts last: SQLite reads a row's columns in order, so filters and facets on the
    -- columns above never touch the overflow pages these take.
    description       TEXT NOT NULL,
    details           TEXT NOT NULL,
    requirements_text TEXT NOT NULL,
    search_vector     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(company, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(requirements_text, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'C')
    ) STORED
);
CREATE INDEX jobs_owner ON jobs(owner_id);
CREATE INDEX jobs_recent ON jobs(posted_date, created_at);
CREATE INDEX jobs_level_type ON jobs(experience_level, job_type);
CREATE INDEX jobs_search ON jobs USING GIN (search_vector);

-- Saved jobs (application tracking).
CREATE TABLE saved_jobs (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    job_id          TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    notes           TEXT,
    applied_date    TEXT,
    status_history  TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (user_id, job_id)
);
CREATE INDEX saved_jobs_user ON saved_jobs(user_id, created_at);
