import type { Database, Sql } from "../db/database";
import { newId, newToken, tokenHash } from "../ids";

/** Any fixed number, distinct from the migration lock. */
const FIRST_ORG_LOCK = 7_302_146;

async function insertOrg(tx: Sql, name: string): Promise<{ org: { id: string; name: string }; token: string }> {
  const id = newId("org");
  const token = newToken();
  await tx.query("INSERT INTO orgs (id, name) VALUES ($1, $2)", [id, name]);
  await tx.query("INSERT INTO tokens (hash, org_id) VALUES ($1, $2)", [tokenHash(token), id]);
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

  async orgByToken(token: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query<{ id: string; name: string }>(
      "SELECT o.id, o.name FROM tokens t JOIN orgs o ON o.id = t.org_id WHERE t.hash = $1",
      [tokenHash(token)],
    );
    return rows[0] ?? null;
  }
}
