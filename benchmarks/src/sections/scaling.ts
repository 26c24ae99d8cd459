import type { BenchInstance } from "../instances";
import { growthExponent } from "../stats";
import type { BackendSummary } from "./backends";
import type { SolveSummary } from "./solves";

/** seconds to solve, null when not solved within the limit */
export interface LpTime {
  seconds: number | null;
  limitSeconds: number;
}

export interface ScalingRow {
  instance: string;
  generated: boolean;
  sites: number;
  people: number;
  slots: number | null;
  /** the LP relaxation as the engine builds it */
  cols: number | null;
  nonzeros: number | null;
  firstRotaMs: number | null;
  firstRotaInWorkerMs: number | null;
  movesPerSecond: number | null;
  peakRssMb: number | null;
  /** the LP bound with the engine's adapter (interior point) and forced to dual simplex; null when not run */
  lpBound: LpTime | null;
  lpSimplex: LpTime | null;
  lpRssMb: number | null;
}

/** y ≈ c·people^k over the generated series (one generator, so the instances are alike but for size). */
export interface Growth {
  firstRotaInWorker: number | null;
  firstRota: number | null;
  movesPerSecond: number | null;
  peakRss: number | null;
  modelSize: number | null;
  lpBound: number | null;
}

export function scaling(
  instances: BenchInstance[],
  solves: SolveSummary[],
  lps: BackendSummary[],
): { rows: ScalingRow[]; growth: Growth } {
  const rows = instances.map((instance): ScalingRow => {
    const solve = solves.find((s) => s.instance === instance.id);
    const lp = lps.find((l) => l.instance === instance.id && l.size !== null);
    const time = (backend: string): LpTime | null => {
      const l = lps.find((x) => x.instance === instance.id && x.backend === backend);
      if (!l) return null;
      const solved = l.outcomes.includes("optimal") && l.timeMs !== null;
      return { seconds: solved && l.timeMs !== null ? l.timeMs / 1000 : null, limitSeconds: l.timeLimitSeconds };
    };
    return {
      instance: instance.id,
      generated: instance.ref.kind === "generated",
      sites: instance.sites,
      people: instance.people,
      slots: lp?.size?.slots ?? null,
      cols: lp?.size?.cols ?? null,
      nonzeros: lp?.size?.nonzeros ?? null,
      firstRotaMs: solve?.firstRotaMs ?? null,
      firstRotaInWorkerMs: solve?.firstRotaInWorkerMs ?? null,
      movesPerSecond: solve?.movesPerSecond ?? null,
      peakRssMb: solve?.peakRssMb ?? null,
      lpBound: time("highs"),
      lpSimplex: time("highs-simplex"),
      lpRssMb: lps.find((x) => x.instance === instance.id && x.backend === "highs")?.peakRssMb ?? null,
    };
  });
  const series = rows.filter((r) => r.generated);
  const fit = (pick: (r: ScalingRow) => number | null) => round(growthExponent(series.map((r) => [r.people, pick(r)])));
  return {
    rows,
    growth: {
      firstRotaInWorker: fit((r) => r.firstRotaInWorkerMs),
      firstRota: fit((r) => r.firstRotaMs),
      movesPerSecond: fit((r) => r.movesPerSecond),
      peakRss: fit((r) => r.peakRssMb),
      modelSize: fit((r) => r.nonzeros),
      lpBound: fit((r) => r.lpBound?.seconds ?? null),
    },
  };
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}
