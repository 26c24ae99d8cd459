import { check, metrics, type RotaMetrics, type SolverReport } from "@deskrota/core";
import { solve } from "@deskrota/engine";
import { loadProblem } from "../instances";
import type { Started } from "./entry";
import type { SolveTask } from "./protocol";

export interface SolveRun {
  /** every improvement, as the caller of the engine saw it: ms after the call, best objective */
  curve: [number, number][];
  wallMs: number;
  solver: SolverReport | undefined;
  metrics: RotaMetrics;
  hardViolations: number;
  stints: number;
}

/** One engine solve as a caller sees it: worker start-up, compile and the bound thread included. */
export async function runSolveTask(task: SolveTask, started: Started): Promise<SolveRun> {
  const problem = loadProblem(task.instance);
  started();
  const curve: [number, number][] = [];
  const t0 = performance.now();
  const rota = await solve(problem, { timeLimitMs: task.timeLimitMs, seed: task.seed, onProgress: (p) => curve.push([Math.round(performance.now() - t0), p.objective]) });
  const wallMs = Math.round(performance.now() - t0);
  return { curve, wallMs, solver: rota.solver, metrics: metrics(problem, rota), hardViolations: check(problem, rota).violations.length, stints: rota.assignments.length };
}
