-- Imported and pasted postings: where the page came from (one job per user and page), and what
-- the parser had to guess (`[{field, message}]`, JSON).
ALTER TABLE jobs ADD COLUMN source_url TEXT;
ALTER TABLE jobs ADD COLUMN parse_warnings TEXT NOT NULL DEFAULT '[]';
CREATE UNIQUE INDEX jobs_owner_source_url ON jobs(owner_id, source_url) WHERE source_url IS NOT NULL;
-- How an imported page was read: json_ld, microdata or html_text.
ALTER TABLE jobs ADD COLUMN import_source TEXT;
