-- Generations: each row is a durable queue entry of the five-stage pipeline. Stage outputs are
-- stored as they finish (`stages_done`), so a worker that picks up an expired claim resumes at
-- the first unfinished stage. Documents are the pipeline's results.
CREATE TABLE generations (
    id               TEXT PRIMARY KEY NOT NULL,
    user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    profile_id       TEXT NOT NULL,
    job_id           TEXT NOT NULL,
    options          TEXT NOT NULL,
    inputs           TEXT NOT NULL,
    status           TEXT NOT NULL,
    current_stage    BIGINT NOT NULL DEFAULT 0,
    stages_done      BIGINT NOT NULL DEFAULT 0,
    analysis         TEXT,
    compiled         TEXT,
    drafts           TEXT,
    reports          TEXT,
    engine           TEXT NOT NULL DEFAULT 'offline',
    tokens_used      BIGINT NOT NULL DEFAULT 0,
    result           TEXT,
    error            TEXT,
    timings          TEXT NOT NULL DEFAULT '{}',
    attempts         BIGINT NOT NULL DEFAULT 0,
    claimed_by       TEXT,
    claim_expires_at BIGINT,
    idempotency_key  TEXT,
    request_hash     TEXT,
    request_id       TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    completed_at     BIGINT
);
CREATE UNIQUE INDEX generations_idempotency ON generations(user_id, idempotency_key);
CREATE INDEX generations_user_created ON generations(user_id, created_at);
CREATE INDEX generations_queue ON generations(status, created_at);

CREATE TABLE documents (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    generation_id TEXT,
    profile_id    TEXT,
    job_id        TEXT,
    document_type TEXT NOT NULL,
    title         TEXT NOT NULL,
    version       BIGINT NOT NULL,
    template      TEXT NOT NULL,
    structured    TEXT NOT NULL,
    validation    TEXT NOT NULL,
    metadata      TEXT NOT NULL,
    pdf_key       TEXT,
    pdf_size      BIGINT,
    pdf_pages     BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX documents_user_created ON documents(user_id, created_at);
CREATE INDEX documents_generation ON documents(generation_id);

-- Every version of a document's structured content (version 1 is what the pipeline wrote).
CREATE TABLE document_versions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version     BIGINT NOT NULL,
    structured  TEXT NOT NULL,
    validation  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (document_id, version)
);
