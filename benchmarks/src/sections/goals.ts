import { readFileSync } from "node:fs";
import type { ResolveSummary } from "./resolve";
import type { RunRecord, SolveSummary } from "./solves";
import type { TargetRow } from "./targets";

export interface BestKnown {
  objective: number;
  /** how it was found: the command or run, so that anyone can find it again */
  how: string;
  commit: string;
}

export interface BestKnownRow {
  instance: string;
  best: BestKnown | null;
  /** the best objective of this run's solves of the instance */
  thisRun: number | null;
  /** % above the best known; negative: this run found a better rota (update best-known.json) */
  gapPct: number | null;
}

/** benchmarks/best-known.json: the best rota known per instance and how it was found. */
export function readBestKnown(): Record<string, BestKnown> {
  const file = JSON.parse(readFileSync(new URL("../../best-known.json", import.meta.url), "utf8")) as {
    instances: Record<string, BestKnown>;
  };
  return file.instances;
}

export function bestKnownRows(
  solves: SolveSummary[],
  runs: Record<string, RunRecord[]>,
  best: Record<string, BestKnown>,
): BestKnownRow[] {
  return solves.map((s) => {
    const objectives = (runs[s.instance] ?? []).flatMap((r) =>
      typeof r.run?.solver?.objective === "number" ? [r.run.solver.objective] : [],
    );
    const thisRun = objectives.length ? Math.min(...objectives) : null;
    const known = best[s.instance] ?? null;
    return {
      instance: s.instance,
      best: known,
      thisRun,
      gapPct: known && thisRun !== null ? above(thisRun, known.objective) : null,
    };
  });
}

const EXAMPLES = ["small-campus", "typical-week", "dst-week", "large-system"];

/** The goals of issue 19, judged on medians: each met, not met, or not measured in this run (—). */
export function goals(
  solves: SolveSummary[],
  resolves: ResolveSummary[],
  best: Record<string, BestKnown>,
): TargetRow[] {
  const s = (id: string) => solves.find((x) => x.instance === id);
  const rows: TargetRow[] = [];
  const row = (target: string, goal: string, measured: string | null, met: boolean | null) =>
    rows.push({ target, goal, measured: measured ?? "not run", met: measured === null ? null : met });

  for (const [id, most] of [
    ["typical-week", 2.0],
    ["dst-week", 2.1],
  ] as const) {
    for (const atS of [10, 60]) {
      const x = s(id);
      const here = x && x.timeLimitMs === atS * 1000 && x.meanHoursDeviation !== null ? x : undefined;
      row(
        `${id}: mean hours away from target at ${atS} s`,
        `≤ ${most.toFixed(1)} h`,
        here
          ? `${here.meanHoursDeviation?.toFixed(2)} h (unmet cover ${here.gapHours.cover} h, ` +
              `no lead ${here.gapHours.supervision} h)`
          : null,
        here ? (here.meanHoursDeviation as number) <= most : null,
      );
    }
  }

  const toBest = (id: string, atS: number, most: number) => {
    const x = s(id);
    const known = best[id];
    const objective = x?.anytime.find((a) => a.atS === atS)?.objective ?? null;
    const reached = x !== undefined && atS * 1000 <= x.timeLimitMs && objective !== null && known !== undefined;
    const gap = reached ? above(objective, known.objective) : null;
    row(
      `${id}: above the best rota known at ${atS} s`,
      `≤ ${most} %`,
      gap === null
        ? null
        : `${gap.toFixed(2)} % (${objective?.toFixed(1)} against ${known?.objective}` +
            `${gap < 0 ? "; better than the best known: update benchmarks/best-known.json" : ""})`,
      gap !== null ? gap <= most : null,
    );
  };
  toBest("gen-20x600", 60, 10);
  toBest("large-system", 60, 3);
  toBest("large-system", 10, 10);

  for (const [id, most] of [
    ["small-campus", 250],
    ["typical-week", 250],
    ["gen-20x600", 500],
  ] as const) {
    const x = s(id);
    row(
      `${id}: memory`,
      `≤ ${most} MB peak RSS`,
      x?.peakRssMb != null
        ? `${x.peakRssMb} MB (max ${x.peakRssMaxMb} MB) at ${x.timeLimitMs / 1000} s, ` +
            `bound in ${x.engineBoundRuns} of ${x.runs} runs`
        : null,
      x?.peakRssMb != null ? x.peakRssMb <= most && x.engineBoundRuns === x.runs : null,
    );
  }

  for (const [id, most] of [
    ["typical-week", 100],
    ["large-system", 200],
  ] as const) {
    const x = resolves.find((r) => r.instance === id);
    const p95 = x?.latencyMs.p95 ?? null;
    row(
      `${id}: re-solve after an absence`,
      `p95 ≤ ${most} ms`,
      p95 !== null
        ? `${p95} ms (p50 ${x?.latencyMs.p50} ms; in the worker p50 / p95 ${x?.workerMs.p50} / ${x?.workerMs.p95} ms)`
        : null,
      p95 !== null && p95 <= most,
    );
  }

  for (const id of EXAMPLES) {
    const x = s(id);
    const known = x?.shortStintPct != null;
    row(
      `${id}: stints under an hour`,
      "≤ 5 %, each closing a gap",
      known
        ? `${x?.shortStintPct?.toFixed(1)} %; ${x?.shortClosingGapPct?.toFixed(0) ?? "—"} % of them close a gap`
        : null,
      known ? (x?.shortStintPct as number) <= 5 && (x?.shortClosingGapPct ?? 100) >= 100 : null,
    );
  }
  return rows;
}

function above(objective: number, best: number): number {
  return Math.round(((objective - best) / Math.abs(best)) * 1e4) / 100;
}
