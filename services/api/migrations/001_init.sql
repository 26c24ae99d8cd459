-- Organisations own everything; a token is stored only as its SHA-256 (the token itself is shown once).
CREATE TABLE orgs (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tokens (
  hash       text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES orgs (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A rota is the job that solves a problem plus the versions it has produced since.
CREATE TABLE rotas (
  id                text PRIMARY KEY,
  org_id            text NOT NULL REFERENCES orgs (id),
  name              text,
  problem           jsonb NOT NULL,
  options           jsonb NOT NULL,
  status            text NOT NULL CHECK (status IN ('queued', 'solving', 'done', 'failed')),
  reason            text,
  issues            jsonb,
  progress          jsonb,
  stop_requested    boolean NOT NULL DEFAULT false,
  attempts          integer NOT NULL DEFAULT 0,
  solved_by         text,
  published_version integer,
  published_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rotas_by_org ON rotas (org_id, created_at);
CREATE INDEX rotas_by_status ON rotas (status) WHERE status IN ('queued', 'solving');

-- Every rota a coordinator could have seen, with the problem it answers. Never updated or deleted:
-- the trigger below makes that a database rule, not a convention.
CREATE TABLE rota_versions (
  rota_id      text NOT NULL REFERENCES rotas (id),
  version      integer NOT NULL CHECK (version >= 1),
  kind         text NOT NULL CHECK (kind IN ('solve', 'change')),
  problem      jsonb NOT NULL,
  rota         jsonb NOT NULL,
  change       jsonb,
  base_version integer,
  diff         jsonb,
  minimal      boolean,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rota_id, version)
);

CREATE FUNCTION rota_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rota versions are immutable (% of rota %)', OLD.version, OLD.rota_id;
END;
$$;
CREATE TRIGGER rota_versions_immutable BEFORE UPDATE OR DELETE ON rota_versions
  FOR EACH ROW EXECUTE FUNCTION rota_versions_are_immutable();

ALTER TABLE rotas ADD CONSTRAINT rotas_published_version_exists
  FOREIGN KEY (id, published_version) REFERENCES rota_versions (rota_id, version);
