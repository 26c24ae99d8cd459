import { createHash } from "node:crypto";
import {
  DEFAULT_RESOLVE_MS,
  type AlternativesResult,
  type Analysis,
  type Change,
  type Comparison,
  type GapQuery,
  type Problem,
  type ResolveResult,
  type RotaInput,
  type SwapReport,
} from "@deskrota/core/internal";
import { type Base, SMALL_WEEK_PROOF_SECONDS } from "./protocol";
import { defaultPool, type TaskTiming, type WorkerPool } from "./run";
import { outcomeValue } from "./solve";

export interface ResolveOptions {
  /** ISO: nothing before it changes */
  now: string;
  timeLimitMs?: number;
  seed?: number;
  workBudget?: number;
  /** which repair to return when filling everything takes more changes (core `ResolveOptions.option`) */
  option?: "fills" | "smaller";
  /**
   * Prove the fewest changes with the exact minimum-change model after the search (core
   * `ResolveOptions.proof`): seconds, not milliseconds, on a typical week. Its limit is per solve.
   * The answer waits for it.
   */
  prove?: boolean | { timeLimitSeconds: number };
  /**
   * Answer first, prove after: the search's repair is returned at once and, on a small week (at most
   * `EXACT_MAX_PERSON_SLOTS` workable person-slots), the exact model then proves it in the same worker
   * with 2 s per solve. Told once after the answer: the proven (or improved) repair, or `undefined`
   * where no proof ran (a bigger week, `option: "smaller"`) or it failed. Without it (and without
   * `prove`) no exact model runs at all.
   */
  onProof?(proved: ResolveResult | undefined): void;
  /** where the call's time went: the hand-off to the worker, its work, the answer back (the benchmark's columns) */
  onTiming?(timing: TaskTiming): void;
  pool?: WorkerPool;
}

/**
 * A content hash, worked out at every call: one cached by object would go stale if a caller edited a
 * problem or rota in place, and the worker would then repair the old version (~1 ms for the typical
 * week, a few for the large system, against the re-solve's tens).
 */
function hashOf(value: object): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64");
}

/** A published version, named by its content: a thread that holds it is sent only its key. */
function baseOf(problem: Problem, published: RotaInput): Base {
  return { key: `${hashOf(problem)}:${hashOf(published)}`, problem, published };
}

/** What `prepare` did: repairs made on the week, and whether a real task stopped it first. */
export interface Prepared {
  repairs: number;
  preempted: boolean;
}

/**
 * Hands a published version to a thread ahead of its first re-solve, which repairs the week after a
 * few absences of its own and throws the repairs away: the week's first real re-solves then find V8
 * specialised to its shapes (3–5× the CPU of a warm re-solve otherwise: decisions.md §15, seventh
 * round). For a service between publishing a rota and its first absence. Background work: only on a
 * thread nothing else wants (`undefined` when there is none), stopped within a search move when a real
 * task needs the thread or `signal` aborts (a newer version superseding it: `preempted`, with the
 * repairs made so far), and the re-solves of the version go to the thread that holds it.
 */
export async function prepare(
  problem: Problem,
  published: RotaInput,
  options: { pool?: WorkerPool; signal?: AbortSignal } = {},
): Promise<Prepared | undefined> {
  const pool = options.pool ?? defaultPool();
  // 24 repairs, each with its default limit and moves: 4–10 s of CPU at load 13 (large), inside a minute.
  const outcome = await pool.runInBackground(
    { kind: "warm", base: baseOf(problem, published) },
    { deadlineMs: 60_000, ...(options.signal ? { signal: options.signal } : {}) },
  );
  return outcome && outcomeValue<Prepared>(outcome, "the warm-up on the published week");
}

/** The exact model's limit per solve when `prove` gives none; it makes up to four (docs/benchmarks.md). */
const PROOF_SECONDS = 20;

