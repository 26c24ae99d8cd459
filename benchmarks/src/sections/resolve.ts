import type { Publish } from "../child/protocol";
import type { ResolveRun } from "../child/resolve-task";
import { runChild } from "../child/run";
import type { BenchInstance } from "../instances";
import { percentile } from "../stats";

export interface ResolveSettings {
  /** the solve that publishes the rota: a time limit or a work budget */
  publish: Publish;
  absences: number;
}

export interface Spread {
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export interface ResolveSummary {
  instance: string;
  status: string;
  message?: string;
  absences: number;
  /** the publishing solve's time limit, or (`publishWork`) its work budget */
  publishMs?: number;
  publishWork?: number;
  publishedStints: number | null;
  /** the warm-up on the published week before the first absence (not in the latencies) */
  prepared: ResolveRun["prepared"] | null;
  /** the call with a warm worker pool, ms */
  latencyMs: Spread;
  /** the repair inside the worker, ms */
  workerMs: Spread;
  changes: Spread;
  /** share of re-solves the engine proved to make the fewest changes */
  provenMinimalPct: number | null;
  hardViolations: number;
  peakRssMb: number;
}

/** Re-solve latency and changed assignments over seeded random absences, in one fresh process. */
export async function measureResolve(
  instance: BenchInstance,
  settings: ResolveSettings,
  log: (line: string) => void,
): Promise<ResolveSummary> {
  const outcome = await runChild<ResolveRun>(
    { kind: "resolve", instance: instance.ref, publish: settings.publish, absences: settings.absences, seed: 5 },
    { killAfterMs: settings.absences * 10_000 + 60_000, rssLimitMb: 6000 },
  );
  const samples = outcome.value?.samples ?? [];
  const spread = (xs: number[]): Spread => ({
    p50: percentile(xs, 50),
    p95: percentile(xs, 95),
    max: xs.length ? Math.max(...xs) : null,
  });
  const summary: ResolveSummary = {
    instance: instance.id,
    status: outcome.status,
    ...(outcome.message ? { message: outcome.message } : {}),
    absences: samples.length,
    ...("workBudget" in settings.publish
      ? { publishWork: settings.publish.workBudget }
      : { publishMs: settings.publish.timeLimitMs }),
    publishedStints: outcome.value?.publishedStints ?? null,
    prepared: outcome.value?.prepared ?? null,
    latencyMs: spread(samples.map((s) => s.wallMs)),
    workerMs: spread(samples.map((s) => s.workerMs)),
    changes: spread(samples.map((s) => s.changes)),
    provenMinimalPct: samples.length
      ? Math.round((100 * samples.filter((s) => s.minimal).length) / samples.length)
      : null,
    hardViolations: Math.max(0, ...samples.map((s) => s.hardViolations)),
    peakRssMb: Math.round(outcome.peakRssMb),
  };
  log(
    `resolve ${instance.id}: ${outcome.status}, ${samples.length} absences, p50 ${summary.latencyMs.p50} ms, p95 ` +
      `${summary.latencyMs.p95} ms, max ${summary.latencyMs.max} ms, changes p50 ` +
      `${summary.changes.p50}${outcome.message ? ` (${outcome.message.split("\n")[0]})` : ""}`,
  );
  return summary;
}
