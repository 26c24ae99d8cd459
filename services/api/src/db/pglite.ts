import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Sql } from "./database";
import { lockDataDir } from "./data-dir-lock";

/**
 * The embedded PostgreSQL (WebAssembly, one connection): `pnpm start` needs no server. One process
 * at a time may open a data directory — a second would corrupt it — so a pid file guards it.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const sql = (run: Pick<PGlite, "query" | "exec">): Sql => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await run.query<Row>(text, params)).rows;
    },
    async exec(text: string) {
      await run.exec(text);
    },
  });
  return {
    kind: "pglite",
    ...sql(db),
    // PGlite serialises transactions behind its own lock, so concurrent callers simply queue.
    transaction: (fn) => db.transaction((tx) => fn(sql(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
