-- Concurrent-refresh grace window: a rotated refresh token remembers its successor, and each
-- refresh token remembers the id of the access token issued with it, so a just-rotated token
-- presented again can be answered with the same pair, re-signed from these ids (the tokens
-- themselves stay stored only as hashes).
ALTER TABLE refresh_tokens ADD COLUMN replaced_by TEXT;
ALTER TABLE refresh_tokens ADD COLUMN access_id TEXT;
