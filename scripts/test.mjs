// The whole test suite, as README and .ci/run run it: typecheck, lint (biome: format and lint; knip:
// unused files, exports and dependencies), then vitest. The API's tests run their repository and
// queue tests against a real PostgreSQL too: a throw-away cluster is started here (unless
// DESKROTA_TEST_DATABASE_URL names one) and removed afterwards, whatever happens; the page's browser
// tests need Debian's Chromium, installed here when it is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startPostgres } from "./postgres.mjs";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/**
 * The page's browser tests drive Debian's Chromium (a browser downloaded by a test tool cannot be
 * fetched here). CI runs as root on a fresh machine: install it there; elsewhere say how.
 */
function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return 0;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      "/usr/bin/chromium is missing, so the page's browser tests will fail: apt-get install -y chromium (as root)\n",
    );
    return 0;
  }
  return run("sh", ["-c", "apt-get update && apt-get install -y chromium"], { DEBIAN_FRONTEND: "noninteractive" });
}

let status = run("pnpm", ["typecheck"]);
if (status === 0) status = run("pnpm", ["lint"]);
if (status === 0) status = ensureChromium();
if (status === 0) {
  const cluster = process.env.DESKROTA_TEST_DATABASE_URL ? undefined : await startPostgres();
  const stop = () => cluster?.stop();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    status = run(
      "pnpm",
      ["exec", "vitest", "run", ...process.argv.slice(2)],
      cluster ? { DESKROTA_TEST_DATABASE_URL: cluster.url } : {},
    );
  } finally {
    stop();
  }
}
process.exit(status);
