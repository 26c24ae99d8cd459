import type { Carry } from "@deskrota/core";
import type { Database, Sql } from "../db/database";

/** What a week's rota was built from, beside the problem the rota stores itself. */
export interface WeekLink {
  weekStart: string;
  setupRevision: number;
  /** the carry-over the week's problem was built with */
  carry: Carry;
  planId?: string | undefined;
}

export interface WeekRotaRecord extends Required<Omit<WeekLink, "planId">> {
  rotaId: string;
  planId: string | null;
  createdAt: string;
}

/** The published rota of an earlier week: the facts its carry-over comes from. */
export interface PublishedWeek {
  weekStart: string;
  rotaId: string;
  version: number;
  /** the setup revision the week was built from (its contracts and training policy) */
  setupRevision: number;
}

interface WeekRow {
  rota_id: string;
  week_start: string;
  setup_revision: number;
  carry: Carry;
  plan_id: string | null;
  created_at: Date;
}

const recordOf = (row: WeekRow): WeekRotaRecord => ({
  rotaId: row.rota_id,
  weekStart: row.week_start,
  setupRevision: row.setup_revision,
  carry: row.carry,
  planId: row.plan_id,
  createdAt: row.created_at.toISOString(),
});

// Dates come back as text: a `date` read into a JavaScript Date would shift with the server's zone.
const COLUMNS = "rota_id, week_start::text AS week_start, setup_revision, carry, plan_id, created_at";

/** Which rotas were built from the setup for which week. */
export class WeekStore {
  constructor(private readonly db: Database) {}

  async link(orgId: string, rotaId: string, week: WeekLink, sql: Sql = this.db): Promise<void> {
    await sql.query(
      `INSERT INTO week_rotas (rota_id, org_id, week_start, setup_revision, carry, plan_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [rotaId, orgId, week.weekStart, week.setupRevision, JSON.stringify(week.carry), week.planId ?? null],
    );
  }

  async ofRota(orgId: string, rotaId: string): Promise<WeekRotaRecord | null> {
    const rows = await this.db.query<WeekRow>(`SELECT ${COLUMNS} FROM week_rotas WHERE org_id = $1 AND rota_id = $2`, [
      orgId,
      rotaId,
    ]);
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async ofWeek(orgId: string, weekStart: string): Promise<WeekRotaRecord[]> {
    const rows = await this.db.query<WeekRow>(
      `SELECT ${COLUMNS} FROM week_rotas WHERE org_id = $1 AND week_start = $2 ORDER BY created_at, rota_id`,
      [orgId, weekStart],
    );
    return rows.map(recordOf);
  }

  /**
   * For every week before `weekStart` that has a published rota built from the setup (or an
   * alternative to one), the one published last, oldest week first.
   */
  async publishedBefore(orgId: string, weekStart: string): Promise<PublishedWeek[]> {
    const rows = await this.db.query<{
      week_start: string;
      id: string;
      published_version: number;
      setup_revision: number;
    }>(
      `SELECT DISTINCT ON (w.week_start) w.week_start::text AS week_start, r.id, r.published_version, w.setup_revision
       FROM week_rotas w JOIN rotas r ON r.id = w.rota_id OR r.alternative_of = w.rota_id
       WHERE w.org_id = $1 AND r.org_id = $1 AND w.week_start < $2 AND r.published_version IS NOT NULL
       ORDER BY w.week_start, r.published_at DESC, r.id`,
      [orgId, weekStart],
    );
    return rows.map((r) => ({
      weekStart: r.week_start,
      rotaId: r.id,
      version: r.published_version,
      setupRevision: r.setup_revision,
    }));
  }
}
