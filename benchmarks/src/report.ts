import type { Results } from "./results";
import type { BackendSummary } from "./sections/backends";
import type { LpTime } from "./sections/scaling";
import type { ResolveSummary } from "./sections/resolve";
import { CHECKPOINTS_S } from "./sections/solves";
import { renderRepairs } from "./sections/repairs";
import { renderTerms } from "./sections/term";

/** benchmarks/results/latest.md: the figures a person reads; the conclusions live in docs/benchmarks.md. */
export function renderReport(r: Results): string {
  const m = r.machine;
  const out: string[] = [];
  const line = (s = "") => out.push(s);
  line(`# deskrota benchmarks — ${r.mode} run`);
  line();
  line(
    `${m.date.slice(0, 16).replace("T", " ")} UTC · ${m.cores} cores (${m.cpu}) · ${m.memoryGb} GB · ` +
      `Node ${m.node} · ${Math.round(r.durationS / 60)} min · commit ` +
      `${r.revision.commit}${r.revision.engineDirty ? " with uncommitted engine changes in the working tree" : ""}`,
  );
  line();
  if (r.revision.engineVersions.length > 1) {
    line(
      `**The engine's sources changed during this run** (${r.revision.engineVersions.length} versions measured): ` +
        `figures from different sections may come from different versions of the engine.`,
    );
    line();
  }
  line(
    `Load average at start ${m.loadAtStart.join(" / ")} (1/5/15 min); during the run (1 min, sampled every 10 s) ` +
      `median ${r.load.median}, max ${r.load.max}.` +
      // The benchmark itself keeps both cores busy (search and bound threads): more than that is other work.
      (r.load.median > m.cores + 0.5
        ? " **The machine was shared with other work during the run**: timings are noisier and slower than on an " +
          "idle machine."
        : ""),
  );
  line();
  line(
    `Every figure is the median over runs, each run in a fresh Node process; \`pnpm ` +
      `bench${r.mode === "quick" ? " --quick" : ""}\` reproduces it (problems are examples or seeded). Gaps are ` +
      `(objective − bound) / objective against the best bound known for the instance (see the bound column). ` +
      `Memory is the peak resident set of the whole process (the engine's search and bound worker threads ` +
      `included), from the kernel's high-water mark.`,
  );
  line();
  line("## Targets (issue 5)");
  line();
  table(
    out,
    ["target", "goal", "measured (median)", "met"],
    r.targets.map((t) => [t.target, t.goal, t.measured, t.met === null ? "—" : t.met ? "yes" : "**no**"]),
  );

  line("## Goals (issue 19)");
  line();
  table(
    out,
    ["goal", "target", "measured (median)", "met"],
    (r.goals ?? []).map((t) => [t.target, t.goal, t.measured, t.met === null ? "—" : t.met ? "yes" : "**no**"]),
  );
  line("Best rotas known (`benchmarks/best-known.json`), against the best of this run's solves:");
  line();
  table(
    out,
    ["instance", "best known", "how it was found", "best this run", "above it"],
    (r.bestKnown ?? []).map((b) => [
      b.instance,
      b.best ? num(b.best.objective, 1) : "—",
      b.best ? `${b.best.how} (${b.best.commit})` : "—",
      num(b.thisRun, 1),
      b.gapPct === null ? "—" : b.gapPct < 0 ? `${pct(b.gapPct)} (a new best: record it)` : pct(b.gapPct),
    ]),
  );

  certificate(out, r);

  line("## Solving: speed and memory");
  line();
  line(
    "First rota as the caller of `@deskrota/engine` sees it with a warm worker pool (a long-running service; compile " +
      "and the first construction step included), and inside the search worker. Overrun: time past the limit until " +
      "the rota is back with the caller.",
  );
  const cold = r.solves.map((s) => s.coldFirstRotaMs).filter((x): x is number => x !== null);
  if (cold.length > 0)
    line(
      `Cold start, for comparison: the first solve in a fresh process (small-campus: the engine bundled, and the ` +
        `pool's threads started from it) shows its first rota after ` +
        `${sec(cold.sort((a, b) => a - b)[Math.floor(cold.length / 2)] ?? null)} (median over all measured ` +
        `processes).`,
    );
  line();
  table(
    out,
    [
      "instance",
      "sites × people",
      "runs × limit",
      "first rota (caller)",
      "first rota (worker)",
      "moves/s",
      "peak RSS (max)",
      "overrun (max)",
      "status",
    ],
    r.solves.map((s) => {
      const inst = r.instances.find((i) => i.id === s.instance);
      return [
        s.instance,
        `${inst?.sites} × ${inst?.people}`,
        `${s.runs} × ${s.timeLimitMs / 1000} s${s.failed ? ` (${s.failed} failed)` : ""}`,
        sec(s.firstRotaMs),
        sec(s.firstRotaInWorkerMs),
        num(s.movesPerSecond),
        `${mb(s.peakRssMb)} (${mb(s.peakRssMaxMb)})`,
        `${sec(s.overrunMs)} (${sec(s.overrunMaxMs)})`,
        Object.entries(s.statuses)
          .map(([k, v]) => `${v}× ${k}`)
          .join(", "),
      ];
    }),
  );

  const failures = Object.entries(r.solveRuns).flatMap(([id, runs]) =>
    runs
      .filter((x) => !x.run)
      .map((x) => `- ${id}, seed ${x.seed}: ${x.status} — ${(x.message ?? "").split("\n")[0]?.slice(0, 400)}`),
  );
  if (failures.length > 0) {
    line("Runs that returned no rota:");
    line();
    out.push(...failures, "");
  }
  line("## Solving: the anytime curve");
  line();
  line(
    "Gap of the best rota found by each moment (seconds after the call) to the instance's bound, and how long it " +
      'took to come within 10 % and 1 % of it. "engine\'s gap" is what the engine reported itself, with the bound ' +
      "its second thread computed within the time limit — LP and MILP on a small week, Lagrangian on a larger one " +
      "(runs that had one / runs).",
  );
  line();
  table(
    out,
    [
      "instance",
      "bound (source)",
      "gap of first rota",
      ...CHECKPOINTS_S.map((s) => `gap @ ${s} s`),
      "to ≤ 10 %",
      "to ≤ 1 %",
      "final objective",
      "engine's gap",
    ],
    r.solves.map((s) => [
      s.instance,
      s.bound === null ? `none (${s.boundSource})` : `${s.bound.toFixed(1)} (${s.boundSource})`,
      pct(s.firstRotaGapPct),
      ...s.anytime.map((a) =>
        a.gapPct !== null ? pct(a.gapPct) : a.objective !== null ? `obj ${a.objective.toFixed(0)}` : "—",
      ),
      s.bound === null ? "—" : s.timeToGapMs.within10 === null ? "not reached" : sec(s.timeToGapMs.within10),
      s.bound === null ? "—" : s.timeToGapMs.within1 === null ? "not reached" : sec(s.timeToGapMs.within1),
      num(s.objective, 1),
      s.engineBoundRuns > 0
        ? `${pct(s.engineGapPct)} (${s.engineBoundRuns}/${s.runs - s.failed})`
        : `no bound (0/${s.runs - s.failed})`,
    ]),
  );

  line("## Solving: the final rota");
  line();
  table(
    out,
    [
      "instance",
      "min cover",
      "target cover",
      "unmet h: cover",
      "no lead",
      "no keyholder",
      "mean |hours − target|",
      "hard violations (checker)",
    ],
    r.solves.map((s) => [
      s.instance,
      pct(s.minCoverPct),
      pct(s.targetCoverPct),
      num(s.gapHours.cover, 1),
      num(s.gapHours.supervision, 1),
      num(s.gapHours.keyholder, 1),
      `${num(s.meanHoursDeviation, 2)} h`,
      String(s.hardViolations),
    ]),
  );

  line("## Backends: the LP relaxation (the engine's lower bound)");
  line();
  line(
    `The engine's HiGHS adapter solves the relaxation with interior point (IPM); dual simplex, HiGHS's default and ` +
      `the adapter's earlier choice, is measured beside it on the same model. Limits: ` +
      `${r.settings.lp.map(lpLimit).join("; ")}. A backend is killed ${r.settings.graceSeconds} s after its ` +
      `limit or at ${r.settings.rssLimitMb} MB; javascript-lp-solver is not started when its dense tableau ` +
      `would exceed ${r.settings.denseLimitGb} GB.`,
  );
  line();
  const lpCell = (l: BackendSummary | undefined) =>
    l ? [outcome(l), sec(l.timeMs), mb(l.peakRssMb)] : ["not run", "—", "—"];
  table(
    out,
    [
      "instance",
      "model (cols × rows, non-zeros)",
      "bound",
      "HiGHS (adapter, IPM): outcome",
      "time",
      "RSS",
      "HiGHS dual simplex: outcome",
      "time",
      "RSS",
      "javascript-lp-solver: outcome",
      "time",
      "RSS",
    ],
    r.instances.flatMap((inst) => {
      const of = (b: string) => r.lp.find((l) => l.instance === inst.id && l.backend === b);
      const any = r.lp.find((l) => l.instance === inst.id && l.size !== null);
      if (!any) return [];
      const bound = of("highs")?.bound ?? of("highs-simplex")?.bound ?? null;
      return [
        [
          inst.id,
          size(any),
          num(bound, 1),
          ...lpCell(of("highs")),
          ...lpCell(of("highs-simplex")),
          ...lpCell(of("jslp")),
        ],
      ];
    }),
  );

  line("## Backends: MILP models and sub-problems (and one small LP)");
  line();
  line(
    `The same model for both backends, with the same time limit; every answer is checked (bounds, rows, integrality) ` +
      `and only a verified point counts as an objective. "solver RSS" is the peak above the process's RSS once the ` +
      `model was built. Overrun: time past the limit (≥ the grace period when killed). Warm-up: loading the ` +
      `backend and a first tiny solve, paid once per process or worker.`,
  );
  line();
  table(
    out,
    [
      "sub-problem",
      "model",
      "backend",
      "limit",
      "outcome (runs)",
      "time",
      "objective",
      "bound",
      "peak RSS (solver)",
      "max overrun",
      "warm-up",
    ],
    r.milp.map((b) => [
      b.label,
      size(b),
      backendName(b.backend),
      `${b.timeLimitSeconds} s`,
      outcome(b),
      sec(b.timeMs),
      num(b.objective, 1),
      num(b.bound, 1),
      `${mb(b.peakRssMb)} (${mb(b.solverRssMb)})`,
      sec(b.overrunMaxMs),
      sec(b.warmupMs),
    ]),
  );

  line("## Scaling");
  line();
  table(
    out,
    [
      "instance",
      "sites × people",
      "slots",
      "LP columns",
      "non-zeros",
      "first rota (worker)",
      "first rota (caller)",
      "moves/s",
      "peak RSS (solve)",
      "LP bound (IPM)",
      "LP: dual simplex",
      "peak RSS (LP)",
    ],
    r.scaling.rows.map((s) => [
      s.instance,
      `${s.sites} × ${s.people}`,
      num(s.slots),
      num(s.cols),
      num(s.nonzeros),
      sec(s.firstRotaInWorkerMs),
      sec(s.firstRotaMs),
      num(s.movesPerSecond),
      mb(s.peakRssMb),
      lpTime(s.lpBound),
      lpTime(s.lpSimplex),
      mb(s.lpRssMb),
    ]),
  );
  const g = r.scaling.growth;
  line(
    `Growth over the generated series, as y ≈ c · people^k: first rota in the worker k = ` +
      `${num(g.firstRotaInWorker, 2)}, as the caller sees it k = ${num(g.firstRota, 2)}; moves per second k = ` +
      `${num(g.movesPerSecond, 2)}; model non-zeros k = ${num(g.modelSize, 2)}; LP bound time k = ` +
      `${num(g.lpBound, 2)} (instances whose LP finished); peak RSS k = ${num(g.peakRss, 2)} (a fixed floor of ` +
      `Node and two worker threads included).`,
  );
  line();
  line("## Re-solve after an absence");
  line();
  line(
    "A rota is published (a solve with the limit or work budget shown), then re-solved after each of the random " +
      "absences in turn, each against the published rota: one person drops one published stint, two hours before it " +
      "starts. Latency is " +
      'the `@deskrota/engine` call with a warm worker pool; "in the worker" is the repair itself. Changes are ' +
      "stints removed + added + moved. Between the publish and the first absence a thread warms on the published " +
      "week (`prepare`: repairs after absences of its own, thrown away), as a service does before its first " +
      'absence; awaited, and timed on its own ("warmed on the week"), not in the latencies.',
  );
  line();
  const spread = (s: { p50: number | null; p95: number | null; max: number | null }, unit = "") =>
    `${num(s.p50)}${unit} / ${num(s.p95)}${unit} / ${num(s.max)}${unit}`;
  table(
    out,
    [
      "instance",
      "published",
      "warmed on the week",
      "absences",
      "latency p50 / p95 / max",
      "in the worker p50 / p95 / max",
      "changes p50 / p95 / max",
      "proven fewest changes",
      "hard violations (checker)",
      "peak RSS",
    ],
    r.resolves.map((x) => [
      x.instance,
      `${x.publishedStints ?? "—"} stints after ${published(x)}`,
      x.prepared ? `${x.prepared.repairs} repairs, ${x.prepared.wallMs} ms (CPU ${x.prepared.cpuMs} ms)` : "—",
      x.status === "ok" ? String(x.absences) : `${x.status}: ${(x.message ?? "").split("\n")[0]?.slice(0, 200)}`,
      spread(x.latencyMs, " ms"),
      spread(x.workerMs, " ms"),
      spread(x.changes),
      x.provenMinimalPct === null ? "—" : `${x.provenMinimalPct} %`,
      String(x.hardViolations),
      mb(x.peakRssMb),
    ]),
  );
  if (r.repairs?.length) out.push(...renderRepairs(r.repairs));
  if (r.terms?.length || r.imports?.length) out.push(...renderTerms(r.terms ?? [], r.imports ?? []));
  return out.join("\n");
}

