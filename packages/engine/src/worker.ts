import { parentPort, workerData } from "node:worker_threads";
import { lowerBound, solve, type Progress } from "@deskrota/core";
import { highs } from "./highs";
import type { WorkerInput, WorkerMessage } from "./protocol";

/** Rotas are posted at most this often while improving (each one is a full rota on the wire). */
const ROTA_EVERY_MS = 500;

const { task, stop } = workerData as WorkerInput;
const flag = new Int32Array(stop);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  if (task.kind === "solve") {
    let lastRota = -Infinity;
    const backend = await highs();
    const rota = solve(task.problem, {
      backend,
      timeLimitMs: task.timeLimitMs,
      clock: () => performance.now(),
      ...(task.seed !== undefined ? { seed: task.seed } : {}),
      ...(task.workBudget !== undefined ? { workBudget: task.workBudget } : {}),
      shouldStop: () => Atomics.load(flag, 0) === 1,
      onProgress: (p: Progress) => {
        const withRota = p.elapsedMs - lastRota >= ROTA_EVERY_MS;
        if (withRota) lastRota = p.elapsedMs;
        post({ type: "progress", elapsedMs: p.elapsedMs, objective: p.objective, bestBound: p.bestBound, gap: p.gap, ...(withRota ? { rota: p.rota() } : {}) });
      },
    });
    post({ type: "result", value: rota });
  } else {
    const backend = await highs();
    post({ type: "result", value: lowerBound(task.problem, backend, { timeLimitSeconds: task.timeLimitMs / 1000 }) });
  }
} catch (error) {
  const e = error as { name?: string; code?: string; message?: string; issues?: unknown };
  post({ type: "error", error: { name: e.name ?? "Error", ...(e.code ? { code: e.code } : {}), message: e.message ?? String(error), ...(e.issues ? { issues: e.issues } : {}) } });
}
