import type { Milp } from "../../compile/milp";

export interface BackendOptions {
  /** wall-clock seconds the backend may spend; omitted in deterministic runs */
  timeLimitSeconds?: number;
  /** stop once the relative gap to the bound is this small */
  relativeGap?: number;
  /** branch-and-bound nodes, the deterministic work budget of a MILP */
  nodeLimit?: number;
  /** a known point to start from; NaN marks a value the backend should complete itself */
  start?: ArrayLike<number>;
  /** solve the LP relaxation only (for a bound) */
  relaxation?: boolean;
  seed?: number;
  /**
   * the cuts a MILP keeps in its pool between nodes: a small sub-problem solved again and again
   * needs few, and HiGHS's default pool grows its WebAssembly heap by ~100 MB, which is never given back
   */
  cutPool?: number;
  /**
   * false: no restart after the root node. HiGHS's restart presolves the model again beside the
   * first copy; on the exact moves of the large system it took the WebAssembly heap from 35 to
   * 60 MB, and the moves found as good rotas without it
   */
  restart?: boolean;
  /** called with each better integer solution found during the solve */
  onImproved?(x: Float64Array, objective: number): void;
  /** polled during the solve; true asks the backend to stop with what it has */
  shouldStop?(): boolean;
}

export type BackendStatus = "optimal" | "feasible" | "infeasible" | "limit" | "error";

export interface BackendResult {
  status: BackendStatus;
  /** the best point found, unchecked: callers verify it against the model before use */
  x?: Float64Array;
  objective?: number;
  /** a proven lower bound on the objective, where the backend has one */
  bound?: number;
  message?: string;
}

/** Whether a backend may be given this model: one with a dense tableau is trusted with small ones only. */
export function fits(backend: MilpBackend, milp: Milp): boolean {
  return milp.numCols * milp.numRows <= backend.maxDenseCells;
}

/** A MILP engine behind one interface: the model layer never knows which one runs. */
export interface MilpBackend {
  readonly name: string;
  /** largest model (columns × rows) the backend is trusted with; the search splits bigger ones */
  readonly maxDenseCells: number;
  solve(milp: Milp, options: BackendOptions): BackendResult;
}
