import { readdirSync, readFileSync } from "node:fs";
import type { Database } from "./database";

const MIGRATIONS = new URL("../../migrations/", import.meta.url);

/** Any fixed number: the advisory lock every process takes while migrating. */
const MIGRATION_LOCK = 7_302_145;

/**
 * Applies the numbered files in migrations/ that this database has not seen, each in its own
 * transaction. Several API and worker processes may start at once against one PostgreSQL: the
 * advisory lock makes the second wait, then find nothing left to do.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT " +
      "now())",
  );
  const applied: string[] = [];
  for (const name of files) {
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const done = await tx.query("SELECT 1 FROM schema_migrations WHERE name = $1", [name]);
      if (done.length > 0) return;
      await tx.exec(readFileSync(new URL(name, MIGRATIONS), "utf8"));
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
      applied.push(name);
    });
  }
  return applied;
}
