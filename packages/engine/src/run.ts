import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { baselineWasmOnly } from "./baseline-wasm";
import { workerScript } from "./bundle";
import {
  epochNow,
  HELD_VERSIONS,
  namesVersion,
  type Progress,
  type Task,
  type WorkerReady,
  type WorkerReply,
  type WorkerRequest,
} from "./protocol";

export interface RunOptions {
  /** the task is asked to stop at its deadline (ms from when it starts running) and terminated `graceMs` later */
  deadlineMs: number;
  graceMs?: number;
  onProgress?(message: Progress): void;
  /** the task's answer before its result (a re-solve's repair, then its proof as the result) */
  onAnswer?(value: unknown): void;
  /** the task is posted to its worker: a new worker first warms up (warm-up.ts), and the deadline runs from here */
  onStart?(): void;
  signal?: AbortSignal;
}

/** Where a task's time went (epoch ms, `epochNow`): the hand-off to the worker, the work, the answer back. */
export interface TaskTiming {
  postedAt: number;
  startedAt: number;
  endedAt: number;
  receivedAt: number;
  /** a re-solve's published version was sent with it (false: the thread held it already) */
  sentVersion: boolean;
}

export type RunOutcome =
  | { kind: "result"; value: unknown; timing?: TaskTiming }
  | { kind: "error"; error: Extract<WorkerReply, { type: "error" }>["error"] }
  | { kind: "terminated" };

interface Slot {
  worker: Worker;
  busy: boolean;
  /** settles when the worker is ready (warmed up where asked) or stopped: its first task is posted after it */
  ready: Promise<void>;
  /** the re-solves' versions the thread keeps, least recently used first (worker.ts keeps the same list) */
  held: string[];
  /** the stop flag of the background task under way (`runInBackground`), which a real task may set */
  background?: Int32Array;
}

