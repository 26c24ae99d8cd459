// The whole test suite, as README and .ci/run run it: typecheck, then vitest. The API's tests run
// their repository and queue tests against a real PostgreSQL too: a throw-away cluster is started
// here (unless DESKROTA_TEST_DATABASE_URL names one) and removed afterwards, whatever happens.
import { spawnSync } from "node:child_process";
import { startPostgres } from "./postgres.mjs";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

let status = run("pnpm", ["typecheck"]);
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
    status = run("pnpm", ["exec", "vitest", "run", ...process.argv.slice(2)], cluster ? { DESKROTA_TEST_DATABASE_URL: cluster.url } : {});
  } finally {
    stop();
  }
}
process.exit(status);
