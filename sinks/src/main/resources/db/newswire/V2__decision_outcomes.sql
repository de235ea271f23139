-- A version is decided once, and may later be killed or found stale: three outcomes of one id and version,
-- each kept. Keyed by id and version alone, a kill or a stale copy of a version already decided was dropped;
-- a second run of the same input still finds its decisions there and adds none.
ALTER TABLE decisions ADD COLUMN outcome text NOT NULL DEFAULT 'decided';
ALTER TABLE decisions DROP CONSTRAINT decisions_pkey;
ALTER TABLE decisions ADD PRIMARY KEY (article_id, version, outcome);
