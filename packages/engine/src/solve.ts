import {
  certificateOf,
  DeskrotaInputError,
  DeskrotaInternalError,
  DeskrotaTimeoutError,
  gapOf,
  type BoundKind,
  type ExactResult,
  type Issue,
  type Problem,
  type Rota,
} from "@deskrota/core/internal";
import type { Progress } from "./protocol";
import { defaultPool, type RunOutcome, type WorkerPool } from "./run";

export interface SolveOptions {
  /** default: the problem's `solver.timeLimitSeconds`, else 10 s */
  timeLimitMs?: number;
  seed?: number;
  /** deterministic mode: a number of search moves instead of wall time */
  workBudget?: number;
  /** compute a lower bound on a second thread (default: yes, except in deterministic runs) */
  bound?: boolean;
  onProgress?(progress: SolveProgress): void;
  /** told each time the lower bound improves, and once more if the bound's task ended within the limit */
  onBound?(progress: BoundProgress): void;
  /** told when the search failed its own checker and the last rota it reported was returned instead */
  onFault?(message: string): void;
  /** aborting asks the solve to stop and return its best rota so far */
  signal?: AbortSignal;
  pool?: WorkerPool;
}

export interface SolveProgress {
  elapsedMs: number;
  objective: number;
  bestBound: number | null;
  gap: number | null;
  /** the gap and which bound it comes from in words, or that no useful bound is ready yet */
  certificate: string;
}

export interface BoundProgress {
  elapsedMs: number;
  bound: number;
  boundKind: BoundKind | null;
  /**
   * true once: the bound's task handed back its final bound before the solve ended (its full run
   * counted); a solve whose bound task is cut off at the limit never reports it
   */
  finished: boolean;
}

/** Deterministic runs have no wall-clock limit of their own; this only guards against a runaway. */
const WORK_BUDGET_DEADLINE_MS = 600_000;

