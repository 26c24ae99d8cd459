import type { Database, Sql } from "../db/database";
import { newId } from "../ids";

export type PlanStatus = "solving" | "done" | "stopped" | "failed";

/** How every week of a plan is solved, fixed when the plan is made. */
export interface PlanOptions {
  timeLimitMs: number;
  seed?: number;
  workBudget?: number;
  /** the setup revision the plan's weeks are first solved from (re-solving a week takes the newest) */
  setupRevision: number;
  name?: string;
}

export interface PlanWeek {
  index: number;
  weekStart: string;
  /** the plan's rota for the week (the newest re-solve); null until its solve is submitted */
  rotaId: string | null;
}

export interface PlanRecord {
  id: string;
  orgId: string;
  from: string;
  weeks: PlanWeek[];
  options: PlanOptions;
  status: PlanStatus;
  reason: string | null;
  stopRequested: boolean;
  createdAt: string;
  updatedAt: string;
}

interface PlanRow {
  id: string;
  org_id: string;
  from_week: string;
  options: PlanOptions;
  status: PlanStatus;
  reason: string | null;
  stop_requested: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Term plans and the rota each of their weeks has. */
export class PlanStore {
  constructor(private readonly db: Database) {}

  /** Stores a new plan with its weeks; `more` runs in the same transaction (its known absences). */
  async create(
    orgId: string,
    input: { weekStarts: string[]; options: PlanOptions },
    more?: (tx: Sql, planId: string) => Promise<void>,
  ): Promise<PlanRecord> {
    const id = newId("plan");
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO plans (id, org_id, from_week, weeks, options, status)
         VALUES ($1, $2, $3, $4, $5::jsonb, 'solving')`,
        [id, orgId, input.weekStarts[0], input.weekStarts.length, JSON.stringify(input.options)],
      );
      for (const [index, weekStart] of input.weekStarts.entries())
        await tx.query("INSERT INTO plan_weeks (plan_id, week_index, week_start) VALUES ($1, $2, $3)", [
          id,
          index,
          weekStart,
        ]);
      await more?.(tx, id);
      return (await this.planIn(tx, orgId, id)) as PlanRecord;
    });
  }

  find(orgId: string, id: string): Promise<PlanRecord | null> {
    return this.planIn(this.db, orgId, id);
  }

  async list(orgId: string, limit: number): Promise<PlanRecord[]> {
    const rows = await this.db.query<{ id: string }>(
      "SELECT id FROM plans WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT $2",
      [orgId, limit],
    );
    const plans = await Promise.all(rows.map((r) => this.planIn(this.db, orgId, r.id)));
    return plans.filter((p): p is PlanRecord => p !== null);
  }

  /** Plans still solving (after a restart, they are taken up again), with their organisation. */
  async unfinished(): Promise<{ id: string; orgId: string }[]> {
    const rows = await this.db.query<{ id: string; org_id: string }>(
      "SELECT id, org_id FROM plans WHERE status = 'solving' ORDER BY created_at, id",
    );
    return rows.map((r) => ({ id: r.id, orgId: r.org_id }));
  }

  /**
   * Takes or renews the lease on driving a solving plan for `driver`: false while another driver's
   * lease is younger than `leaseSeconds` (or the plan has ended).
   */
  async drive(planId: string, driver: string, leaseSeconds: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE plans SET driver = $2, driven_at = now()
       WHERE id = $1 AND status = 'solving'
         AND (driver IS NULL OR driver = $2 OR driven_at <= now() - make_interval(secs => $3::double precision))
       RETURNING id`,
      [planId, driver, leaseSeconds],
    );
    return rows.length > 0;
  }

  /** Gives up `driver`'s leases (a graceful stop): the next process to start takes the plans at once. */
  async release(driver: string): Promise<void> {
    await this.db.query("UPDATE plans SET driver = NULL, driven_at = NULL WHERE driver = $1", [driver]);
  }

  async setWeekRota(planId: string, index: number, rotaId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query("UPDATE plan_weeks SET rota_id = $3 WHERE plan_id = $1 AND week_index = $2", [
        planId,
        index,
        rotaId,
      ]);
      await tx.query("UPDATE plans SET updated_at = now() WHERE id = $1", [planId]);
    });
  }

  /** Ends a plan that is still solving; false when it had already ended. */
  async finish(planId: string, status: Exclude<PlanStatus, "solving">, reason: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE plans SET status = $2, reason = $3, updated_at = now() WHERE id = $1 AND status = 'solving' RETURNING id`,
      [planId, status, reason],
    );
    return rows.length > 0;
  }

  async requestStop(orgId: string, id: string): Promise<PlanRecord | null> {
    await this.db.query(
      "UPDATE plans SET stop_requested = true, updated_at = now() WHERE id = $1 AND org_id = $2 AND status = 'solving'",
      [id, orgId],
    );
    return this.find(orgId, id);
  }

  private async planIn(sql: Sql, orgId: string, id: string): Promise<PlanRecord | null> {
    const [row] = await sql.query<PlanRow>(
      `SELECT id, org_id, from_week::text AS from_week, options, status, reason, stop_requested, created_at, updated_at
       FROM plans WHERE id = $1 AND org_id = $2`,
      [id, orgId],
    );
    if (!row) return null;
    const weeks = await sql.query<{ week_index: number; week_start: string; rota_id: string | null }>(
      `SELECT week_index, week_start::text AS week_start, rota_id
       FROM plan_weeks WHERE plan_id = $1 ORDER BY week_index`,
      [id],
    );
    return {
      id: row.id,
      orgId: row.org_id,
      from: row.from_week,
      weeks: weeks.map((w) => ({ index: w.week_index, weekStart: w.week_start, rotaId: w.rota_id })),
      options: row.options,
      status: row.status,
      reason: row.reason,
      stopRequested: row.stop_requested,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
