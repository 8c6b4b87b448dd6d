-- The generation request is stored whole, as the typed request the API accepted
-- (`{"type": "resume", "options": {…}}`), instead of a type and an options column the worker
-- put back together. `kind` stays: it is what `GET /generations?type=` filters on.
ALTER TABLE generations ADD COLUMN request TEXT NOT NULL DEFAULT '';
UPDATE generations SET request = '{"type":"' || kind || '","options":' || options || '}';
ALTER TABLE generations DROP COLUMN options;
