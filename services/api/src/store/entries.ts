import type { DatedEntry } from "@deskrota/core";
import type { Database, Sql } from "../db/database";
import { newId } from "../ids";

export type EntryKind = "absence" | "availability";

/** An entry without its id, kind by kind (Omit over a union would keep only their common fields). */
export type EntryBody = DatedEntry extends infer E ? (E extends unknown ? Omit<E, "id"> : never) : never;

/** A dated entry to store: the days it touches (local dates) say which weeks it belongs to. */
export interface NewEntry {
  kind: EntryKind;
  person: string;
  firstDay: string;
  lastDay: string;
  /** the core's entry without its id: the store gives it one */
  entry: EntryBody;
}

export interface EntryRecord {
  id: string;
  kind: EntryKind;
  person: string;
  entry: DatedEntry;
  planId: string | null;
  createdBy: string;
  createdAt: string;
  removedBy: string | null;
  removedAt: string | null;
}

export interface EntryFilter {
  /** entries touching any day from `from` to `to` (local dates, inclusive) */
  from?: string | undefined;
  to?: string | undefined;
  person?: string | undefined;
  /** removed entries too (the record of an undo) */
  removed?: boolean | undefined;
}

interface EntryRow {
  id: string;
  kind: EntryKind;
  person: string;
  entry: DatedEntry;
  plan_id: string | null;
  created_by: string;
  created_at: Date;
  removed_by: string | null;
  removed_at: Date | null;
}

const recordOf = (row: EntryRow): EntryRecord => ({
  id: row.id,
  kind: row.kind,
  person: row.person,
  entry: row.entry,
  planId: row.plan_id,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  removedBy: row.removed_by,
  removedAt: row.removed_at?.toISOString() ?? null,
});

/** Absences and availability exceptions. Never deleted: removing one marks it removed. */
export class EntryStore {
  constructor(private readonly db: Database) {}

  /** Stores the entries, all or none (inside `sql`'s transaction when given). */
  async add(
    orgId: string,
    author: string,
    entries: readonly NewEntry[],
    options: { planId?: string; sql?: Sql } = {},
  ): Promise<EntryRecord[]> {
    const insert = async (tx: Sql) => {
      const stored: EntryRecord[] = [];
      for (const e of entries) {
        const id = newId("entry");
        const rows = await tx.query<EntryRow>(
          `INSERT INTO setup_entries (id, org_id, kind, person, first_day, last_day, entry, plan_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING *`,
          [
            id,
            orgId,
            e.kind,
            e.person,
            e.firstDay,
            e.lastDay,
            JSON.stringify({ id, ...e.entry }),
            options.planId ?? null,
            author,
          ],
        );
        stored.push(recordOf(rows[0] as EntryRow));
      }
      return stored;
    };
    return options.sql ? insert(options.sql) : this.db.transaction(insert);
  }

  async find(orgId: string, id: string): Promise<EntryRecord | null> {
    const rows = await this.db.query<EntryRow>("SELECT * FROM setup_entries WHERE org_id = $1 AND id = $2", [
      orgId,
      id,
    ]);
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async list(orgId: string, filter: EntryFilter = {}): Promise<EntryRecord[]> {
    const rows = await this.db.query<EntryRow>(
      `SELECT * FROM setup_entries
       WHERE org_id = $1
         AND ($2::date IS NULL OR last_day >= $2::date)
         AND ($3::date IS NULL OR first_day <= $3::date)
         AND ($4::text IS NULL OR person = $4)
         AND ($5::boolean OR removed_at IS NULL)
       ORDER BY first_day, created_at, id`,
      [orgId, filter.from ?? null, filter.to ?? null, filter.person ?? null, filter.removed ?? false],
    );
    return rows.map(recordOf);
  }

  /** Marks an entry removed; null when there is no such entry, unchanged when it already was. */
  async remove(orgId: string, id: string, author: string): Promise<EntryRecord | null> {
    const rows = await this.db.query<EntryRow>(
      `UPDATE setup_entries SET removed_at = coalesce(removed_at, now()), removed_by = coalesce(removed_by, $3)
       WHERE org_id = $1 AND id = $2 RETURNING *`,
      [orgId, id, author],
    );
    return rows[0] ? recordOf(rows[0]) : null;
  }
}
