import type {
  AlternativesOptions,
  BoundKind,
  Change,
  GapQuery,
  Problem,
  Rota,
  RotaInput,
} from "@deskrota/core/internal";

/** The exact minimum-change model's limit per solve when it proves a small week's repair unasked. */
export const SMALL_WEEK_PROOF_SECONDS = 2;

/**
 * The published version a re-solve repairs. A thread keeps the last few it was sent (`HELD_VERSIONS`),
 * so the pool sends a version's problem and rota to a thread once and names it by `key` after that.
 */
export interface Base {
  key: string;
  problem?: Problem;
  published?: RotaInput;
}

/** A task that names a published version (a re-solve, or a warm-up on the week): threads hold those. */
export function namesVersion(task: Task): task is Extract<Task, { base: Base }> {
  return task.kind === "resolve" || task.kind === "warm";
}

/** Versions each thread keeps: a service re-solves one published week per rota; a few rotas at once. */
export const HELD_VERSIONS = 4;

/** What a worker is asked to do. */
export type Task =
  | {
      kind: "solve";
      problem: Problem;
      timeLimitMs: number;
      seed?: number;
      workBudget?: number;
      incumbent?: SharedArrayBuffer;
    }
  | { kind: "bound"; problem: Problem; timeLimitMs: number; incumbent?: SharedArrayBuffer }
  | {
      kind: "resolve";
      base: Base;
      change: Change;
      now: string;
      timeLimitMs?: number;
      seed?: number;
      workBudget?: number;
      option?: "fills" | "smaller";
      /** run the exact minimum-change model after the search, this many seconds per solve */
      proofSeconds?: number;
      /** a small week's repair: post the search's as an "answer", then prove it and return that */
      proveAfter?: boolean;
    }
  | {
      kind: "alternatives";
      problem: Problem;
      k: number;
      timeLimitMs: number;
      seed?: number;
      workBudget?: AlternativesOptions["workBudget"];
    }
  /**
   * Hold a published version and repair it after absences of the thread's own choosing (24), the
   * results thrown away: V8 meets the week's own shapes before its first real re-solve. A background
   * task: the pool sets its stop flag when a real task needs the thread, and it ends within a move.
   */
  | { kind: "warm"; base: Base }
  | { kind: "swaps"; problem: Problem; rota: RotaInput; gap: GapQuery; now?: string }
  | { kind: "compare"; problem: Problem; rotas: { id: string; rota: RotaInput }[]; reference?: string }
  | { kind: "analyse"; problem: Problem; rota: RotaInput };

export type Progress = {
  type: "progress";
  elapsedMs: number;
  objective: number;
  bestBound: number | null;
  /** which bound `bestBound` is, when the bound task reports it */
  boundKind?: BoundKind;
  gap: number | null;
  rota?: Rota;
};

export type WorkerReply = { id: number } & (
  | Progress
  /**
   * `startedAt` / `endedAt`: when the worker had the task and when its result was ready (`epochNow`);
   * `retire`: the task loaded a HiGHS of its own, whose heap only the thread's end gives back
   */
  | { type: "result"; value: unknown; startedAt?: number; endedAt?: number; retire?: true }
  /** a task's answer before its result: a re-solve's repair before its proof */
  | { type: "answer"; value: unknown }
  | { type: "error"; error: { name: string; code?: string; message: string; issues?: unknown }; retire?: true }
);

/** A new worker's first message: it has warmed its repair path where asked (warm-up.ts) and takes tasks now. */
export type WorkerReady = { type: "ready" };

export interface WorkerRequest {
  id: number;
  task: Task;
  /** Int32 flag the parent sets to 1 to ask for the best result so far */
  stop: SharedArrayBuffer;
  /** when the parent asks the task to stop (epoch ms, `performance.timeOrigin + performance.now()` in any thread) */
  deadlineAt: number;
}

/** Milliseconds on a clock all threads of the process share (each thread's `performance.now()` has its own origin). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
