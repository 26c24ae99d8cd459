import { parentPort, workerData } from "node:worker_threads";
import {
  alternatives,
  analyse,
  compare,
  EXACT_MAX_PERSON_SLOTS,
  exactOrBound,
  jslpBackend,
  resolve,
  solve,
  swapCandidates,
  type Instance,
  type Problem,
  type Progress,
  type Rota,
  type RotaInput,
} from "@deskrota/core/internal";
import { freshHighs, highs } from "./highs";
import { WEEK_ABSENCES, warmOn, warmUp } from "./warm-up";
import {
  type Base,
  epochNow,
  HELD_VERSIONS,
  namesVersion,
  SMALL_WEEK_PROOF_SECONDS,
  type Task,
  type WorkerReply,
  type WorkerRequest,
} from "./protocol";

/** Rotas are posted at most this often while improving (each one is a full rota on the wire). */
const ROTA_EVERY_MS = 500;
/**
 * ...and take at most this share of the time. A rota is built and checked before it is posted
 * (the fallback if the final one fails its check): ~40 ms on the large system, whose garbage every
 * 500 ms was half the search thread's heap (peak heap 197 MB, 98 MB without).
 */
const ROTA_SHARE = 0.02;
const clock = () => performance.now();
/** Weeks the exact minimum-change model proves after every repair unasked. */
const SMALL_WEEK = EXACT_MAX_PERSON_SLOTS;

/** The published versions this thread was sent, least recently used first (the pool keeps the same list). */
const held = new Map<string, { problem: Problem; published: RotaInput }>();
/**
 * The instance this thread's last re-solve compiled (core `resolve`'s `compiled`): one only, so that a
 * thread keeps no more than one alive between tasks.
 */
const compiled: { last?: Instance } = {};

/**
 * Set by a task that loads a HiGHS of its own (a small week's bound, a re-solve's proof when asked): its
 * WebAssembly heap stayed resident in the thread through later tasks (an idle thread is seldom fully
 * collected), so the pool retires the thread after it (docs/decisions.md §15, eighth round).
 */
let ownHighs = false;
const highsOfItsOwn = () => {
  ownHighs = true;
  return freshHighs();
};

function heldVersion({ key, problem, published }: Base): { problem: Problem; published: RotaInput } {
  const version = problem && published ? { problem, published } : held.get(key);
  if (!version) throw new Error(`the worker holds no version ${key}`);
  held.delete(key);
  held.set(key, version);
  for (const oldest of held.keys()) if (held.size > HELD_VERSIONS) held.delete(oldest);
  return version;
}

