import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { annSick, chainPublished, chainWeek } from "../../../packages/engine/test/support/chain-week";

// `deskrota resolve` says whether its repair is proven the fewest changes in the words the API
// answers with (`minimalWords`, one formatter in the core), whether the proof was asked for or not.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const deskrota = async (args: string[]) =>
  (
    await promisify(execFile)(process.execPath, ["scripts/launch.mjs", "services/cli/src/main.ts", ...args], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    })
  ).stdout;

test("the summary says proven minimal in the result's own words, asked or not", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-resolve-"));
  const files = ["problem", "rota", "change"].map((name) => join(dir, `${name}.json`));
  [chainWeek, chainPublished, annSick].forEach((value, i) => {
    writeFileSync(files[i] as string, JSON.stringify(value));
  });
  const args = [...files, "--now", "2026-11-22T12:00"];
  const result = JSON.parse(await deskrota(["resolve", ...args, "--json"]));
  expect(result.minimalWords).toMatch(
    /^proven minimal: 32 person-slots \(16 h\) changed: proven the fewest by the exact/,
  );
  expect(result.proof).toMatchObject({ proven: true, timeLimitSeconds: 2 });
  const [summary] = (await deskrota(["resolve", ...args, "--prove"])).split("\n");
  expect(summary).toBe(`Re-solved as of 2026-11-22T12:00: ${result.diff.changes} changes (${result.minimalWords})`);
});
