-- One id and version can be decided more than once: NEW, then KILL or STALE for that same version.
-- Keyed by id and version alone, the later decisions were dropped on insert.
ALTER TABLE decisions DROP CONSTRAINT decisions_pkey;
ALTER TABLE decisions ADD PRIMARY KEY (article_id, version, decision);
