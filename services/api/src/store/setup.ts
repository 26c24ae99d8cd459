import { type Setup, setupChangeWords } from "@deskrota/core";
import type { Database, Sql } from "../db/database";
import { isUnchanged, type SetupChanges } from "../setup/changes";

export type RevisionKind = "put" | "person" | "site" | "import" | "training" | "restore";

export interface RevisionSummary {
  revision: number;
  kind: RevisionKind;
  changes: SetupChanges;
  note: string | null;
  /** the organisation whose token made the change */
  author: string;
  createdAt: string;
}

export interface SetupRevision extends RevisionSummary {
  setup: Setup;
}

/** A new revision, as a change to the current one works it out. */
export interface NextRevision {
  setup: Setup;
  kind: RevisionKind;
  changes: SetupChanges;
  note?: string | undefined;
}

interface RevisionRow {
  revision: number;
  setup?: Setup;
  kind: RevisionKind;
  changes: SetupChanges;
  note: string | null;
  author: string;
  created_at: Date;
}

const SUMMARY_COLUMNS = "revision, kind, changes, note, author, created_at";

function summaryOf(row: RevisionRow): RevisionSummary {
  return {
    revision: row.revision,
    kind: row.kind,
    changes: row.changes,
    note: row.note,
    author: row.author,
    createdAt: row.created_at.toISOString(),
  };
}

const revisionOf = (row: RevisionRow): SetupRevision => ({ ...summaryOf(row), setup: row.setup as Setup });

/**
 * The setup's revisions, per organisation. Revisions are only ever appended (the table refuses
 * updates and deletes); a write works out the next revision from the current one while holding the
 * organisation's row, so two writes at once are applied one after the other, never lost.
 */
export class SetupStore {
  constructor(private readonly db: Database) {}

  latest(orgId: string): Promise<SetupRevision | null> {
    return this.latestIn(this.db, orgId);
  }

  async revision(orgId: string, revision: number): Promise<SetupRevision | null> {
    const rows = await this.db.query<RevisionRow>("SELECT * FROM setup_revisions WHERE org_id = $1 AND revision = $2", [
      orgId,
      revision,
    ]);
    const [row] = await this.worded(this.db, orgId, rows);
    return row ? revisionOf(row) : null;
  }

  async list(orgId: string): Promise<RevisionSummary[]> {
    const rows = await this.db.query<RevisionRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM setup_revisions WHERE org_id = $1 ORDER BY revision DESC`,
      [orgId],
    );
    return (await this.worded(this.db, orgId, rows)).map(summaryOf);
  }

  /**
   * Appends the revision `next` makes of the current one (null: there is none yet). `next` may
   * throw (an invalid result, an unknown id): then nothing is written. A write that changes nothing
   * makes no revision (exporting and importing a sheet unchanged changes nothing): `created` says.
   * Inside `sql`'s transaction when given (with other writes that stand or fall with it).
   */
  async write(
    orgId: string,
    author: string,
    next: (current: SetupRevision | null) => NextRevision,
    sql?: Sql,
  ): Promise<{ revision: SetupRevision; created: boolean }> {
    const append = async (tx: Sql) => {
      await tx.query("SELECT id FROM orgs WHERE id = $1 FOR UPDATE", [orgId]);
      const current = await this.latestIn(tx, orgId);
      const made = next(current);
      if (current && isUnchanged(made.changes)) return { revision: current, created: false };
      const rows = await tx.query<RevisionRow>(
        `INSERT INTO setup_revisions (org_id, revision, setup, kind, changes, note, author)
         VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7) RETURNING *`,
        [
          orgId,
          (current?.revision ?? 0) + 1,
          JSON.stringify(made.setup),
          made.kind,
          JSON.stringify(made.changes),
          made.note ?? null,
          author,
        ],
      );
      return { revision: revisionOf(rows[0] as RevisionRow), created: true };
    };
    return sql ? append(sql) : this.db.transaction(append);
  }

  private async latestIn(sql: Sql, orgId: string): Promise<SetupRevision | null> {
    const rows = await sql.query<RevisionRow>(
      "SELECT * FROM setup_revisions WHERE org_id = $1 ORDER BY revision DESC LIMIT 1",
      [orgId],
    );
    const [row] = await this.worded(sql, orgId, rows);
    return row ? revisionOf(row) : null;
  }

  /** Revisions stored before their changes carried words get them from their setup and the one before. */
  private async worded(sql: Sql, orgId: string, rows: RevisionRow[]): Promise<RevisionRow[]> {
    const bare = rows.filter((row) => !Array.isArray(row.changes.words));
    if (!bare.length) return rows;
    const wanted = bare.flatMap((row) => [row.revision, row.revision - 1]);
    const setups = new Map(
      (
        await sql.query<{ revision: number; setup: Setup }>(
          "SELECT revision, setup FROM setup_revisions WHERE org_id = $1 AND revision = ANY($2::int[])",
          [orgId, wanted],
        )
      ).map((r) => [r.revision, r.setup]),
    );
    return rows.map((row) => {
      const after = setups.get(row.revision);
      if (Array.isArray(row.changes.words) || !after) return row;
      return {
        ...row,
        changes: { ...row.changes, words: setupChangeWords(setups.get(row.revision - 1) ?? null, after) },
      };
    });
  }
}
