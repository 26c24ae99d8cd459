import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

// Keeps 50 000 young objects alive while it allocates, so that V8 grows the young generation as far
// as it may, and reports the largest it reached (both semi-spaces, MB).
const CHURN = `
  const { getHeapSpaceStatistics } = require("node:v8");
  const keep = new Array(50000);
  let most = 0;
  for (let i = 0; i < 3000000; i++) {
    keep[i % 50000] = { i, list: [i] };
    if (i % 10000 !== 0) continue;
    const young = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    most = Math.max(most, young.space_size);
  }
  return Math.round(most / 1048576);
`;

// The same churn in the program's own thread and in a worker thread, as the CLI's main thread and
// the engine's threads.
const PROGRAM = `
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
const churn = ${JSON.stringify(CHURN)};
const main = new Function("require", churn)(createRequire(import.meta.url));
const worker = new Worker(
  \`require("node:worker_threads").parentPort.postMessage((function () { \${churn} })());\`,
  { eval: true },
);
const other = await new Promise((done) => worker.once("message", done));
console.log(JSON.stringify({ main, worker: other }));
`;

test("the start scripts' young-generation cap stays with the main thread; worker threads keep V8's", async () => {
  const entry = join(mkdtempSync(join(tmpdir(), "deskrota-launch-")), "young.ts");
  writeFileSync(entry, PROGRAM);
  const { stdout } = await promisify(execFile)(process.execPath, ["scripts/launch.mjs", entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "--max-semi-space-size=2" },
  });
  const sizes = JSON.parse(stdout) as { main: number; worker: number };
  // Two semi-spaces of at most 2 MB in the main thread; the worker's grew past that.
  expect(sizes.main).toBeLessThanOrEqual(4);
  expect(sizes.worker).toBeGreaterThan(4);
});
