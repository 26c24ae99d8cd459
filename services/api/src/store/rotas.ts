import type { Problem, Rota } from "@deskrota/core";
import type { Database, Sql } from "../db/database";
import { newId } from "../ids";
import {
  json,
  type NewVersion,
  ROTA_COLUMNS,
  type RotaRecord,
  type RotaRow,
  rotaIn,
  rotaOf,
  type SolvedRota,
  type SolveSettings,
  summaryOf,
  type VersionRecord,
  type VersionRow,
  type VersionSummary,
} from "./rota-records";

/**
 * Rotas and their versions as an organisation sees them: every method takes the caller's
 * organisation and never sees another's rows (an id from elsewhere is simply not found).
 */
export class RotaStore {
  constructor(private readonly db: Database) {}

  async ping(): Promise<void> {
    await this.db.query("SELECT 1");
  }

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
      return (await rotaIn(tx, orgId, id)) as RotaRecord;
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
        created.push((await rotaIn(tx, orgId, id)) as RotaRecord);
      }
      return created;
    });
  }

  findRota(orgId: string, id: string): Promise<RotaRecord | null> {
    return rotaIn(this.db, orgId, id);
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
      return rotaIn(tx, orgId, id);
    });
  }

  /** Marks a version as the one people were told about; null when the rota or version is unknown. */
  async publish(orgId: string, id: string, version: number): Promise<RotaRecord | null> {
    return this.db.transaction(async (tx) => {
      const updated = await tx.query(
        `UPDATE rotas
         SET published_version = $3, published_at = now(), publications = publications + 1, updated_at = now()
         WHERE id = $1 AND org_id = $2 AND EXISTS (SELECT 1 FROM rota_versions WHERE rota_id = $1 AND version = $3)
         RETURNING id`,
        [id, orgId, version],
      );
      return updated.length ? rotaIn(tx, orgId, id) : null;
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
}
