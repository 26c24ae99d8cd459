import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database, Sql } from "./database";

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

function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, "deskrota.pid");
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8"));
    if (alive(holder)) throw new Error(`the data directory ${dataDir} is in use by process ${holder}`);
    // Left by a process that is gone (killed, crashed): take it over.
    rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
