-- Tokens get a public id (to list, revoke and rotate them by), a name, an optional expiry and a
-- revocation time. A revoked token stays listed, so that an audit can see what was cut off and when.
ALTER TABLE tokens ADD COLUMN id text;
UPDATE tokens SET id = 'tok_' || substr(hash, 1, 12);
ALTER TABLE tokens ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX tokens_id ON tokens (id);
ALTER TABLE tokens ADD COLUMN name text;
ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE tokens ADD COLUMN revoked_at timestamptz;
CREATE INDEX tokens_by_org ON tokens (org_id, created_at);
