// `pnpm --filter @deskrota/benchmarks resolve-cpu [instance] [absences] [publish moves] [repair moves] [--cold]
// [--unprepared]`:
// the quick bench's re-solves after an absence (same absences, seed 5) through the engine's worker pool, from a rota
// published at a fixed work budget and repaired at a fixed one, so that the repairs are the same whatever the load
// (decisions.md §15). Per re-solve: the process's CPU time (every thread), the call's wall time and the worker's own;
// where the wall time went (the hand-off to the worker, the task in it, the answer back) and the bytes each way;
// then a hash of every repair, which a change that must not alter repairs must leave as it is. After the publish, the
// version is handed to a thread that warms on the week (`prepare`, as a service does before the first absence; its
// own time and CPU are printed, not counted in the re-solves'); `--unprepared`: without.
import { createHash } from "node:crypto";
import { serialize } from "node:v8";
import { prepare, resolve, solve, type TaskTiming, WorkerPool } from "@deskrota/engine";
import { absenceFor } from "./child/resolve-task";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES } from "./instances";
import { loadProblem } from "./instances";
import { rng } from "./random";
import { median, percentile } from "./stats";

const [name = "typical-week", absences = "20", publishMoves = "3000", repairMoves = "400"] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith("--"));
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const problem = loadProblem(instance.ref);
// As the quick bench's re-solve lines: a pool whose workers warm their repair path (--cold: without).
const pool = new WorkerPool(2);
if (!process.argv.includes("--cold")) await pool.warm();
const published = await solve(problem, { workBudget: +publishMoves, seed: 1, pool });
let prepared = "unprepared";
if (!process.argv.includes("--unprepared")) {
  const [cpuBefore, t] = [process.cpuUsage(), performance.now()];
  const done = await prepare(problem, published, { pool });
  const used = process.cpuUsage(cpuBefore);
  prepared = `prepared: ${done?.repairs ?? 0} repairs in ${(performance.now() - t).toFixed(0)} ms, cpu ${(
    (used.user + used.system) / 1000
  ).toFixed(0)} ms`;
}
const r = rng(5);
const changes = Array.from({ length: +absences }, () => absenceFor(r.pick(published.assignments)));
const hash = createHash("sha256");
const cpu: number[] = [];
const wall: number[] = [];
const worker: number[] = [];
const handOff = {
  to: [] as number[],
  task: [] as number[],
  back: [] as number[],
  out: [] as number[],
  in: [] as number[],
};
for (const { change, now } of changes) {
  let timing: TaskTiming | undefined;
  const cpuBefore = process.cpuUsage();
  const t = performance.now();
  // A limit far above the moves' time: the work budget alone ends each repair.
  const result = await resolve(problem, published, change, {
    pool,
    now,
    seed: 1,
    workBudget: +repairMoves,
    timeLimitMs: 60_000,
    onTiming: (t) => {
      timing = t;
    },
  });
  wall.push(performance.now() - t);
  const used = process.cpuUsage(cpuBefore);
  cpu.push((used.user + used.system) / 1000);
  worker.push(result.rota.solver?.timeMs ?? 0);
  if (timing) {
    handOff.to.push(timing.startedAt - timing.postedAt);
    handOff.task.push(timing.endedAt - timing.startedAt);
    handOff.back.push(timing.receivedAt - timing.endedAt);
    // What was structured-cloned each way (v8's serializer is the one postMessage uses).
    handOff.out.push(serialize(timing.sentVersion ? { problem, published, change } : { change }).length);
    handOff.in.push(serialize(result).length);
  }
  hash.update(JSON.stringify([result.rota.assignments, result.rota.solver?.objective, result.diff.changes]));
}
const row = (label: string, xs: number[]) =>
  `${label} p50 ${median(xs)?.toFixed(0)} / p95 ${percentile(xs, 95)?.toFixed(0)} / total ${xs
    .reduce((a, b) => a + b, 0)
    .toFixed(0)} ms`;
console.log(
  `${name}: ${changes.length} re-solves of ${repairMoves} moves, published at ${publishMoves} moves, ${prepared}`,
);
console.log(row("cpu   ", cpu));
console.log(row("wall  ", wall));
console.log(row("worker", worker));
console.log(row("to worker     ", handOff.to));
console.log(row("task in worker", handOff.task));
console.log(row("answer back   ", handOff.back));
const kb = (xs: number[]) => `${((median(xs) ?? 0) / 1024).toFixed(1)} kB (max ${(Math.max(...xs) / 1024).toFixed(1)})`;
console.log(`posted p50 ${kb(handOff.out)}, answered p50 ${kb(handOff.in)}`);
console.log(`each  cpu ${cpu.map((x) => x.toFixed(0)).join(" ")}`);
// The published rota can differ with the load (the exact moves are due by the clock): repairs compare only beside
// the same published rota.
const publishedHash = createHash("sha256").update(JSON.stringify(published.assignments)).digest("hex").slice(0, 16);
console.log(`published ${publishedHash} repairs ${hash.digest("hex").slice(0, 16)}`);
process.exit(0);
