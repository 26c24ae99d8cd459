import type { Issue, Problem, Rota } from "@deskrota/core";
import type { Database, Sql } from "./db/database";
import { newId, newToken, tokenHash } from "./ids";

export type RotaStatus = "queued" | "solving" | "done" | "failed";

/** How a rota is to be solved, fixed when it is created. */
export interface SolveSettings {
  timeLimitMs: number;
  seed?: number;
  workBudget?: number;
  /** the request that created the rota, so the job's log lines can be traced back to it */
  requestId?: string;
}

export interface Progress {
  /** since the solve started */
  elapsedMs: number;
  /** the best score so far; null until the first rota exists */
  objective: number | null;
  bestBound: number | null;
  gap: number | null;
}

export interface RotaRecord {
  id: string;
  orgId: string;
  name: string | null;
  /** the rota this one is an alternative to */
  alternativeOf: string | null;
  /** the weight profile it was solved with (see core PROFILES) */
  profile: string | null;
  status: RotaStatus;
  reason: string | null;
  issues: Issue[] | null;
  progress: Progress | null;
  settings: SolveSettings;
  stopRequested: boolean;
  attempts: number;
  /** the claim of the worker that last took the job ("worker-1234/…") */
  solvedBy: string | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  latestVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRecord {
  rotaId: string;
  version: number;
  kind: "solve" | "change";
  problem: Problem;
  rota: Rota;
  change: unknown;
  baseVersion: number | null;
  diff: unknown;
  minimal: boolean | null;
  minimalReason: string | null;
  createdAt: string;
}

export type VersionSummary = Omit<VersionRecord, "problem" | "rota">;

/** What a job needs to run, handed over when it is claimed. */
export interface ClaimedJob {
  rotaId: string;
  orgId: string;
  problem: Problem;
  settings: SolveSettings;
  stopRequested: boolean;
  attempts: number;
}

export interface NewVersion {
  problem: Problem;
  rota: Rota;
  change: unknown;
  baseVersion: number;
  diff: unknown;
  minimal: boolean;
  minimalReason: string;
}

/** A rota solved elsewhere (an alternative), stored done with its version 1. */
export interface SolvedRota {
  name: string;
  profile: string;
  problem: Problem;
  settings: SolveSettings;
  rota: Rota;
}

const ROTA_COLUMNS =
  `r.id, r.org_id, r.name, r.alternative_of, r.profile, r.status, r.reason, r.issues, r.progress, ` +
  `r.options, r.stop_requested, r.attempts,
  r.solved_by, r.published_version, r.published_at, r.created_at, r.updated_at,
  (SELECT max(v.version) FROM rota_versions v WHERE v.rota_id = r.id) AS latest_version`;

interface RotaRow {
  id: string;
  org_id: string;
  name: string | null;
  alternative_of: string | null;
  profile: string | null;
  status: RotaStatus;
  reason: string | null;
  issues: Issue[] | null;
  progress: Progress | null;
  options: SolveSettings;
  stop_requested: boolean;
  attempts: number;
  solved_by: string | null;
  published_version: number | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  latest_version: number | null;
}

interface VersionRow {
  rota_id: string;
  version: number;
  kind: "solve" | "change";
  problem?: Problem;
  rota?: Rota;
  change: unknown;
  base_version: number | null;
  diff: unknown;
  minimal: boolean | null;
  minimal_reason: string | null;
  created_at: Date;
}

// Rows come from tables only this module writes, through the zod-checked HTTP and job boundaries:
// they are mapped, not re-validated (re-parsing a problem on every read would cost more than the query).
function rotaOf(row: RotaRow): RotaRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    alternativeOf: row.alternative_of,
    profile: row.profile,
    status: row.status,
    reason: row.reason,
    issues: row.issues,
    progress: row.progress,
    settings: row.options,
    stopRequested: row.stop_requested,
    attempts: row.attempts,
    solvedBy: row.solved_by,
    publishedVersion: row.published_version,
    publishedAt: row.published_at?.toISOString() ?? null,
    latestVersion: row.latest_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function summaryOf(row: VersionRow): VersionSummary {
  return {
    rotaId: row.rota_id,
    version: row.version,
    kind: row.kind,
    change: row.change,
    baseVersion: row.base_version,
    diff: row.diff,
    minimal: row.minimal,
    minimalReason: row.minimal_reason,
    createdAt: row.created_at.toISOString(),
  };
}

/** Any fixed number, distinct from the migration lock. */
const FIRST_ORG_LOCK = 7_302_146;

async function insertOrg(tx: Sql, name: string): Promise<{ org: { id: string; name: string }; token: string }> {
  const id = newId("org");
  const token = newToken();
  await tx.query("INSERT INTO orgs (id, name) VALUES ($1, $2)", [id, name]);
  await tx.query("INSERT INTO tokens (hash, org_id) VALUES ($1, $2)", [tokenHash(token), id]);
  return { org: { id, name }, token };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Every read and write of the store. HTTP-facing methods take the caller's organisation and never
 * see another's rows (an id from elsewhere is simply not found); job-facing methods take a rota id
 * and a claim, so that only the worker currently holding a job can write its outcome.
 */
export class Repository {
  constructor(readonly db: Database) {}

  async ping(): Promise<void> {
    await this.db.query("SELECT 1");
  }

  // Organisations and tokens

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

  // Rotas, as an organisation sees them

  /**
   * Stores a new rota as queued. `enqueue` runs inside the same transaction, so a queue kept in
   * the database (pg-boss) has the job exactly when the rota exists.
   */
  async createRota(
    orgId: string,
    input: { name?: string | undefined; profile?: string | undefined; problem: Problem; settings: SolveSettings },
    enqueue?: (tx: Sql, rotaId: string) => Promise<void>,
  ): Promise<RotaRecord> {
    const id = newId("rota");
    return this.db.transaction(async (tx) => {
      await tx.query(
        "INSERT INTO rotas (id, org_id, name, profile, problem, options, status) VALUES ($1, $2, $3, $4, $5::jsonb, " +
          "$6::jsonb, 'queued')",
        [id, orgId, input.name ?? null, input.profile ?? null, json(input.problem), json(input.settings)],
      );
      await enqueue?.(tx, id);
      return (await this.rotaIn(tx, orgId, id)) as RotaRecord;
    });
  }

  /** Stores alternatives to `parentId` as finished rotas, all or none. */
  async createAlternatives(orgId: string, parentId: string, rotas: SolvedRota[]): Promise<RotaRecord[]> {
    return this.db.transaction(async (tx) => {
      const created: RotaRecord[] = [];
      for (const r of rotas) {
        const id = newId("rota");
        await tx.query(
          `INSERT INTO rotas (id, org_id, name, alternative_of, profile, problem, options, status) VALUES ($1, $2, ` +
            `$3, $4, $5, $6::jsonb, $7::jsonb, 'done')`,
          [id, orgId, r.name, parentId, r.profile, json(r.problem), json(r.settings)],
        );
        await tx.query(
          "INSERT INTO rota_versions (rota_id, version, kind, problem, rota) VALUES ($1, 1, 'solve', $2::jsonb, " +
            "$3::jsonb)",
          [id, json(r.problem), json(r.rota)],
        );
        created.push((await this.rotaIn(tx, orgId, id)) as RotaRecord);
      }
      return created;
    });
  }

  findRota(orgId: string, id: string): Promise<RotaRecord | null> {
    return this.rotaIn(this.db, orgId, id);
  }

  async listRotas(orgId: string, limit: number): Promise<RotaRecord[]> {
    const rows = await this.db.query<RotaRow>(
      `SELECT ${ROTA_COLUMNS} FROM rotas r WHERE r.org_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`,
      [orgId, limit],
    );
    return rows.map(rotaOf);
  }

  /** The problem a rota was created with (later versions carry their own). */
  async problemOf(orgId: string, id: string): Promise<Problem | null> {
    const rows = await this.db.query<{ problem: Problem }>("SELECT problem FROM rotas WHERE id = $1 AND org_id = $2", [
      id,
      orgId,
    ]);
    return rows[0]?.problem ?? null;
  }

  /**
   * Asks for a solve to stop. A queued rota fails at once (there is nothing to keep); a solving
   * one is stopped by its worker, which keeps the best rota found so far.
   */
  async requestStop(orgId: string, id: string): Promise<RotaRecord | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE rotas SET stop_requested = true, updated_at = now(),
           status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END,
           reason = CASE WHEN status = 'queued' THEN 'stopped before the solve started' ELSE reason END
         WHERE id = $1 AND org_id = $2 AND status IN ('queued', 'solving')`,
        [id, orgId],
      );
      return this.rotaIn(tx, orgId, id);
    });
  }

  /** Marks a version as the one people were told about; null when the rota or version is unknown. */
  async publish(orgId: string, id: string, version: number): Promise<RotaRecord | null> {
    return this.db.transaction(async (tx) => {
      const updated = await tx.query(
        `UPDATE rotas SET published_version = $3, published_at = now(), updated_at = now()
         WHERE id = $1 AND org_id = $2 AND EXISTS (SELECT 1 FROM rota_versions WHERE rota_id = $1 AND version = $3)
         RETURNING id`,
        [id, orgId, version],
      );
      return updated.length ? this.rotaIn(tx, orgId, id) : null;
    });
  }

  async findVersion(orgId: string, id: string, version: number): Promise<VersionRecord | null> {
    const rows = await this.db.query<VersionRow>(
      `SELECT v.* FROM rota_versions v JOIN rotas r ON r.id = v.rota_id WHERE v.rota_id = $1 AND r.org_id = $2 AND ` +
        `v.version = $3`,
      [id, orgId, version],
    );
    const row = rows[0];
    return row ? { ...summaryOf(row), problem: row.problem as Problem, rota: row.rota as Rota } : null;
  }

  async listVersions(orgId: string, id: string): Promise<VersionSummary[]> {
    const rows = await this.db.query<VersionRow>(
      `SELECT v.rota_id, v.version, v.kind, v.change, v.base_version, v.diff, v.minimal, v.minimal_reason, v.created_at
       FROM rota_versions v JOIN rotas r ON r.id = v.rota_id WHERE v.rota_id = $1 AND r.org_id = $2 ORDER BY v.version`,
      [id, orgId],
    );
    return rows.map(summaryOf);
  }

  /**
   * Appends the next version after a change. The rota row is locked first, so two changes at the
   * same moment get consecutive numbers instead of one failing on the key. Returns null when
   * `expectedLatest` is no longer the latest version (the caller re-solved against stale data).
   */
  async addVersion(orgId: string, id: string, expectedLatest: number, next: NewVersion): Promise<VersionRecord | null> {
    return this.db.transaction(async (tx) => {
      const locked = await tx.query("SELECT id FROM rotas WHERE id = $1 AND org_id = $2 FOR UPDATE", [id, orgId]);
      if (!locked.length) return null;
      const [latest] = await tx.query<{ n: number | null }>(
        "SELECT max(version) AS n FROM rota_versions WHERE rota_id = $1",
        [id],
      );
      if ((latest?.n ?? 0) !== expectedLatest) return null;
      const rows = await tx.query<VersionRow>(
        `INSERT INTO rota_versions (rota_id, version, kind, problem, rota, change, base_version, diff, minimal, ` +
          `minimal_reason)
         VALUES ($1, $2, 'change', $3::jsonb, $4::jsonb, $5::jsonb, $6, $7::jsonb, $8, $9) RETURNING *`,
        [
          id,
          expectedLatest + 1,
          json(next.problem),
          json(next.rota),
          json(next.change),
          next.baseVersion,
          json(next.diff),
          next.minimal,
          next.minimalReason,
        ],
      );
      await tx.query("UPDATE rotas SET updated_at = now() WHERE id = $1", [id]);
      const row = rows[0] as VersionRow;
      return { ...summaryOf(row), problem: row.problem as Problem, rota: row.rota as Rota };
    });
  }

  // Jobs, as workers see them

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
  async recoverAfterRestart(reason: string): Promise<{ failed: string[]; queued: string[] }> {
    return this.db.transaction(async (tx) => {
      const failed = await tx.query<{ id: string }>(
        "UPDATE rotas SET status = 'failed', reason = $1, progress = NULL, updated_at = now() WHERE status = " +
          "'solving' RETURNING id",
        [reason],
      );
      const queued = await tx.query<{ id: string }>(
        "SELECT id FROM rotas WHERE status = 'queued' ORDER BY created_at, id",
      );
      return { failed: failed.map((r) => r.id), queued: queued.map((r) => r.id) };
    });
  }

  private async rotaIn(sql: Sql, orgId: string, id: string): Promise<RotaRecord | null> {
    const rows = await sql.query<RotaRow>(`SELECT ${ROTA_COLUMNS} FROM rotas r WHERE r.id = $1 AND r.org_id = $2`, [
      id,
      orgId,
    ]);
    return rows[0] ? rotaOf(rows[0]) : null;
  }
}
