-- newsevents store, schema version 1.
-- Applied by newsevents.store.migrate in one transaction and recorded in schema_migrations.

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,           -- content hash (Article.id)
    seq BIGINT NOT NULL,              -- order of first storage; deterministic for a given input order
    url VARCHAR,
    title VARCHAR,
    source VARCHAR,                   -- publisher as read
    publisher VARCHAR,                -- source, else the URL host: what num_sources counts
    published DATE,
    origin VARCHAR,                   -- file (and line) the article was read from
    text VARCHAR,                     -- NULL only for articles refused as too large
    chars INTEGER NOT NULL,
    status VARCHAR NOT NULL,          -- 'ok' or 'failed'
    error VARCHAR,                    -- why a failed article failed
    version INTEGER NOT NULL,         -- 1, 2, ... for successive texts under the same URL
    superseded_by VARCHAR,            -- id of the newer version, NULL while current
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE actors (
    id VARCHAR PRIMARY KEY,           -- hash of name, country, sector, org, code, role
    name VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    org VARCHAR,
    code VARCHAR NOT NULL,
    role VARCHAR
);

CREATE TABLE clusters (
    id BIGINT PRIMARY KEY,
    cluster_key VARCHAR NOT NULL,     -- source country|sector|target country|sector|CAMEO root
    source_country VARCHAR,
    source_sector VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    cameo_root VARCHAR NOT NULL,
    anchor_date DATE,                 -- date of the first member; NULL for undated singletons
    place_key VARCHAR,                -- first place reported, NULL while none
    place_name VARCHAR,
    num_mentions INTEGER NOT NULL,    -- current (not superseded) member events
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,     -- distinct publishers
    first_report DATE,
    last_report DATE,
    date_first DATE,
    date_last DATE,
    first_event VARCHAR               -- the earliest stored current member
);

CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,              -- article seq * 10000 + position in the article
    schema_version VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    evidence VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    source_actor VARCHAR, source_text VARCHAR, source_name VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, source_org VARCHAR, source_code VARCHAR, source_role VARCHAR,
    target_actor VARCHAR, target_text VARCHAR, target_name VARCHAR, target_country VARCHAR,
    target_sector VARCHAR, target_org VARCHAR, target_code VARCHAR, target_role VARCHAR,
    attributed_actor VARCHAR, attributed_text VARCHAR, attributed_name VARCHAR,
    attributed_country VARCHAR, attributed_sector VARCHAR, attributed_org VARCHAR,
    attributed_code VARCHAR, attributed_role VARCHAR,
    cameo VARCHAR NOT NULL,
    cameo_root VARCHAR NOT NULL,
    cameo_name VARCHAR NOT NULL,
    plover VARCHAR,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    status VARCHAR NOT NULL,
    polarity VARCHAR NOT NULL,
    modality VARCHAR NOT NULL,
    date DATE,
    date_precision VARCHAR,
    date_end DATE,
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    place_admin1 VARCHAR, place_geonames_id BIGINT, place_precision VARCHAR,
    confidence DOUBLE NOT NULL,
    trigger VARCHAR NOT NULL,
    coder_name VARCHAR NOT NULL,
    coder_version VARCHAR NOT NULL,
    superseded BOOLEAN NOT NULL,      -- TRUE once a newer version of the article is stored
    cluster_id BIGINT                 -- NULL until clustered
);

CREATE TABLE read_failures (
    origin VARCHAR PRIMARY KEY,       -- input that could not be read as an article
    message VARCHAR NOT NULL,
    seen_at TIMESTAMP NOT NULL
);
