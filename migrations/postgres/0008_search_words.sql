-- Search parity with SQLite's FTS5 (unicode61) index: punctuation separates words, so the
-- parser no longer reads `Node.js` as a host name, `CI/CD` as a file path or `e-commerce` as
-- one hyphenated word. Queries are parsed in Rust into the same words (src/jobs/grammar.rs).
DROP INDEX jobs_search;
ALTER TABLE jobs DROP COLUMN search_vector;
ALTER TABLE jobs ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', regexp_replace(coalesce(title, ''), '[[:punct:]]+', ' ', 'g')), 'A') ||
    setweight(to_tsvector('english', regexp_replace(coalesce(company, ''), '[[:punct:]]+', ' ', 'g')), 'B') ||
    setweight(to_tsvector('english', regexp_replace(coalesce(requirements_text, ''), '[[:punct:]]+', ' ', 'g')), 'B') ||
    setweight(to_tsvector('english', regexp_replace(coalesce(description, ''), '[[:punct:]]+', ' ', 'g')), 'C')
) STORED;
CREATE INDEX jobs_search ON jobs USING GIN (search_vector);
