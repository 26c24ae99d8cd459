import type { Issue, Problem, Rota } from "@deskrota/core";
import type { Database } from "../db/database";
import { type BacklogEntry, type ClaimedJob, json, type Progress, type SolveSettings } from "./rota-records";

/**
 * Solve jobs as workers see them: methods take a rota id and a claim, so that only the worker
 * currently holding a job can write its outcome.
 */
export class JobStore {
  constructor(private readonly db: Database) {}

  /**
   * Takes a queued job (or one whose previous worker died) for `claim`. Null when it has already
   * finished or failed — a queue may deliver a job twice, the store decides who runs it.
   */
  async claim(rotaId: string, claim: string): Promise<ClaimedJob | null> {
    const rows = await this.db.query<{
      org_id: string;
      problem: Problem;
      options: SolveSettings;
      stop_requested: boolean;
      attempts: number;
    }>(
      `UPDATE rotas SET status = 'solving', solved_by = $2, attempts = attempts + 1, progress = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'solving')
       RETURNING org_id, problem, options, stop_requested, attempts`,
      [rotaId, claim],
    );
    const row = rows[0];
    return row
      ? {
          rotaId,
          orgId: row.org_id,
          problem: row.problem,
          settings: row.options,
          stopRequested: row.stop_requested,
          attempts: row.attempts,
        }
      : null;
  }

  /** Records progress; says whether the job should stop (asked to, or taken over by another worker). */
  async recordProgress(rotaId: string, claim: string, progress: Progress): Promise<{ stop: boolean }> {
    const rows = await this.db.query<{ stop_requested: boolean }>(
      `UPDATE rotas SET progress = $3::jsonb, updated_at = now()
       WHERE id = $1 AND solved_by = $2 AND status = 'solving' RETURNING stop_requested`,
      [rotaId, claim, json(progress)],
    );
    return { stop: rows[0]?.stop_requested ?? true };
  }

  /** Stores the solved rota as version 1 and marks the job done, in one transaction. */
  async complete(rotaId: string, claim: string, problem: Problem, rota: Rota): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE rotas SET status = 'done', progress = NULL, reason = NULL, updated_at = now()
         WHERE id = $1 AND solved_by = $2 AND status = 'solving' RETURNING id`,
        [rotaId, claim],
      );
      if (!rows.length) return false;
      await tx.query(
        "INSERT INTO rota_versions (rota_id, version, kind, problem, rota) VALUES ($1, 1, 'solve', $2::jsonb, " +
          "$3::jsonb)",
        [rotaId, json(problem), json(rota)],
      );
      return true;
    });
  }

  /** Marks a job failed with a reason a coordinator can read (and the input issues, if any). */
  async fail(rotaId: string, claim: string | null, reason: string, issues?: Issue[]): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE rotas SET status = 'failed', reason = $3, issues = $4::jsonb, progress = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'solving') AND ($2::text IS NULL OR solved_by = $2) RETURNING id`,
      [rotaId, claim, reason, json(issues)],
    );
    return rows.length > 0;
  }

  /**
   * After a restart of the single process that owns every job (the embedded store): solves that
   * were running are failed — one of them may be what brought the process down, so it is not
   * blindly re-run — and the queued ones are returned to be queued again, oldest first.
   */
  async recoverAfterRestart(
    reason: string,
  ): Promise<{ failed: string[]; queued: Array<{ id: string; orgId: string; timeLimitMs: number }> }> {
    return this.db.transaction(async (tx) => {
      const failed = await tx.query<{ id: string }>(
        "UPDATE rotas SET status = 'failed', reason = $1, progress = NULL, updated_at = now() WHERE status = " +
          "'solving' RETURNING id",
        [reason],
      );
      const queued = await tx.query<{ id: string; org_id: string; options: SolveSettings }>(
        "SELECT id, org_id, options FROM rotas WHERE status = 'queued' ORDER BY created_at, id",
      );
      return {
        failed: failed.map((r) => r.id),
        queued: queued.map((r) => ({ id: r.id, orgId: r.org_id, timeLimitMs: r.options.timeLimitMs })),
      };
    });
  }

  /** The solves not yet finished, oldest first: what the queue holds and what it is running. */
  async backlog(): Promise<BacklogEntry[]> {
    const rows = await this.db.query<{
      org_id: string;
      status: "queued" | "solving";
      options: SolveSettings;
      progress: Progress | null;
    }>(
      "SELECT org_id, status, options, progress FROM rotas WHERE status IN ('queued', 'solving') " +
        "ORDER BY created_at, id",
    );
    return rows.map((r) => ({
      orgId: r.org_id,
      status: r.status,
      timeLimitMs: r.options.timeLimitMs,
      elapsedMs: r.progress?.elapsedMs ?? 0,
    }));
  }
}
