-- Share links of documents: the token is stored only as its SHA-256 hash, the password (if
-- any) as an argon2id hash; downloads are counted against the optional limit.
CREATE TABLE document_shares (
    id             TEXT PRIMARY KEY NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash     TEXT NOT NULL UNIQUE,
    password_hash  TEXT,
    expires_at     BIGINT NOT NULL,
    download_limit BIGINT,
    downloads      BIGINT NOT NULL DEFAULT 0,
    revoked_at     BIGINT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX document_shares_document ON document_shares(document_id, created_at);
