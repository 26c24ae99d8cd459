import type { ChildMessage, ChildTask } from "./protocol";
import { runBackendTask } from "./backend-task";
import { runRepairsTask } from "./repairs-task";
import { runResolveTask } from "./resolve-task";
import { runSolveTask } from "./solve-task";

/** A measured child process: one task from the parent, then exit. */
const send = (message: ChildMessage) => new Promise<void>((done) => process.send?.(message, () => done()));
const mb = (bytes: number) => Math.round(bytes / 1048576);

export type Started = (info?: Record<string, number>) => void;

process.once("message", async (task: ChildTask) => {
  const started: Started = (info) =>
    void send({ type: "started", rssMb: mb(process.memoryUsage().rss), ...(info ? { info } : {}) });
  try {
    const value =
      task.kind === "solve"
        ? await runSolveTask(task, started)
        : task.kind === "resolve"
          ? await runResolveTask(task, started)
          : task.kind === "repairs"
            ? await runRepairsTask(task, started)
            : await runBackendTask(task, started);
    // maxRSS covers every thread of the process: the engine's search and bound workers included.
    await send({ type: "result", value, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  } catch (error) {
    await send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  process.exit(0);
});
