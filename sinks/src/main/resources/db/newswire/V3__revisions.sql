-- A story merge, split or rename publishes an article's version again, with its new story and the next
-- revision: the row keeps the highest revision of the highest version, and each revision's decision is kept.
ALTER TABLE articles ADD COLUMN revision integer NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN revision integer NOT NULL DEFAULT 0;
ALTER TABLE decisions DROP CONSTRAINT decisions_pkey;
ALTER TABLE decisions ADD PRIMARY KEY (article_id, version, revision, outcome);
