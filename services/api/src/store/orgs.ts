import type { Database, Sql } from "../db/database";
import { newId, newToken, tokenHash } from "../ids";

/** Any fixed number, distinct from the migration lock. */
const FIRST_ORG_LOCK = 7_302_146;

/** A token as it is listed: never its secret (only the hash is kept). */
export interface TokenRecord {
  id: string;
  orgId: string;
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken {
  record: TokenRecord;
  /** the secret, shown this once */
  token: string;
}

export type Authenticated = { orgId: string; tokenId: string } | { refused: "unknown" | "revoked" | "expired" };

interface TokenRow {
  id: string;
  org_id: string;
  name: string | null;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const TOKEN_COLUMNS = "id, org_id, name, created_at, expires_at, revoked_at";

const tokenOf = (row: TokenRow): TokenRecord => ({
  id: row.id,
  orgId: row.org_id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** Still works: not revoked, not expired. */
const LIVE = "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())";

async function insertToken(
  tx: Sql,
  orgId: string,
  options: { name?: string | null | undefined; expiresInDays?: number | undefined } = {},
): Promise<IssuedToken> {
  const token = newToken();
  const [row] = await tx.query<TokenRow>(
    `INSERT INTO tokens (hash, id, org_id, name, expires_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(days => $5::int) END)
     RETURNING ${TOKEN_COLUMNS}`,
    [tokenHash(token), newId("tok"), orgId, options.name ?? null, options.expiresInDays ?? null],
  );
  return { record: tokenOf(row as TokenRow), token };
}

async function insertOrg(tx: Sql, name: string): Promise<{ org: { id: string; name: string }; token: string }> {
  const id = newId("org");
  await tx.query("INSERT INTO orgs (id, name) VALUES ($1, $2)", [id, name]);
  const { token } = await insertToken(tx, id);
  return { org: { id, name }, token };
}

/** Organisations and their bearer tokens (only a token's hash is stored). */
export class OrgStore {
  constructor(private readonly db: Database) {}

  createOrg(name: string): Promise<{ org: { id: string; name: string }; token: string }> {
    return this.db.transaction((tx) => insertOrg(tx, name));
  }

  /**
   * Creates an organisation only if there is none yet. API processes starting together against one
   * empty PostgreSQL take turns (advisory lock), so exactly one of them creates it.
   */
  createFirstOrg(name: string): Promise<{ org: { id: string; name: string }; token: string } | null> {
    return this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [FIRST_ORG_LOCK]);
      const [row] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM orgs");
      return row?.n ? null : insertOrg(tx, name);
    });
  }

  /** Whose a bearer token is, or why it is refused. Read on every request: a revocation counts at once. */
  async authenticate(token: string): Promise<Authenticated> {
    const [row] = await this.db.query<{ id: string; org_id: string; revoked: boolean; expired: boolean }>(
      `SELECT id, org_id, revoked_at IS NOT NULL AS revoked, expires_at IS NOT NULL AND expires_at <= now() AS expired
       FROM tokens WHERE hash = $1`,
      [tokenHash(token)],
    );
    if (!row) return { refused: "unknown" };
    if (row.revoked) return { refused: "revoked" };
    if (row.expired) return { refused: "expired" };
    return { orgId: row.org_id, tokenId: row.id };
  }

  async findOrg(orgId: string): Promise<{ id: string; name: string } | null> {
    const [row] = await this.db.query<{ id: string; name: string }>("SELECT id, name FROM orgs WHERE id = $1", [orgId]);
    return row ?? null;
  }

  /** The organisation's tokens, newest first, revoked and expired ones included. */
  async listTokens(orgId: string): Promise<TokenRecord[]> {
    const rows = await this.db.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE org_id = $1 ORDER BY created_at DESC, id`,
      [orgId],
    );
    return rows.map(tokenOf);
  }

  issueToken(orgId: string, options: { name?: string | undefined; expiresInDays?: number | undefined }) {
    return this.db.transaction((tx) => insertToken(tx, orgId, options));
  }

  /**
   * Revokes a token of the organisation. "last": it is the only one that still works and
   * `keepOne` forbids locking the organisation out; "revoked": it already was.
   */
  async revokeToken(orgId: string, id: string, keepOne: boolean): Promise<TokenRecord | "last" | "revoked" | null> {
    return this.db.transaction(async (tx) => {
      // Locks the organisation's tokens: two revocations at once cannot each leave the other last.
      const rows = await tx.query<TokenRow & { live: boolean }>(
        `SELECT ${TOKEN_COLUMNS}, ${LIVE} AS live FROM tokens WHERE org_id = $1 FOR UPDATE`,
        [orgId],
      );
      const target = rows.find((r) => r.id === id);
      if (!target) return null;
      if (target.revoked_at) return "revoked";
      if (keepOne && target.live && rows.filter((r) => r.live).length === 1) return "last";
      const [row] = await tx.query<TokenRow>(
        `UPDATE tokens SET revoked_at = now() WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`,
        [id],
      );
      return tokenOf(row as TokenRow);
    });
  }

  /** A new secret in place of a token (same name; the expiry given): the old one is revoked in the same step. */
  async rotateToken(
    orgId: string,
    id: string,
    options: { expiresInDays?: number | undefined },
  ): Promise<IssuedToken | "revoked" | null> {
    return this.db.transaction(async (tx) => {
      const [old] = await tx.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE org_id = $1 AND id = $2 FOR UPDATE`,
        [orgId, id],
      );
      if (!old) return null;
      if (old.revoked_at) return "revoked";
      await tx.query("UPDATE tokens SET revoked_at = now() WHERE id = $1", [id]);
      return insertToken(tx, orgId, { name: old.name, expiresInDays: options.expiresInDays });
    });
  }
}
