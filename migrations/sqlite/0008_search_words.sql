-- Search parity with PostgreSQL, which keeps accents (`café` is not `cafe`): the FTS5 index
-- keeps diacritics too. Rebuilt from the jobs table; the triggers on jobs keep working.
DROP TABLE jobs_fts;
CREATE VIRTUAL TABLE jobs_fts USING fts5(
    title, company, description, requirements_text,
    content='jobs', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 0'
);
INSERT INTO jobs_fts(jobs_fts) VALUES ('rebuild');
