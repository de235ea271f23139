-- Entities by their stable key (the key every article gives the same entity): its type, its canonical name as
-- the newest article written named it, and the English Wikipedia page it is linked to, if any. article_entities
-- refers to it; the name there is the one that article carried.
CREATE TABLE entities (
    key         text PRIMARY KEY,
    type        text        NOT NULL,
    name        text        NOT NULL,
    kb_id       text,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO entities (key, type, name)
SELECT DISTINCT ON (entity_key) entity_key, type, name FROM article_entities ORDER BY entity_key, name;
UPDATE entities e SET kb_id = linked.kb_id
FROM (SELECT DISTINCT ON (entity->>'key') entity->>'key' AS key, entity->>'kb_id' AS kb_id
      FROM articles, jsonb_array_elements(document->'entities') AS entity
      WHERE entity->>'kb_id' IS NOT NULL
      ORDER BY entity->>'key') AS linked
WHERE e.key = linked.key;
ALTER TABLE article_entities
    ADD CONSTRAINT article_entities_entity_key_fkey FOREIGN KEY (entity_key) REFERENCES entities (key);
CREATE INDEX entities_kb_id ON entities (kb_id) WHERE kb_id IS NOT NULL;

-- Full-text search over headline (weight A) and body (weight B), kept by PostgreSQL itself as articles are
-- upserted; queried with websearch_to_tsquery('english', ...) against the same configuration
-- (docs/operations.md, "Searching in PostgreSQL").
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A')
    || setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
