-- newsevents store, schema version 2: which coder made each article's events.
-- Applied by newsevents.store.migrate in one transaction and recorded in schema_migrations.
-- Rows of an older database get NULL, which `newsevents recode` reads as "another coder".

ALTER TABLE articles ADD COLUMN coder_fingerprint VARCHAR;  -- newsevents.store.fingerprint

-- Work that a killed writer left to finish: 'rebuild_clusters' is set by every recode batch
-- and cleared by the rebuild of the clusters that ends a recode (or `clusters --rebuild`).
CREATE TABLE maintenance (
    task VARCHAR PRIMARY KEY,
    since TIMESTAMP NOT NULL
);
