import type { InstanceRef } from "../instances";

/** What one measured child process does. Each child does one thing, so its peak RSS is that thing's. */
export type ChildTask = SolveTask | BackendTask | ResolveTask | RepairsTask;

export interface SolveTask {
  kind: "solve";
  instance: InstanceRef;
  timeLimitMs: number;
  seed: number;
}

export interface ResolveTask {
  kind: "resolve";
  instance: InstanceRef;
  /**
   * The solve that publishes the rota to repair: a time limit, or a work budget (the same rota whatever
   * the load; a timed solve of the large week overran its grace period under load).
   */
  publish: Publish;
  absences: number;
  seed: number;
}

export type Publish = { timeLimitMs: number } | { workBudget: number };

/** Afternoon absences, each repaired by the engine and by the exact minimum-change model. */
export interface RepairsTask {
  kind: "repairs";
  instance: InstanceRef;
  /** work budget of the solve that publishes the rota (seed 1): the same rota whatever the load */
  publishWork: number;
  absences: number;
  seed: number;
  /** the exact model's limit for each of its solves */
  proofSeconds: number;
}

/** Which MILP deskrota builds: the whole week, or a part of it the search could hand to a backend. */
export type ModelPart =
  | { kind: "week" }
  | { kind: "site-day"; site: string; day: number }
  | { kind: "site-week"; site: string }
  | { kind: "person-week"; person: string };

export interface BackendTask {
  kind: "backend";
  /** "highs": the engine's HiGHS adapter as it is; "highs-simplex": the same, forced to dual simplex for LPs */
  backend: "highs" | "highs-simplex" | "jslp";
  instance: InstanceRef;
  part: ModelPart;
  /** the LP relaxation (the lower bound), else the MILP */
  relaxation: boolean;
  timeLimitSeconds: number;
  /** a javascript-lp-solver model whose dense tableau would need more than this is not started */
  denseLimitBytes: number;
}

export type ChildMessage =
  /** sent when the measured work begins (after loading and model building): the time limit starts here */
  | { type: "started"; rssMb: number; info?: Record<string, number> }
  | { type: "result"; value: unknown; maxRssMb: number }
  | { type: "error"; message: string };
