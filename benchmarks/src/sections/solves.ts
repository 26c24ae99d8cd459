import { gapOf } from "@deskrota/core/internal";
import { runChild } from "../child/run";
import type { SolveRun } from "../child/solve-task";
import type { BenchInstance } from "../instances";
import { median } from "../stats";

/** Seconds after the call at which the anytime curve is read. */
export const CHECKPOINTS_S = [1, 5, 10, 30, 60] as const;

export interface SolveSettings {
  runs: number;
  timeLimitMs: number;
}

export interface RunRecord {
  seed: number;
  status: string;
  message?: string;
  peakRssMb: number;
  run?: SolveRun;
}

export interface SolveSummary {
  instance: string;
  runs: number;
  failed: number;
  timeLimitMs: number;
  /** the bound the gaps are measured against, and where it came from */
  bound: number | null;
  boundSource: string;
  /** first rota as the engine's caller sees it with a warm worker pool, ms */
  firstRotaMs: number | null;
  /** the same for the first solve in a fresh process (small-campus, cold workers), ms */
  coldFirstRotaMs: number | null;
  /** the same inside the search worker (compile + first construction sweep), ms */
  firstRotaInWorkerMs: number | null;
  /** gap of that first rota: a first rota can be a partial construction */
  firstRotaGapPct: number | null;
  /** time until the best rota is within 10 % and 1 % of the bound; null when most runs never got there */
  timeToGapMs: { within10: number | null; within1: number | null };
  anytime: { atS: number; objective: number | null; gapPct: number | null }[];
  objective: number | null;
  gapPct: number | null;
  /** the gap the engine itself reported (its own LP bound, if it had one in time) */
  engineGapPct: number | null;
  engineBoundRuns: number;
  minCoverPct: number | null;
  targetCoverPct: number | null;
  gapHours: { cover: number | null; supervision: number | null; keyholder: number | null };
  meanHoursDeviation: number | null;
  /** stints under an hour, % of all stints; and % of them that close a gap */
  shortStintPct: number | null;
  shortClosingGapPct: number | null;
  hardViolations: number;
  peakRssMb: number | null;
  peakRssMaxMb: number | null;
  /** time past the limit until the rota was back with the caller, ms */
  overrunMs: number | null;
  overrunMaxMs: number | null;
  movesPerSecond: number | null;
  statuses: Record<string, number>;
}

/** Runs the engine `runs` times (seeds 1…runs), each in a fresh process, and summarises by medians. */
export async function measureSolves(
  instance: BenchInstance,
  settings: SolveSettings,
  bound: { value: number | null; source: string },
  log: (line: string) => void,
): Promise<{ runs: RunRecord[]; summary: SolveSummary }> {
  const runs: RunRecord[] = [];
  for (let seed = 1; seed <= settings.runs; seed++) {
    const outcome = await runChild<SolveRun>(
      { kind: "solve", instance: instance.ref, timeLimitMs: settings.timeLimitMs, seed },
      { killAfterMs: settings.timeLimitMs + 60_000, rssLimitMb: 6000 },
    );
    const record: RunRecord = {
      seed,
      status: outcome.status,
      peakRssMb: Math.round(outcome.peakRssMb),
      ...(outcome.message ? { message: outcome.message } : {}),
      ...(outcome.value ? { run: outcome.value } : {}),
    };
    runs.push(record);
    const v = outcome.value;
    log(
      `solve ${instance.id} seed ${seed}: ${outcome.status}` +
        (v
          ? ` first ${v.curve[0]?.[0] ?? "—"} ms, objective ${v.solver?.objective}, ` +
            `${v.wallMs} ms, ${record.peakRssMb} MB`
          : ` ${outcome.message ?? ""}`),
    );
  }
  return { runs, summary: summarise(instance, settings, runs, tightest(bound, runs)) };
}

/**
 * Every bound an engine run reports is proven too (its Lagrangian, LP or MILP dual bound on the
 * second core): where the best of them is tighter than the one measured beforehand, the gaps are
 * measured against it.
 */
function tightest(
  bound: { value: number | null; source: string },
  records: RunRecord[],
): { value: number | null; source: string } {
  const reported = records.flatMap((r) =>
    typeof r.run?.solver?.bestBound === "number" ? [r.run.solver.bestBound] : [],
  );
  const best = reported.length ? Math.max(...reported) : null;
  return best !== null && (bound.value === null || best > bound.value)
    ? { value: best, source: `engine, best of ${records.length} runs` }
    : bound;
}

