import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll } from "vitest";
import { openPglite } from "../../src/db/pglite";
import { migrate } from "../../src/db/migrate";

const MIGRATIONS = new URL("../../migrations/", import.meta.url);

/** Changes whenever a migration does, so a stale template is never reused. */
function templateKey(): string {
  const hash = createHash("sha256");
  for (const f of readdirSync(MIGRATIONS).sort()) hash.update(f).update(readFileSync(new URL(f, MIGRATIONS)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A migrated PGlite data directory, made once per machine and migration set: creating one costs
 * seconds and ~800 MB, copying it a fraction of a second. Test files start in parallel processes,
 * so the first takes a lock (a directory: mkdir is atomic) and the others wait for it.
 */
async function template(): Promise<string> {
  const final = join(tmpdir(), `deskrota-pglite-template-${templateKey()}`);
  const lock = `${final}.lock`;
  while (!existsSync(join(final, "PG_VERSION"))) {
    try {
      mkdirSync(lock);
    } catch {
      // Held by another process; a lock older than a minute belongs to one that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(100);
      continue;
    }
    try {
      if (!existsSync(join(final, "PG_VERSION"))) {
        const building = `${final}.building-${process.pid}`;
        const db = await openPglite(building);
        await migrate(db);
        await db.close();
        renameSync(building, final);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return final;
}

const made: string[] = [];
// Registered on the suite of the test file that imports this module: its stores (~40 MB each) go
// when its last test has run.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh embedded store of our schema, in its own temporary directory, removed after the test file. */
export async function freshDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-test-"));
  made.push(dir);
  cpSync(await template(), dir, { recursive: true });
  return dir;
}