async function run(
  task: Task,
  stop: Int32Array,
  deadlineAt: number,
  post: (reply: WorkerReply extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never) => void,
): Promise<unknown> {
  // Before any await: the version is kept as the pool counts on, whatever happens to the task.
  const version = namesVersion(task) ? heldVersion(task.base) : undefined;
  const shouldStop = () => Atomics.load(stop, 0) === 1;
  // The parent's deadline counts from when it posted the task: a thread still starting (loading the
  // engine and HiGHS took 5 s on a loaded machine) must not plan to search past it, or it is terminated.
  const within = (limitMs: number) => Math.max(0, Math.min(limitMs, deadlineAt - epochNow()));
  // The problem's `solver.backend` picks the MILP engine of the exact moves and the bound; HiGHS
  // unless it says javascript-lp-solver (decisions 12). HiGHS is loaded by the first task that needs it.
  const jslp = "problem" in task && task.problem.solver?.backend === "jslp";
  const backend = () => (jslp ? Promise.resolve(jslpBackend) : highs());
  const tuning = {
    ...("seed" in task && task.seed !== undefined ? { seed: task.seed } : {}),
    ...("workBudget" in task && task.workBudget !== undefined ? { workBudget: task.workBudget } : {}),
  };
  switch (task.kind) {
    case "solve": {
      let nextRota = 0;
      // The bound worker aims its Lagrangian steps at this (shared memory, no messages).
      const incumbent = task.incumbent ? new Float64Array(task.incumbent) : undefined;
      return solve(task.problem, {
        backend: await backend(),
        timeLimitMs: within(task.timeLimitMs),
        clock,
        ...tuning,
        shouldStop,
        onProgress: (p: Progress) => {
          if (incumbent) incumbent[0] = p.objective;
          let rota: Rota | undefined;
          if (p.elapsedMs >= nextRota) {
            const building = clock();
            rota = p.rota();
            nextRota = p.elapsedMs + Math.max(ROTA_EVERY_MS, (clock() - building) / ROTA_SHARE);
          }
          post({
            type: "progress",
            elapsedMs: p.elapsedMs,
            objective: p.objective,
            bestBound: p.bestBound,
            gap: p.gap,
            ...(rota ? { rota } : {}),
          });
        },
      });
    }
    case "bound": {
      const incumbent = task.incumbent ? new Float64Array(task.incumbent) : undefined;
      // A HiGHS of its own, dropped with the task: a whole-week MILP grows its WebAssembly heap by
      // 100 MB and more, which a heap kept for the thread's next tasks would never give back.
      return exactOrBound(task.problem, jslp ? backend : highsOfItsOwn, {
        timeLimitSeconds: within(task.timeLimitMs) / 1000,
        clock,
        incumbent: () => (incumbent && Number.isFinite(incumbent[0]) ? incumbent[0] : undefined),
        onBound: (bound, boundKind) =>
          post({ type: "progress", elapsedMs: 0, objective: Number.NaN, bestBound: bound, boundKind, gap: null }),
      });
    }
    case "resolve": {
      // HiGHS whatever the problem's backend (a whole week is too big for javascript-lp-solver's
      // dense tableau): one of its own when asked, its heap going with the proof; after the answer,
      // the thread's warm one proves small weeks in a second or so (docs/benchmarks.md).
      const proof =
        task.proofSeconds !== undefined
          ? { backend: await highsOfItsOwn(), timeLimitSeconds: task.proofSeconds }
          : task.proveAfter
            ? { backend: await highs(), timeLimitSeconds: SMALL_WEEK_PROOF_SECONDS, upToPersonSlots: SMALL_WEEK }
            : undefined;
      const { problem, published } = version as NonNullable<typeof version>;
      return resolve(problem, published, task.change, {
        now: task.now,
        clock,
        ...(task.timeLimitMs !== undefined ? { timeLimitMs: task.timeLimitMs } : {}),
        ...(task.option !== undefined ? { option: task.option } : {}),
        compiled,
        ...(proof ? { proof } : {}),
        ...(task.proveAfter ? { onAnswer: (value: unknown) => post({ type: "answer", value }) } : {}),
        ...tuning,
      });
    }
    case "warm": {
      const { problem, published } = version as NonNullable<typeof version>;
      // It ends by the pool's deadline too, with the repairs made by then, rather than be terminated.
      const due = () => shouldStop() || epochNow() >= deadlineAt;
      const repairs = warmOn(problem, published, { clock, shouldStop: due, absences: WEEK_ABSENCES, compiled });
      return { repairs, preempted: shouldStop() };
    }
    case "alternatives":
      return alternatives(task.problem, task.k, {
        timeLimitMs: task.timeLimitMs,
        clock,
        backend: await backend(),
        ...tuning,
      });
    case "swaps":
      return swapCandidates(task.problem, task.rota, task.gap, task.now !== undefined ? { now: task.now } : {});
    case "compare":
      return compare(task.problem, task.rotas, task.reference);
    case "analyse":
      return analyse(task.problem, task.rota);
  }
}

try {
  if ((workerData as { warmUp?: boolean } | undefined)?.warmUp) warmUp();
} catch {
  // A warm-up that fails leaves the thread as cold as it was, never unable to take a task.
}
// The pool posts no task before this: the warm-up is counted in no task's limit.
parentPort?.postMessage({ type: "ready" });

parentPort?.on("message", async ({ id, task, stop, deadlineAt }: WorkerRequest) => {
  const post = (reply: object) => parentPort?.postMessage({ id, ...reply });
  const retire = () => (ownHighs ? { retire: true } : {});
  try {
    const startedAt = epochNow();
    const value = await run(task, new Int32Array(stop), deadlineAt, post as never);
    post({ type: "result", value, startedAt, endedAt: epochNow(), ...retire() });
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string; issues?: unknown };
    post({
      type: "error",
      error: {
        name: e.name ?? "Error",
        ...(e.code ? { code: e.code } : {}),
        message: e.message ?? String(error),
        ...(e.issues ? { issues: e.issues } : {}),
      },
      ...retire(),
    });
  }
});
