import { DeskrotaInputError, DeskrotaTimeoutError } from "@deskrota/core";
import { solve } from "@deskrota/engine";
import type { FastifyBaseLogger } from "fastify";
import { newClaim } from "../ids";
import type { Metrics } from "../metrics";
import type { JobStore } from "../store/jobs";
import type { Progress } from "../store/rota-records";

export interface RunnerContext {
  jobs: JobStore;
  log: FastifyBaseLogger;
  /** names this process in claims and logs ("api-1234", "worker-5678") */
  worker: string;
  /** how often progress is written and the stop flag read */
  progressEveryMs: number;
  lowerBound: boolean;
  /** aborted on shutdown: running solves stop and keep their best rota */
  shutdown: AbortSignal;
  metrics: Metrics;
}

const BACKSTOP_MARGIN_MS = 5000;

export const OVERRAN =
  "the solver overran its time limit and was stopped; submit it again, perhaps with a shorter time limit";

export const INTERRUPTED = "interrupted: the server stopped while this rota was being solved; submit it again";

/**
 * Runs one solve job to its end: claims it, solves in worker threads (the engine's), writes
 * progress and reads the stop flag every `progressEveryMs`, and stores the outcome in one
 * transaction. Whatever the solve does, the job ends done or failed — it is left "solving" only if
 * the store itself cannot be written (and then restart recovery or the queue's expiry settles it).
 */
export async function runSolveJob(rotaId: string, ctx: RunnerContext): Promise<void> {
  const claim = newClaim(ctx.worker);
  const job = await ctx.jobs.claim(rotaId, claim);
  if (!job) return;
  const log = ctx.log.child({ rotaId, reqId: job.settings.requestId, attempt: job.attempts, worker: ctx.worker });
  if (job.stopRequested) {
    await ctx.jobs.fail(rotaId, claim, "stopped before the solve started");
    return;
  }
  log.info({ timeLimitMs: job.settings.timeLimitMs }, "solve started");
  const stop = new AbortController();
  const onShutdown = () => stop.abort();
  ctx.shutdown.addEventListener("abort", onShutdown);
  if (ctx.shutdown.aborted) stop.abort();
  // The search keeps to its time limit and the engine terminates a worker that overruns it, but
  // the engine allows a work-budget solve ten minutes: past the limit and a margin for starting the
  // workers, this stops any solve, which then keeps its best rota.
  const deadline = setTimeout(() => stop.abort(), job.settings.timeLimitMs + BACKSTOP_MARGIN_MS);
  const started = performance.now();
  let best: Omit<Progress, "elapsedMs"> = { objective: null, bestBound: null, gap: null };
  let writing: Promise<void> = Promise.resolve();
  /** done; failed; superseded (another worker took the job over) */
  let outcome = "failed";
  const tick = setInterval(() => {
    const progress: Progress = { elapsedMs: Math.round(performance.now() - started), ...best };
    writing = writing
      .then(async () => {
        if ((await ctx.jobs.recordProgress(rotaId, claim, progress)).stop) stop.abort();
      })
      .catch((error: unknown) => log.warn({ err: error }, "could not record progress"));
  }, ctx.progressEveryMs);
  try {
    const rota = await solve(job.problem, {
      timeLimitMs: job.settings.timeLimitMs,
      ...(job.settings.seed !== undefined ? { seed: job.settings.seed } : {}),
      ...(job.settings.workBudget !== undefined ? { workBudget: job.settings.workBudget } : {}),
      bound: ctx.lowerBound,
      signal: stop.signal,
      onProgress: (p) => {
        best = { objective: p.objective, bestBound: p.bestBound, gap: p.gap };
      },
      onFault: (message) =>
        log.error({ fault: message }, "the search failed its own checker; its last checked rota is kept"),
    });
    clearInterval(tick);
    await writing;
    const saved = await ctx.jobs.complete(rotaId, claim, job.problem, rota);
    outcome = saved ? "done" : "superseded";
    if (saved)
      log.info(
        { status: rota.solver?.status, uncovered: rota.uncovered.length, objective: rota.solver?.objective },
        "solve finished",
      );
    else log.warn("solve finished after another worker took the job over; result discarded");
  } catch (error) {
    clearInterval(tick);
    await writing;
    if (error instanceof DeskrotaInputError) {
      await ctx.jobs.fail(rotaId, claim, "the problem cannot be solved as given", error.issues);
      log.info({ issues: error.issues.length }, "solve rejected the problem");
    } else if (error instanceof DeskrotaTimeoutError) {
      // A worker that ignores its deadline is terminated; what it was doing is not trusted.
      await ctx.jobs.fail(rotaId, claim, OVERRAN);
      log.error({ err: error }, "solve overran its time limit");
    } else {
      await ctx.jobs.fail(rotaId, claim, "internal error while solving");
      log.error({ err: error }, "solve failed");
    }
  } finally {
    ctx.metrics.solveSeconds.observe({ outcome }, (performance.now() - started) / 1000);
    clearInterval(tick);
    clearTimeout(deadline);
    ctx.shutdown.removeEventListener("abort", onShutdown);
  }
}
