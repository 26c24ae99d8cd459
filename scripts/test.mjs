// The whole test suite, as README and .ci/run run it: typecheck, then vitest.
import { spawnSync } from "node:child_process";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("pnpm", ["typecheck"]);
run("pnpm", ["exec", "vitest", "run", ...process.argv.slice(2)]);