/**
 * Warm worker threads (loading the engine in a fresh thread costs ~0.6 s, more than a re-solve).
 * Each runs one task at a time, after its warm-up where the pool was warmed. A task
 * that overruns its deadline plus the grace period has its worker terminated and replaced: a solver
 * that ignores its own limit cannot hold the caller. A thread whose task loaded a HiGHS of its own is
 * retired after it the same way: that WebAssembly heap stayed resident through the thread's later tasks.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(readonly size: number = Math.max(2, availableParallelism())) {}

  run(task: Task, options: RunOptions): Promise<RunOutcome> {
    return this.acquire(versionOf(task)).then((slot) => this.execute(slot, task, options));
  }

  /**
   * Runs a task only on a thread nothing else wants: an idle one (one that holds the task's version
   * first), or a new one while the pool has room; else not at all (`undefined`). A real task that
   * finds no idle thread sets its stop flag and takes the thread when it has stopped (a warm-up ends
   * within a search move, or between repairs).
   */
  async runInBackground(task: Task, options: RunOptions): Promise<RunOutcome | undefined> {
    const script = await workerScript();
    const key = versionOf(task);
    const idle = this.idleSlot(key) ?? (this.slots.length < this.size ? this.spawn(script) : undefined);
    if (!idle) return undefined;
    return this.execute(this.claim(idle), task, options, true);
  }

  /**
   * Starts every thread now, each warming its repair path (warm-up.ts, ~2 s of CPU per thread under
   * load), and settles when all are ready: for a service before it listens, so that its first
   * coordinators' re-solves do not pay for V8's compiling and no request waits behind a warm-up; not
   * for a one-shot solve, which would wait for it (decisions.md §15, fifth round).
   */
  async warm(): Promise<void> {
    const script = await workerScript();
    while (this.slots.length < this.size) this.spawn(script, true);
    // Referenced while they warm up, so that the process waits for them; idle after it, like after a task.
    await Promise.all(this.slots.map((s) => s.ready));
    for (const slot of this.slots) if (!slot.busy) slot.worker.unref();
  }

  /** Threads started so far (the pool starts them as tasks need them, or all at once by `warm`). */
  get started(): number {
    return this.slots.length;
  }

  /** Terminates every worker (tasks under way end as "terminated"). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private async acquire(key?: string): Promise<Slot> {
    // Awaited first, so that what follows runs at once: no other task slips in between.
    const script = await workerScript();
    const idle = this.idleSlot(key);
    if (idle) return this.claim(idle);
    if (this.slots.length < this.size) return this.claim(this.spawn(script));
    // Background work gives way: its thread is released when it has stopped, and wakes the first waiting.
    for (const slot of this.slots) if (slot.background) Atomics.store(slot.background, 0, 1);
    return new Promise((wake) => this.waiting.push(() => wake(this.acquire(key))));
  }

  /** An idle thread: one that holds the re-solve's version first (no version to send, and it may be warm on it). */
  private idleSlot(key: string | undefined): Slot | undefined {
    const idle = this.slots.filter((s) => !s.busy);
    return (key !== undefined ? idle.find((s) => s.held.includes(key)) : undefined) ?? idle[0];
  }

  private claim(slot: Slot): Slot {
    slot.busy = true;
    slot.worker.ref();
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    delete slot.background;
    // An idle worker must not keep a CLI process alive.
    slot.worker.unref();
    this.waiting.shift()?.();
  }

  private spawn(script: string, warmUp = false): Slot {
    baselineWasmOnly();
    const worker = new Worker(script, { eval: true, workerData: { warmUp } });
    const ready = new Promise<void>((done) => {
      const onReady = (message: WorkerReady | WorkerReply) => {
        if (message.type !== "ready") return;
        worker.off("message", onReady);
        done();
      };
      worker.on("message", onReady);
      // A worker that dies while warming up fails its first task through that task's own listeners.
      worker.once("exit", () => done());
    });
    const slot: Slot = { worker, busy: false, ready, held: [] };
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot): void {
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.waiting.shift()?.();
  }

  private execute(slot: Slot, task: Task, options: RunOptions, background = false): Promise<RunOutcome> {
    const id = this.nextId++;
    const stop = new SharedArrayBuffer(4);
    const flag = new Int32Array(stop);
    if (background) slot.background = flag;
    const grace = options.graceMs ?? 1500;
    return new Promise((resolve) => {
      let settled = false;
      /** `keep`: the thread takes further tasks (else it is terminated, and a new one started when needed) */
      const finish = (outcome: RunOutcome, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(hard);
        options.signal?.removeEventListener("abort", askToStop);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onFailure);
        slot.worker.off("exit", onFailure);
        if (keep) this.release(slot);
        else this.replace(slot);
        resolve(outcome);
      };
      let posted = false;
      const askToStop = () => {
        Atomics.store(flag, 0, 1);
        // Not yet posted: the task sees the flag when it starts, and its grace runs from the post.
        if (!posted) return;
        clearTimeout(hard);
        hard = setTimeout(() => finish({ kind: "terminated" }, false), grace);
      };
      let postedAt = 0;
      let sentVersion = false;
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if (reply.type === "progress") options.onProgress?.(reply);
        else if (reply.type === "answer") options.onAnswer?.(reply.value);
        else if (reply.type === "result") {
          const { startedAt, endedAt } = reply;
          const timing =
            startedAt !== undefined && endedAt !== undefined
              ? { postedAt, startedAt, endedAt, receivedAt: epochNow(), sentVersion }
              : undefined;
          finish({ kind: "result", value: reply.value, ...(timing ? { timing } : {}) }, !reply.retire);
        } else finish({ kind: "error", error: reply.error }, !reply.retire);
      };
      const onFailure = (error?: unknown) =>
        finish(
          {
            kind: "error",
            error: { name: "WorkerError", message: error instanceof Error ? error.message : "the worker stopped" },
          },
          false,
        );
      let hard: ReturnType<typeof setTimeout> | undefined;
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onFailure);
      slot.worker.on("exit", onFailure);
      if (options.signal?.aborted) askToStop();
      options.signal?.addEventListener("abort", askToStop);
      // The deadline runs from the post, after the worker's warm-up.
      void slot.ready.then(() => {
        if (settled) return;
        posted = true;
        const stopped = Atomics.load(flag, 0) === 1;
        hard = setTimeout(() => finish({ kind: "terminated" }, false), (stopped ? 0 : options.deadlineMs) + grace);
        const sent = held(slot, task);
        sentVersion = namesVersion(sent) && sent.base.problem !== undefined;
        postedAt = epochNow();
        const request: WorkerRequest = { id, task: sent, stop, deadlineAt: postedAt + options.deadlineMs };
        slot.worker.postMessage(request);
        options.onStart?.();
      });
    });
  }
}

/**
 * The task as the slot's thread is sent it: a re-solve's published version only the first time the
 * thread sees it, then its key alone: the large system's problem and rota are 310 kB, 4 ms to
 * serialise and read back at best and 17 ms at the median on a loaded machine, every re-solve. The
 * thread keeps the same least-recently-used list (worker.ts).
 */
function held(slot: Slot, task: Task): Task {
  if (!namesVersion(task)) return task;
  const { key } = task.base;
  const had = slot.held.indexOf(key);
  if (had >= 0) slot.held.splice(had, 1);
  slot.held.push(key);
  if (slot.held.length > HELD_VERSIONS) slot.held.shift();
  return had >= 0 ? { ...task, base: { key } } : task;
}

/** The published version a re-solve or a warm-up names, if any. */
function versionOf(task: Task): string | undefined {
  return namesVersion(task) ? task.base.key : undefined;
}

let shared: WorkerPool | undefined;

/** The process-wide pool the engine's functions use unless given another. */
export function defaultPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
