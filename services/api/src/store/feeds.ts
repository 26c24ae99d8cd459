import type { Database } from "../db/database";
import { newId, newToken, tokenHash } from "../ids";

export interface FeedRecord {
  id: string;
  orgId: string;
  rotaId: string;
  person: string;
  createdAt: string;
  revokedAt: string | null;
}

interface FeedRow {
  id: string;
  org_id: string;
  rota_id: string;
  person: string;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = "id, org_id, rota_id, person, created_at, revoked_at";

const feedOf = (row: FeedRow): FeedRecord => ({
  id: row.id,
  orgId: row.org_id,
  rotaId: row.rota_id,
  person: row.person,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** People's calendar feeds: the secret in a feed's URL is its credential, so only its hash is kept. */
export class FeedStore {
  constructor(private readonly db: Database) {}

  /** A new feed for a person of the organisation's rota; the secret is returned this once. */
  async create(orgId: string, rotaId: string, person: string): Promise<{ record: FeedRecord; secret: string }> {
    // A bearer-token-sized secret, without the token prefix: it is a URL, not an Authorization header.
    const secret = newToken().replace(/^drt_/, "");
    const [row] = await this.db.query<FeedRow>(
      `INSERT INTO calendar_feeds (id, hash, org_id, rota_id, person) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [newId("feed"), tokenHash(secret), orgId, rotaId, person],
    );
    return { record: feedOf(row as FeedRow), secret };
  }

  async list(orgId: string, rotaId: string): Promise<FeedRecord[]> {
    const rows = await this.db.query<FeedRow>(
      `SELECT ${COLUMNS} FROM calendar_feeds WHERE org_id = $1 AND rota_id = $2 ORDER BY created_at, id`,
      [orgId, rotaId],
    );
    return rows.map(feedOf);
  }

  /** The live feed a secret opens; null for an unknown or revoked one (the caller cannot tell which). */
  async bySecret(secret: string): Promise<FeedRecord | null> {
    const [row] = await this.db.query<FeedRow>(
      `SELECT ${COLUMNS} FROM calendar_feeds WHERE hash = $1 AND revoked_at IS NULL`,
      [tokenHash(secret)],
    );
    return row ? feedOf(row) : null;
  }

  /** "revoked": it already was; null: no such feed of the organisation. */
  async revoke(orgId: string, id: string): Promise<FeedRecord | "revoked" | null> {
    return this.db.transaction(async (tx) => {
      const [found] = await tx.query<FeedRow>(
        `SELECT ${COLUMNS} FROM calendar_feeds WHERE org_id = $1 AND id = $2 FOR UPDATE`,
        [orgId, id],
      );
      if (!found) return null;
      if (found.revoked_at) return "revoked";
      const [row] = await tx.query<FeedRow>(
        `UPDATE calendar_feeds SET revoked_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      );
      return feedOf(row as FeedRow);
    });
  }
}
