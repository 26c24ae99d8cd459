import { Worker } from "node:worker_threads";
import type { Task, WorkerInput, WorkerMessage } from "./protocol";

export interface RunOptions {
  /** the worker is terminated this long after it was asked to stop, or after its deadline */
  graceMs?: number;
  /** hard deadline for the whole task (ms from now); the worker is asked to stop, then terminated */
  deadlineMs: number;
  onMessage?(message: Extract<WorkerMessage, { type: "progress" }>): void;
  signal?: AbortSignal;
}

export type RunOutcome = { kind: "result"; value: unknown } | { kind: "error"; error: Extract<WorkerMessage, { type: "error" }>["error"] } | { kind: "terminated" };

const WORKER = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Runs one task in its own worker thread. The task is asked to stop (through shared memory) when
 * the signal aborts; a worker that has not answered by its deadline plus the grace period is
 * terminated, whatever it is doing: a solver that ignores its own limit cannot hold the caller.
 */
export function runInWorker(task: Task, options: RunOptions): Promise<RunOutcome> {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const grace = options.graceMs ?? 1500;
  const input: WorkerInput = { task, stop };
  const worker = new Worker(WORKER, { workerData: input });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(hard);
      options.signal?.removeEventListener("abort", askToStop);
      void worker.terminate();
      resolve(outcome);
    };
    const askToStop = () => {
      Atomics.store(flag, 0, 1);
      clearTimeout(hard);
      hard = setTimeout(() => finish({ kind: "terminated" }), grace);
    };
    let hard = setTimeout(() => finish({ kind: "terminated" }), options.deadlineMs + grace);
    if (options.signal?.aborted) askToStop();
    options.signal?.addEventListener("abort", askToStop);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") options.onMessage?.(message);
      else if (message.type === "result") finish({ kind: "result", value: message.value });
      else finish({ kind: "error", error: message.error });
    });
    worker.on("error", (error) => finish({ kind: "error", error: { name: error.name, message: error.message } }));
    worker.on("exit", () => finish({ kind: "terminated" }));
  });
}
