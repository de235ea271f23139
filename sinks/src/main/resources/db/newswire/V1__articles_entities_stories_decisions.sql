-- newswire's PostgreSQL sink. Every table is written by idempotent upserts keyed like the topics:
-- articles by id (a newer version replaces an older one), decisions by article id + version,
-- stories by story id (the latest state), dead letters by their content-derived id.

CREATE TABLE articles (
    id            text PRIMARY KEY,
    version       integer     NOT NULL,
    source        text,
    format        text,
    url           text,
    headline      text        NOT NULL,
    body          text        NOT NULL,
    byline        text,
    language      text,
    published     timestamptz,
    received      timestamptz,
    content_hash  text,
    duplicate_of  text,
    story_id      text,
    document      jsonb       NOT NULL,
    written_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_story_id ON articles (story_id);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE article_entities (
    article_id     text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_key     text             NOT NULL,
    type           text             NOT NULL,
    name           text             NOT NULL,
    mention_count  integer          NOT NULL,
    salience       double precision NOT NULL,
    PRIMARY KEY (article_id, entity_key)
);
CREATE INDEX article_entities_entity_key ON article_entities (entity_key);

CREATE TABLE stories (
    id             text PRIMARY KEY,
    headline       text,
    first_seen     timestamptz,
    last_seen      timestamptz,
    article_count  integer NOT NULL,
    source_count   integer NOT NULL,
    duplicates     integer NOT NULL,
    top_entities   jsonb   NOT NULL,
    member_ids     jsonb   NOT NULL,
    sources        jsonb   NOT NULL
);

CREATE TABLE decisions (
    article_id  text             NOT NULL,
    version     integer          NOT NULL,
    decision    text             NOT NULL,
    matched_id  text,
    story_id    text,
    method      text,
    score       double precision,
    threshold   double precision,
    PRIMARY KEY (article_id, version)
);

CREATE TABLE dead_letters (
    id      text PRIMARY KEY,
    stage   text NOT NULL,
    reason  text NOT NULL,
    origin  text,
    key     text,
    payload text,
    at      timestamptz
);
