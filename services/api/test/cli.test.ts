import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { openStore } from "../src/services";
import { freshDataDir } from "./support/pglite";

// `pnpm deskrota org create NAME` and the worker's refusal without PostgreSQL, as a terminal user
// sees them (run the way `pnpm deskrota` runs it: scripts/launch.mjs).

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

async function deskrota(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["scripts/launch.mjs", "services/cli/src/main.ts", ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test("org create prints a token that belongs to the new organisation", async () => {
  const dataDir = await freshDataDir();
  const res = await deskrota(["org", "create", "Science", "Library"], { DESKROTA_DATA_DIR: dataDir });
  expect(res.code, res.stderr).toBe(0);
  const token = /token \(shown once, keep it\): (\S+)/.exec(res.stdout)?.[1] as string;
  const store = await openStore({ databaseUrl: undefined, dataDir });
  try {
    const found = await store.orgs.authenticate(token);
    expect("orgId" in found && (await store.orgs.findOrg(found.orgId))).toMatchObject({ name: "Science Library" });
  } finally {
    await store.db.close();
  }
});

test("org create says plainly when the embedded store is in use, and how to go on", async () => {
  const dataDir = await freshDataDir();
  const store = await openStore({ databaseUrl: undefined, dataDir });
  try {
    const res = await deskrota(["org", "create", "Busy"], { DESKROTA_DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`is in use by process ${process.pid}: stop the server first, or use DATABASE_URL`);
  } finally {
    await store.db.close();
  }
});

test("usage errors exit 2 with a message, not a stack", async () => {
  const missing = await deskrota(["org", "create"], {});
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("usage: deskrota org create NAME");
  const worker = await deskrota(["worker"], { DATABASE_URL: "" });
  expect(worker.code).toBe(2);
  expect(worker.stderr).toContain("a worker needs DATABASE_URL");
  const config = await deskrota(["worker"], { DATABASE_URL: "mysql://x", DESKROTA_SOLVERS: "many" });
  expect(config.code).toBe(2);
  expect(config.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL[\s\S]*DESKROTA_SOLVERS/);
});

test("org tokens, rotate and revoke: an operator's way to list, replace and cut off a token", {
  timeout: 240_000,
}, async () => {
  const dataDir = await freshDataDir();
  const env = { DESKROTA_DATA_DIR: dataDir };
  const created = await deskrota(["org", "create", "Branch"], env);
  const orgId = /organisation (org_\w+)/.exec(created.stdout)?.[1] as string;
  const listed = await deskrota(["org", "tokens", orgId], env);
  expect(listed.code, listed.stderr).toBe(0);
  const tokenId = /(tok_\w+)/.exec(listed.stdout)?.[1] as string;
  expect(listed.stdout).toMatch(/tok_\w+\s+live/);

  const rotated = await deskrota(["org", "rotate", orgId, tokenId, "--expires-in-days", "30"], env);
  expect(rotated.code, rotated.stderr).toBe(0);
  const fresh = /token \(shown once, keep it\): (\S+)/.exec(rotated.stdout)?.[1] as string;
  const freshId = /token (tok_\w+)/.exec(rotated.stdout)?.[1] as string;
  const revoked = await deskrota(["org", "revoke", orgId, freshId], env);
  expect(revoked.code, revoked.stderr).toBe(0);

  const store = await openStore({ databaseUrl: undefined, dataDir });
  try {
    expect(await store.orgs.authenticate(fresh)).toEqual({ refused: "revoked" });
    const tokens = await store.orgs.listTokens(orgId);
    expect(tokens.map((t) => [t.id, t.revokedAt !== null])).toEqual(
      expect.arrayContaining([
        [tokenId, true],
        [freshId, true],
      ]),
    );
  } finally {
    await store.db.close();
  }
});
