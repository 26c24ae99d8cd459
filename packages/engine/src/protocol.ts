import type { Problem, Rota } from "@deskrota/core";

/** What a worker is asked to do. */
export type Task =
  | { kind: "solve"; problem: Problem; timeLimitMs: number; seed?: number; workBudget?: number }
  | { kind: "bound"; problem: Problem; timeLimitMs: number };

export type WorkerMessage =
  | { type: "progress"; elapsedMs: number; objective: number; bestBound: number | null; gap: number | null; rota?: Rota }
  | { type: "result"; value: unknown }
  | { type: "error"; error: { name: string; code?: string; message: string; issues?: unknown } };

export interface WorkerInput {
  task: Task;
  /** Int32 flag the parent sets to 1 to ask for the best rota so far */
  stop: SharedArrayBuffer;
}
