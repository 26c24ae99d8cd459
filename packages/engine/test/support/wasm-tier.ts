// Run by baseline-wasm.test.ts in a process of its own, started with V8's tier-up made synchronous
// (--wasm-num-compilation-tasks=0) and its test functions allowed (--allow-natives-syntax): prints
// whether a hot WebAssembly function is still on V8's baseline code after a million calls. With
// `pool` it first has the engine's pool run a solve, as a program that uses the engine does.
import { readFileSync } from "node:fs";
import { parseProblem } from "@deskrota/core/internal";
import { solve, WorkerPool } from "../../src";

if (process.argv[2] === "pool") {
  const parsed = parseProblem(
    JSON.parse(readFileSync(new URL("../../../../docs/examples/small-campus.json", import.meta.url), "utf8")),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const pool = new WorkerPool(1);
  await solve(parsed.value, { seed: 1, workBudget: 10, pool });
  await pool.close();
}
// (module (func (export "next") (param i32) (result i32) local.get 0 i32.const 1 i32.add))
const bytes = Uint8Array.from([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 8, 1, 4, 110, 101, 120, 116, 0, 0, 10, 9, 1,
  7, 0, 32, 0, 65, 1, 106, 11,
]);
// The engine's tsconfig has no DOM library, which is where TypeScript declares WebAssembly.
const wasm = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array): Promise<Instantiated> } })
  .WebAssembly;
interface Instantiated {
  instance: { exports: { next: (x: number) => number } };
}
const { instance } = await wasm.instantiate(bytes);
const { next } = instance.exports;
let x = 0;
for (let i = 0; i < 1_000_000; i++) x = next(x);
const liftoff = new Function("f", "return %IsLiftoffFunction(f)") as (f: unknown) => boolean;
console.log(JSON.stringify({ calls: x, liftoff: liftoff(next) }));
