import { check, metrics, type RotaMetrics, type SolverReport } from "@deskrota/core/internal";
import { defaultPool, solve } from "@deskrota/engine";
import { loadProblem } from "../instances";
import { shortStints, type StintFigures } from "../stints";
import type { Started } from "./entry";
import type { SolveTask } from "./protocol";

export interface SolveRun {
  /** first rota of a warm-up solve (small-campus) in this fresh process: the pool's cold start, ms */
  coldFirstRotaMs: number | null;
  /** every improvement, as the caller of the engine saw it: ms after the call, best objective */
  curve: [number, number][];
  /** every better lower bound, as the caller saw it: ms after the call, bound */
  bounds: [number, number][];
  /** whether the bound's task handed back its final bound within the limit */
  boundFinished: boolean;
  wallMs: number;
  solver: SolverReport | undefined;
  metrics: RotaMetrics;
  hardViolations: number;
  stints: StintFigures;
}

/**
 * One engine solve as a long-running service's caller sees it: the engine's worker pool has served
 * a solve before (a short one of the smallest example, whose cold start is recorded), then the
 * measured solve runs with compile, search and the bound thread.
 */
export async function runSolveTask(task: SolveTask, started: Started): Promise<SolveRun> {
  const problem = loadProblem(task.instance);
  const warmUp = performance.now();
  let coldFirstRotaMs: number | null = null;
  await solve(loadProblem({ kind: "example", name: "small-campus" }), {
    timeLimitMs: 500,
    onProgress: () => (coldFirstRotaMs ??= Math.round(performance.now() - warmUp)),
  });
  started();
  const curve: [number, number][] = [];
  const bounds: [number, number][] = [];
  let boundFinished = false;
  const t0 = performance.now();
  const rota = await solve(problem, {
    timeLimitMs: task.timeLimitMs,
    seed: task.seed,
    onProgress: (p) => {
      // A progress report that only carries a better bound repeats the objective: not an improvement.
      if (curve.at(-1)?.[1] !== p.objective) curve.push([Math.round(performance.now() - t0), p.objective]);
    },
    onBound: (b) => {
      if (b.finished) boundFinished = true;
      else bounds.push([Math.round(performance.now() - t0), b.bound]);
    },
  });
  const wallMs = Math.round(performance.now() - t0);
  // The figures below are the benchmark's, not the solve's: worked out after the engine's threads have
  // gone, as the CLI builds its summary, they no longer count in the solve's peak (decisions.md §15).
  await defaultPool().close();
  return {
    coldFirstRotaMs,
    curve,
    bounds,
    boundFinished,
    wallMs,
    solver: rota.solver,
    metrics: metrics(problem, rota),
    hardViolations: check(problem, rota).violations.length,
    stints: shortStints(problem, rota),
  };
}