function lpTime(t: LpTime | null): string {
  if (!t) return "not run";
  return t.seconds === null ? `not solved in ${t.limitSeconds} s` : `${t.seconds.toFixed(1)} s`;
}

function lpLimit(l: { backend: string; limitSeconds: number; only?: readonly string[] }): string {
  return `${backendName(l.backend)} ${l.limitSeconds} s${l.only ? ` (${l.only.join(", ")})` : ""}`;
}

/** Issue 16: the engine's own certificate at 10 s and 60 s, and how often the bound's task ends in time. */
function certificate(out: string[], r: Results): void {
  if (!r.certificate) return;
  out.push("## The quality certificate (issue 16)", "");
  table(
    out,
    ["goal", "target", "measured (median)", "met"],
    (r.certificateGoals ?? []).map((t) => [
      t.target,
      t.goal,
      t.measured,
      t.met === null ? "—" : t.met ? "yes" : "**no**",
    ]),
  );
  out.push(
    "The gap each run reported (its rota and its own bound at that moment; none where the bound was still too weak), " +
      "the bound alone against the best rota known, and the runs whose bound task handed back its final bound " +
      "within the limit:",
    "",
  );
  const at = (row: NonNullable<Results["certificate"]>[number], atS: number) => {
    const a = row.at.find((x) => x.atS === atS);
    if (!a || atS * 1000 > row.timeLimitMs) return ["not run", "—"];
    const none = a.noUsefulBound > 0 ? ` (${a.noUsefulBound} without)` : "";
    return [`${pct(a.reportedGapPct)}${none}`, pct(a.boundToBestPct)];
  };
  table(
    out,
    [
      "instance",
      "limit",
      "gap at 10 s",
      "bound below best known, 10 s",
      "gap at 60 s",
      "bound below best known, 60 s",
      "bound finished",
    ],
    r.certificate.map((row) => [
      row.instance,
      sec(row.timeLimitMs),
      ...at(row, 10),
      ...at(row, 60),
      `${row.boundFinished} of ${row.runs}`,
    ]),
  );
}

