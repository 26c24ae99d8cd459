import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PROBE = fileURLToPath(new URL("./support/wasm-tier.ts", import.meta.url));

async function probe(...args: string[]): Promise<{ calls: number; liftoff: boolean }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--wasm-num-compilation-tasks=0", "--allow-natives-syntax", "scripts/launch.mjs", PROBE, ...args],
    { cwd: ROOT },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
}

test("after the engine's pool has started, hot WebAssembly stays on V8's baseline code", async () => {
  const [alone, withPool] = await Promise.all([probe(), probe("pool")]);
  // Without the pool the same function tiers up: the probe can tell the two apart.
  expect(alone).toEqual({ calls: 1_000_000, liftoff: false });
  expect(withPool).toEqual({ calls: 1_000_000, liftoff: true });
});