/** A re-solve after a change, in a warm worker (see core `resolve`). */
export async function resolve(
  problem: Problem,
  published: RotaInput,
  change: Change,
  options: ResolveOptions,
): Promise<ResolveResult> {
  const pool = options.pool ?? defaultPool();
  const limit = options.timeLimitMs ?? DEFAULT_RESOLVE_MS;
  const { pool: _pool, prove, onProof, onTiming, ...rest } = options;
  const proofSeconds = prove ? (prove === true ? PROOF_SECONDS : prove.timeLimitSeconds) : 0;
  const proveAfter = onProof !== undefined && !prove;
  let answered: ResolveResult | undefined;
  let answer: (result: ResolveResult) => void = () => undefined;
  const early = new Promise<ResolveResult>((resolved) => {
    answer = resolved;
  });
  const run = pool.run(
    {
      kind: "resolve",
      // By content: a thread that holds this version is sent only its key.
      base: baseOf(problem, published),
      change,
      ...rest,
      ...(prove ? { proofSeconds } : {}),
      ...(proveAfter ? { proveAfter } : {}),
    },
    {
      // Two repairs when the first leaves a gap open (the smaller, then the one that fills first),
      // then the proof's solves (targets, then changes), each with its own limit.
      deadlineMs: 2 * Math.max(limit, 1000) + 5000 + 4 * Math.max(proofSeconds, SMALL_WEEK_PROOF_SECONDS) * 1000,
      onAnswer: (value) => {
        answered = value as ResolveResult;
        answer(answered);
      },
    },
  );
  if (onTiming) void run.then((outcome) => outcome.kind === "result" && outcome.timing && onTiming(outcome.timing));
  if (!proveAfter) return outcomeValue<ResolveResult>(await run, "the re-solve");
  const finished = run.then((outcome) => {
    if (!answered) return outcomeValue<ResolveResult>(outcome, "the re-solve");
    // After the answer, a proof that failed leaves the answer as it was.
    onProof(outcome.kind === "result" ? (outcome.value as ResolveResult) : undefined);
    return answered;
  });
  const result = await Promise.race([early, finished]);
  // No answer before the result: no proof ran, and the result is the answer.
  if (!answered) onProof(undefined);
  return result;
}

export interface AlternativesOptions {
  /** total budget for all k, default the problem's time limit */
  timeLimitMs?: number;
  seed?: number;
  workBudget?: number;
  signal?: AbortSignal;
  pool?: WorkerPool;
}

/** k alternative rotas (see core `alternatives`), in a warm worker. */
export async function alternatives(
  problem: Problem,
  k: number,
  options: AlternativesOptions = {},
): Promise<AlternativesResult> {
  const pool = options.pool ?? defaultPool();
  const timeLimitMs = options.timeLimitMs ?? (problem.solver?.timeLimitSeconds ?? 10) * 1000;
  const outcome = await pool.run(
    {
      kind: "alternatives",
      problem,
      k,
      timeLimitMs,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
    },
    {
      deadlineMs: options.workBudget !== undefined ? 600_000 : timeLimitMs,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return outcomeValue<AlternativesResult>(outcome, "the alternatives");
}

/** Swap candidates for a gap (see core `swapCandidates`), off the caller's thread. */
export async function swapCandidates(
  problem: Problem,
  rota: RotaInput,
  gap: GapQuery,
  options: { pool?: WorkerPool; now?: string } = {},
): Promise<SwapReport> {
  const outcome = await (options.pool ?? defaultPool()).run(
    { kind: "swaps", problem, rota, gap, ...(options.now !== undefined ? { now: options.now } : {}) },
    { deadlineMs: 30_000 },
  );
  return outcomeValue<SwapReport>(outcome, "the swap candidates");
}

/** A rota judged against its problem (see core `analyse`), off the caller's thread. */
export async function analyse(
  problem: Problem,
  rota: RotaInput,
  options: { pool?: WorkerPool } = {},
): Promise<Analysis> {
  const outcome = await (options.pool ?? defaultPool()).run({ kind: "analyse", problem, rota }, { deadlineMs: 30_000 });
  return outcomeValue<Analysis>(outcome, "the analysis");
}

/** Rotas side by side (see core `compare`), off the caller's thread. */
export async function compare(
  problem: Problem,
  rotas: { id: string; rota: RotaInput }[],
  reference?: string,
  options: { pool?: WorkerPool } = {},
): Promise<Comparison> {
  const outcome = await (options.pool ?? defaultPool()).run(
    { kind: "compare", problem, rotas, ...(reference !== undefined ? { reference } : {}) },
    { deadlineMs: 30_000 },
  );
  return outcomeValue<Comparison>(outcome, "the comparison");
}