function backendName(b: string): string {
  return { highs: "HiGHS", "highs-simplex": "HiGHS dual simplex", jslp: "javascript-lp-solver" }[b] ?? b;
}

function table(out: string[], head: string[], rows: string[][]): void {
  out.push(
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
  );
}

function outcome(b: BackendSummary): string {
  const counts = new Map<string, number>();
  for (const o of b.outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  const text = [...counts].map(([k, v]) => (b.outcomes.length > 1 ? `${v}× ${k}` : k)).join(", ");
  return b.message && !b.outcomes.every((o) => o === "optimal") ? `${text}: ${b.message}` : text;
}

function size(b: BackendSummary): string {
  const s = b.size;
  return s ? `${s.cols} × ${s.rows}, ${s.nonzeros}` : "—";
}

function sec(ms: number | null): string {
  return ms === null ? "—" : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function mb(x: number | null): string {
  return x === null ? "—" : `${Math.round(x)} MB`;
}

function pct(x: number | null): string {
  return x === null ? "—" : `${x.toFixed(2)} %`;
}

function num(x: number | null, digits = 0): string {
  return x === null ? "—" : x.toFixed(digits);
}

/** How a re-solve line's rota was published: its work budget or its time limit. */
function published(x: Pick<ResolveSummary, "publishMs" | "publishWork">): string {
  return x.publishWork !== undefined ? `${x.publishWork} moves` : `${(x.publishMs ?? 0) / 1000} s`;
}
