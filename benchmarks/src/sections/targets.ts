import type { BackendSummary } from "./backends";
import type { SolveSummary } from "./solves";

export interface TargetRow {
  target: string;
  goal: string;
  measured: string;
  /** null: not measured in this run */
  met: boolean | null;
}

/** The targets of issue 5, judged on medians. First-rota times are the caller's (worker start-up included). */
export function targets(solves: SolveSummary[], milps: BackendSummary[], resolveP95Ms: number | null): TargetRow[] {
  const s = (id: string) => solves.find((x) => x.instance === id);
  const rows: TargetRow[] = [];
  const first = (id: string, limitMs: number) => {
    const x = s(id);
    rows.push({
      target: `${id}: first valid rota`,
      goal: `≤ ${limitMs / 1000} s`,
      measured:
        x?.firstRotaMs != null ? `${sec(x.firstRotaMs)} (in the worker: ${sec(x.firstRotaInWorkerMs)})` : "not run",
      met: x?.firstRotaMs != null ? x.firstRotaMs <= limitMs : null,
    });
  };
  const gapBy = (id: string, atS: number, maxPct: number) => {
    const x = s(id);
    const point = x?.anytime.find((a) => a.atS === atS);
    const reached = x !== undefined && atS * 1000 <= x.timeLimitMs;
    // No LP or MILP bound for the instance (too big to compute here): the engine's own bound
    // (Lagrangian, on its second thread) is the best there is, when the run ended at that moment.
    const own =
      reached && point?.gapPct == null && x.timeLimitMs === atS * 1000 && x.engineGapPct != null
        ? x.engineGapPct
        : null;
    rows.push({
      target: `${id}: gap to bound by ${atS} s`,
      goal: `≤ ${maxPct} %`,
      measured: !reached
        ? "not run"
        : point?.gapPct != null
          ? `${point.gapPct.toFixed(2)} % (${x.boundSource})`
          : own !== null
            ? `${own.toFixed(2)} % (the engine's own bound; ${x.boundSource})`
            : "no bound",
      met: reached && point?.gapPct != null ? point.gapPct <= maxPct : own !== null ? own <= maxPct : null,
    });
  };
  first("small-campus", 500);
  const small = s("small-campus");
  const milp = milps.find((m) => m.case === "small-campus-week" && m.backend === "highs");
  rows.push({
    target: "small-campus: optimal",
    goal: "gap 0",
    measured:
      small?.gapPct != null
        ? `${small.gapPct.toFixed(2)} % above the best bound at ${small.timeLimitMs / 1000} s` +
          (milp?.objective != null
            ? `; HiGHS on the whole-week MILP: ${milp.objective.toFixed(1)} in ${milp.timeLimitSeconds} s ` +
              `vs the search's ${small.objective?.toFixed(1)}`
            : "")
        : "not run",
    met: small?.gapPct != null ? small.gapPct <= 0.01 : null,
  });
  first("typical-week", 2000);
  gapBy("typical-week", 10, 1);
  first("large-system", 10_000);
  gapBy("large-system", 60, 3);
  rows.push({
    target: "typical-week: re-solve after an absence",
    goal: "p95 ≤ 200 ms",
    measured: resolveP95Ms !== null ? `${resolveP95Ms} ms (warm worker pool)` : "not run",
    met: resolveP95Ms !== null ? resolveP95Ms <= 200 : null,
  });
  const large = s("large-system");
  rows.push({
    target: "large-system: memory",
    goal: "≤ 500 MB RSS",
    measured:
      large?.peakRssMb != null
        ? `${large.peakRssMb} MB peak (max ${large.peakRssMaxMb} MB), search and bound threads together`
        : "not run",
    met: large?.peakRssMb != null ? large.peakRssMb <= 500 : null,
  });
  return rows;
}

function sec(ms: number | null | undefined): string {
  return ms == null ? "—" : `${(ms / 1000).toFixed(2)} s`;
}
