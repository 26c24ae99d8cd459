import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DataDirInUseError, lockDataDir } from "../src/db/data-dir-lock";
import { freshDataDir } from "./support/pglite";
import { startServer } from "./support/server";

test("a pid file with our own pid, left by an earlier life of this pid (a container's pid 1), is taken over", () => {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-lock-"));
  writeFileSync(join(dir, "deskrota.pid"), String(process.pid));
  const release = lockDataDir(dir);
  expect(readFileSync(join(dir, "deskrota.pid"), "utf8")).toBe(String(process.pid));
  // While this process holds it, opening it again is refused, as it would be for any other process.
  expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  release();
  expect(existsSync(join(dir, "deskrota.pid"))).toBe(false);
});

test("the pid file goes when start-up fails (the port is in use)", { timeout: 60_000 }, async () => {
  const running = await startServer({ DESKROTA_DATA_DIR: await freshDataDir() }, true);
  try {
    const dataDir = await freshDataDir();
    const second = await startServer({ DESKROTA_DATA_DIR: dataDir, PORT: new URL(running.url).port }, true).catch(
      (error: Error) => error,
    );
    expect(second).toBeInstanceOf(Error);
    expect(existsSync(join(dataDir, "deskrota.pid"))).toBe(false);
  } finally {
    running.child.kill("SIGTERM");
    await running.exited;
  }
});
