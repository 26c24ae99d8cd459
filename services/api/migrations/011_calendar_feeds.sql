-- A person's calendar feed: a secret URL (only its hash is kept) that calendar apps fetch without a
-- token, serving the rota's published version. Revoked feeds stay listed with when.
CREATE TABLE calendar_feeds (
  id         text PRIMARY KEY,
  hash       text NOT NULL UNIQUE,
  org_id     text NOT NULL REFERENCES orgs (id),
  rota_id    text NOT NULL REFERENCES rotas (id),
  person     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX calendar_feeds_by_rota ON calendar_feeds (rota_id, created_at);

-- How many times a version was published: a feed's SEQUENCE, which must rise whenever events may
-- have changed (publishing an older version again included).
ALTER TABLE rotas ADD COLUMN publications integer NOT NULL DEFAULT 0;
UPDATE rotas SET publications = 1 WHERE published_version IS NOT NULL;
