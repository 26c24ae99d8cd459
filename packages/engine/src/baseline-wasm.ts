import { setFlagsFromString } from "node:v8";

let set = false;

/**
 * HiGHS's WebAssembly runs on V8's baseline compiler (Liftoff) alone. With V8's default, each thread's hot
 * HiGHS functions were compiled again by the optimising tier: ~50 MB more resident and 1.3 s more CPU at a
 * thread's first LP, for code ~10 % faster over a long MILP (docs/decisions.md §15, seventh round). A V8 flag
 * is process-wide and read when a module is compiled: it is set once, in the thread that starts the pool's
 * workers, before the first of them exists, so that no thread is compiling while it changes.
 */
export function baselineWasmOnly(): void {
  if (set) return;
  set = true;
  setFlagsFromString("--liftoff-only");
}
