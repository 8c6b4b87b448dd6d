-- Writing samples (past resumes and cover letters) with their extracted text.
CREATE TABLE writing_samples (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    document_type TEXT NOT NULL,
    filename      TEXT,
    source_format TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    word_count    BIGINT NOT NULL,
    text          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX writing_samples_user ON writing_samples(user_id, created_at);