function summarise(
  instance: BenchInstance,
  settings: SolveSettings,
  records: RunRecord[],
  bound: { value: number | null; source: string },
): SolveSummary {
  const ok = records.flatMap((r) => (r.run ? [r.run] : []));
  const pct = (gap: number | null) => (gap === null ? null : Math.round(gap * 1e4) / 100);
  const gap = (objective: number | null) => (objective === null ? null : gapOf(objective, bound.value));
  const at = (run: SolveRun, ms: number) => {
    let best: number | null = null;
    for (const [t, objective] of run.curve) if (t <= ms) best = objective;
    return best;
  };
  const reach = (run: SolveRun, within: number) => {
    for (const [t, objective] of run.curve) if ((gap(objective) ?? Infinity) <= within) return t;
    return null;
  };
  const statuses: Record<string, number> = {};
  for (const run of ok) statuses[run.solver?.status ?? "none"] = (statuses[run.solver?.status ?? "none"] ?? 0) + 1;
  const overruns = ok.map((r) => r.wallMs - settings.timeLimitMs);
  return {
    instance: instance.id,
    runs: records.length,
    failed: records.length - ok.length,
    timeLimitMs: settings.timeLimitMs,
    bound: bound.value,
    boundSource: bound.source,
    firstRotaMs: median(ok.map((r) => r.curve[0]?.[0])),
    coldFirstRotaMs: median(ok.map((r) => r.coldFirstRotaMs)),
    firstRotaInWorkerMs: median(ok.map((r) => r.solver?.firstRotaMs)),
    firstRotaGapPct: median(ok.map((r) => pct(gap(r.curve[0]?.[1] ?? null)))),
    timeToGapMs: {
      within10: medianOrNever(ok.map((r) => reach(r, 0.1))),
      within1: medianOrNever(ok.map((r) => reach(r, 0.01))),
    },
    anytime: CHECKPOINTS_S.map((s) => {
      const reached = s * 1000 <= settings.timeLimitMs;
      const objectives = reached ? ok.map((r) => at(r, s * 1000)) : [];
      return { atS: s, objective: median(objectives), gapPct: median(objectives.map((o) => pct(gap(o)))) };
    }),
    objective: median(ok.map((r) => r.solver?.objective)),
    gapPct: median(ok.map((r) => pct(gap(r.solver?.objective ?? null)))),
    engineGapPct: median(ok.map((r) => pct(r.solver?.gap ?? null))),
    engineBoundRuns: ok.filter((r) => r.solver?.bestBound !== null && r.solver?.bestBound !== undefined).length,
    minCoverPct: median(ok.map((r) => r.metrics.minCoverPct)),
    targetCoverPct: median(ok.map((r) => r.metrics.targetCoverPct)),
    gapHours: {
      cover: median(ok.map((r) => r.metrics.gapHours.cover)),
      supervision: median(ok.map((r) => r.metrics.gapHours.supervision)),
      keyholder: median(ok.map((r) => r.metrics.gapHours.keyholder)),
    },
    meanHoursDeviation: median(ok.map((r) => r.metrics.meanHoursDeviation)),
    shortStintPct: median(ok.map((r) => (r.stints.stints > 0 ? pct(r.stints.short / r.stints.stints) : null))),
    shortClosingGapPct: median(ok.map((r) => (r.stints.short > 0 ? pct(r.stints.closingGap / r.stints.short) : null))),
    hardViolations: Math.max(0, ...ok.map((r) => r.hardViolations)),
    peakRssMb: median(records.map((r) => r.peakRssMb)),
    peakRssMaxMb: records.length ? Math.max(...records.map((r) => r.peakRssMb)) : null,
    overrunMs: median(overruns),
    overrunMaxMs: overruns.length ? Math.max(...overruns) : null,
    movesPerSecond: median(
      ok.map((r) =>
        r.solver?.iterations !== undefined && r.solver.timeMs > 0
          ? Math.round((r.solver.iterations * 1000) / r.solver.timeMs)
          : null,
      ),
    ),
    statuses,
  };
}

/** Median where null means "never": null when at least half the runs never got there. */
function medianOrNever(values: (number | null)[]): number | null {
  const xs = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  const m = xs.length % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
  return Number.isFinite(m) ? m : null;
}
