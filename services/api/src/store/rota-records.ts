import type { Issue, Problem, Rota } from "@deskrota/core";
import type { Sql } from "../db/database";

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
  /** how many times a version was published (a calendar feed's SEQUENCE) */
  publications: number;
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

export interface BacklogEntry {
  orgId: string;
  status: "queued" | "solving";
  timeLimitMs: number;
  /** how long a solving one has run (as last recorded) */
  elapsedMs: number;
}

/** A rota solved elsewhere (an alternative), stored done with its version 1. */
export interface SolvedRota {
  name: string;
  profile: string;
  problem: Problem;
  settings: SolveSettings;
  rota: Rota;
}

export const ROTA_COLUMNS =
  `r.id, r.org_id, r.name, r.alternative_of, r.profile, r.status, r.reason, r.issues, r.progress, ` +
  `r.options, r.stop_requested, r.attempts,
  r.solved_by, r.published_version, r.published_at, r.publications, r.created_at, r.updated_at,
  (SELECT max(v.version) FROM rota_versions v WHERE v.rota_id = r.id) AS latest_version`;

export interface RotaRow {
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
  publications: number;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  latest_version: number | null;
}

export interface VersionRow {
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
export function rotaOf(row: RotaRow): RotaRecord {
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
    publications: row.publications,
    latestVersion: row.latest_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function summaryOf(row: VersionRow): VersionSummary {
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

export const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** One rota of one organisation, read in `sql` (a transaction or the database). */
export async function rotaIn(sql: Sql, orgId: string, id: string): Promise<RotaRecord | null> {
  const rows = await sql.query<RotaRow>(`SELECT ${ROTA_COLUMNS} FROM rotas r WHERE r.id = $1 AND r.org_id = $2`, [
    id,
    orgId,
  ]);
  return rows[0] ? rotaOf(rows[0]) : null;
}
