-- The standing data ("the setup"): every change is a new revision, never an update, so any earlier
-- revision reads back as it was and the history says who changed what.
CREATE TABLE setup_revisions (
  org_id     text NOT NULL REFERENCES orgs (id),
  revision   integer NOT NULL CHECK (revision >= 1),
  setup      jsonb NOT NULL,
  -- what made it: a whole PUT, one person or site, a sheet import, a confirmed training, a restore
  kind       text NOT NULL CHECK (kind IN ('put', 'person', 'site', 'import', 'training', 'restore')),
  -- what changed against the revision before (people and sites added, changed field by field, removed)
  changes    jsonb NOT NULL,
  note       text,
  -- the organisation whose token made the change (tokens are per organisation)
  author     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, revision)
);

CREATE FUNCTION setup_revisions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'setup revisions are immutable (% of %)', OLD.revision, OLD.org_id;
END;
$$;
CREATE TRIGGER setup_revisions_immutable BEFORE UPDATE OR DELETE ON setup_revisions
  FOR EACH ROW EXECUTE FUNCTION setup_revisions_are_immutable();

-- Dated absences and availability exceptions. Removing one only marks it removed (the undo of a
-- mistaken entry is itself on record); the days it touches, local to the setup's zone, are kept
-- beside it so that a week's entries are found without reading every one.
CREATE TABLE setup_entries (
  id         text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES orgs (id),
  kind       text NOT NULL CHECK (kind IN ('absence', 'availability')),
  person     text NOT NULL,
  first_day  date NOT NULL,
  last_day   date NOT NULL CHECK (last_day >= first_day),
  entry      jsonb NOT NULL,
  plan_id    text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz
);
CREATE INDEX setup_entries_by_days ON setup_entries (org_id, first_day, last_day) WHERE removed_at IS NULL;

-- A term plan: weeks solved in order, each feeding the next its carry-over.
CREATE TABLE plans (
  id             text PRIMARY KEY,
  org_id         text NOT NULL REFERENCES orgs (id),
  from_week      date NOT NULL,
  weeks          integer NOT NULL CHECK (weeks BETWEEN 1 AND 52),
  options        jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('solving', 'done', 'stopped', 'failed')),
  reason         text,
  stop_requested boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plans_by_org ON plans (org_id, created_at);

ALTER TABLE setup_entries ADD CONSTRAINT setup_entries_plan FOREIGN KEY (plan_id) REFERENCES plans (id);

-- A rota built from the setup for one week: the revision and the carry-over it was built from
-- (the rota itself stores the whole problem, so it stays readable whatever the setup becomes).
CREATE TABLE week_rotas (
  rota_id        text PRIMARY KEY REFERENCES rotas (id),
  org_id         text NOT NULL REFERENCES orgs (id),
  week_start     date NOT NULL,
  setup_revision integer NOT NULL,
  carry          jsonb NOT NULL,
  plan_id        text REFERENCES plans (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, setup_revision) REFERENCES setup_revisions (org_id, revision)
);
CREATE INDEX week_rotas_by_week ON week_rotas (org_id, week_start);

-- The plan's rota for each of its weeks: the newest re-solve of a week replaces it here.
CREATE TABLE plan_weeks (
  plan_id    text NOT NULL REFERENCES plans (id),
  week_index integer NOT NULL CHECK (week_index >= 0),
  week_start date NOT NULL,
  rota_id    text REFERENCES rotas (id),
  PRIMARY KEY (plan_id, week_index)
);