/**
 * Solves in a worker thread and a lower bound in another (two cores: both at once). A worker that
 * overruns its deadline is terminated and the solve fails with DeskrotaTimeoutError; one stopped
 * through `signal` returns its best rota so far.
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Rota> {
  const pool = options.pool ?? defaultPool();
  const timeLimitMs = options.timeLimitMs ?? (problem.solver?.timeLimitSeconds ?? 10) * 1000;
  const started = performance.now();
  let bound: number | null = null;
  let boundKind: BoundKind | null = null;
  let exact: Rota | undefined;
  const signal = options.signal ? { signal: options.signal } : {};
  const incumbent = new SharedArrayBuffer(8);
  new Float64Array(incumbent)[0] = Number.NaN;
  // A deterministic run (a work budget) must give the same rota every time: no time-limited bound
  // worker whose MILP rota could replace it, unless a bound is asked for explicitly.
  const wantBound = options.bound ?? options.workBudget === undefined;
  let latest: Rota | undefined;
  // The search's best so far: a better bound is passed on at once with it, not at the next improvement.
  let objective: number | undefined;
  // Once the solve has returned its rota, its caller hears nothing more of it.
  let settled = false;
  const boundImproved = (finished: boolean) => {
    if (bound === null || settled) return;
    const elapsedMs = Math.round(performance.now() - started);
    options.onBound?.({ elapsedMs, bound, boundKind, finished });
    if (objective !== undefined && !finished)
      options.onProgress?.({
        elapsedMs,
        objective,
        bestBound: bound,
        gap: gapOf(objective, bound),
        certificate: certificateOf(objective, bound, boundKind),
      });
  };
  // The search asks for a worker first: when the previous solve's bound task is still winding down
  // on one of the pool's threads, it is the bound that waits, not the first rota.
  const searchRun = pool.run(
    {
      kind: "solve",
      problem,
      timeLimitMs,
      incumbent,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
    },
    {
      deadlineMs: options.workBudget !== undefined ? WORK_BUDGET_DEADLINE_MS : timeLimitMs,
      ...signal,
      onProgress: (message: Progress) => {
        if (message.rota) latest = message.rota;
        objective = message.objective;
        options.onProgress?.({
          elapsedMs: message.elapsedMs,
          objective: message.objective,
          bestBound: bound,
          gap: gapOf(message.objective, bound),
          certificate: certificateOf(message.objective, bound, boundKind),
        });
      },
    },
  );
  let boundStarted: (at: number) => void = () => undefined;
  const boundPosted = new Promise<number>((posted) => {
    boundStarted = posted;
  });
  const boundRun = !wantBound
    ? undefined
    : pool
        .run(
          { kind: "bound", problem, timeLimitMs, incumbent },
          {
            deadlineMs: timeLimitMs,
            ...signal,
            onStart: () => boundStarted(performance.now()),
            onProgress: (message: Progress) => {
              if (message.bestBound === null || (bound !== null && message.bestBound <= bound)) return;
              bound = message.bestBound;
              boundKind = message.boundKind ?? boundKind;
              boundImproved(false);
            },
          },
        )
        .then((outcome) => {
          if (outcome.kind !== "result") return;
          const result = outcome.value as ExactResult;
          if (result.bound !== null && (bound === null || result.bound >= bound)) {
            const better = bound === null || result.bound > bound;
            bound = result.bound;
            boundKind = result.boundKind ?? boundKind;
            if (better) boundImproved(false);
          }
          exact = result.rota;
          boundImproved(true);
        });
  const outcome = await searchRun;
  const searched = rotaFrom(
    outcome,
    latest,
    performance.now() - started,
    options.signal?.aborted ?? false,
    options.onFault,
  );
  // The bound gets what is left of its time limit, counted from when its worker took it (a new
  // worker warms up first), not a moment more; a stopped solve does not wait for it.
  if (boundRun && !options.signal?.aborted)
    await Promise.race([
      boundRun,
      boundPosted.then(
        (at) => new Promise((wake) => setTimeout(wake, Math.max(0, at + timeLimitMs - performance.now())).unref()),
      ),
    ]);
  settled = true;
  // On a small week the exact MILP on the second core may have done better (or proved it).
  const better =
    options.workBudget === undefined &&
    exact &&
    exact.solver &&
    searched.solver &&
    exact.solver.objective < searched.solver.objective - 1e-6;
  const rota =
    better && exact
      ? {
          ...exact,
          solver: {
            ...(exact.solver as NonNullable<Rota["solver"]>),
            timeMs: Math.round(performance.now() - started),
            ...(searched.solver?.firstRotaMs !== undefined ? { firstRotaMs: searched.solver.firstRotaMs } : {}),
          },
        }
      : searched;
  return withBound(rota, bound, boundKind);
}

export function rotaFrom(
  outcome: RunOutcome,
  latest: Rota | undefined,
  elapsedMs: number,
  stopped: boolean,
  onFault?: (message: string) => void,
): Rota {
  if (outcome.kind === "result") {
    const rota = outcome.value as Rota;
    return stopped && rota.solver ? { ...rota, solver: { ...rota.solver, status: "stopped" } } : rota;
  }
  if (outcome.kind === "error") {
    // The search built a rota its own checker rejects (a fault of ours, never the input's). Every
    // rota it reported before passed that checker: the caller gets the last of them, not nothing.
    if (outcome.error.code === "DESKROTA_E_INVALID_ROTA" && latest?.solver) {
      onFault?.(outcome.error.message);
      return { ...latest, solver: { ...latest.solver, status: "feasible", timeMs: Math.round(elapsedMs) } };
    }
    throw errorFrom(outcome.error);
  }
  // The worker overran its deadline (or ignored a stop) and was terminated: a failure.
  throw new DeskrotaTimeoutError("the solver overran its time limit by more than the grace period and was stopped");
}

function withBound(rota: Rota, bound: number | null, boundKind: BoundKind | null): Rota {
  if (!rota.solver || bound === null) return rota;
  const gap = gapOf(rota.solver.objective, bound);
  return {
    ...rota,
    solver: {
      ...rota.solver,
      bestBound: Math.round(bound * 1000) / 1000,
      gap,
      ...(boundKind ? { boundKind, certificate: certificateOf(rota.solver.objective, bound, boundKind) } : {}),
      ...(gap !== null && gap <= 1e-6 ? { status: "optimal" as const } : {}),
    },
  };
}

/** Worker errors cross the thread as data; this gives them back their class. */
export function errorFrom(error: { name: string; code?: string; message: string; issues?: unknown }): Error {
  if (error.code === "DESKROTA_E_INPUT" && Array.isArray(error.issues))
    return new DeskrotaInputError(error.issues as Issue[]);
  return new DeskrotaInternalError(
    (error.code as `DESKROTA_E_${string}` | undefined) ?? "DESKROTA_E_WORKER",
    error.message,
  );
}

export function outcomeValue<T>(outcome: RunOutcome, what: string): T {
  if (outcome.kind === "result") return outcome.value as T;
  if (outcome.kind === "error") throw errorFrom(outcome.error);
  throw new DeskrotaTimeoutError(`${what} overran its time limit and was stopped`);
}
