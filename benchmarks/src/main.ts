import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { machine, revision } from "./machine";
import { planFor } from "./plan";
import { renderReport } from "./report";
import type { Results } from "./results";
import { enginesSeen } from "./child/run";
import { certificateGoals, certificateRows } from "./sections/certificate";
import { bestKnownRows, goals, readBestKnown } from "./sections/goals";
import { measureBackend, type BackendCase, type BackendSummary } from "./sections/backends";
import { measureRepairs, type RepairsSummary } from "./sections/repairs";
import { measureResolve, type ResolveSummary } from "./sections/resolve";
import { scaling } from "./sections/scaling";
import { measureSolves, type RunRecord, type SolveSummary } from "./sections/solves";
import { targets } from "./sections/targets";
import { type ImportResult, measureImport, measureTerm, type TermResult } from "./sections/term";
import { median } from "./stats";

/**
 * `pnpm bench [--quick] [--instances a,b]` (`--instances term`: the term plan alone; `repairs`: the repairs
 * against the proven minimum alone; `resolve`: the re-solves after an absence alone): bounds and
 * backends first (the gaps need the bounds), then the engine on every instance, then the derived
 * tables, then the term plan. One measured thing at a time: the machine has two cores.
 */
const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, instances: { type: "string" } },
});
const plan = planFor(values.quick ? "quick" : "full", values.instances?.split(","));
const host = machine();
const source = revision();
const started = performance.now();
const loads: number[] = [];
const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 10_000);
const log = (line: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
log(`${plan.mode} run on ${host.cores} cores, load ${host.loadAtStart.join(" / ")}`);

const lp: BackendSummary[] = [];
for (const { instance } of plan.solves) {
  for (const { backend, limitSeconds, only } of plan.lp) {
    if (only && !only.includes(instance.id)) continue;
    const c: BackendCase = {
      id: `lp-${instance.id}`,
      instance,
      part: { kind: "week" },
      label: `${instance.id}: LP relaxation`,
      relaxation: true,
      timeLimitSeconds: limitSeconds,
    };
    lp.push(await measureBackend(c, backend, plan.backend, log));
  }
}
const milp: BackendSummary[] = [];
for (const c of plan.milps) {
  for (const backend of ["highs", "jslp"] as const) milp.push(await measureBackend(c, backend, plan.backend, log));
}

const solves: SolveSummary[] = [];
const solveRuns: Record<string, RunRecord[]> = {};
for (const { instance, settings } of plan.solves) {
  const measured = await measureSolves(instance, settings, bestBound(instance.id, lp, milp), log);
  solves.push(measured.summary);
  solveRuns[instance.id] = measured.runs;
}
const resolves: ResolveSummary[] = [];
for (const { instance, settings } of plan.resolves) resolves.push(await measureResolve(instance, settings, log));
const repairs: RepairsSummary[] = [];
for (const { instance, settings } of plan.repairs) repairs.push(await measureRepairs(instance, settings, log));
const terms: TermResult[] = [];
for (const { instance, settings } of plan.terms) terms.push(await measureTerm(instance, settings, log));
const imports: ImportResult[] = plan.imports.map(measureImport);
clearInterval(sampler);

const instances = plan.solves.map((s) => s.instance);
const known = readBestKnown();
const certificate = certificateRows(solves, solveRuns, known);
const results: Results = {
  mode: plan.mode,
  machine: host,
  revision: { ...source, engineVersions: [...enginesSeen] },
  load: {
    median: round2(median(loads) ?? host.loadAtStart[0]),
    max: round2(Math.max(host.loadAtStart[0], ...loads)),
    samples: loads.length,
  },
  durationS: Math.round((performance.now() - started) / 1000),
  settings: {
    lp: plan.lp,
    graceSeconds: plan.backend.graceSeconds,
    rssLimitMb: plan.backend.rssLimitMb,
    denseLimitGb: plan.backend.denseLimitBytes / 2 ** 30,
    backendRuns: plan.backend.runs,
  },
  instances: instances.map(({ id, sites, people, note, ref }) => ({ id, sites, people, note, ref })),
  targets: targets(solves, milp, resolves.find((x) => x.instance === "typical-week")?.latencyMs.p95 ?? null),
  goals: goals(solves, resolves, known),
  bestKnown: bestKnownRows(solves, solveRuns, known),
  certificateGoals: certificateGoals(certificate),
  certificate,
  solves,
  solveRuns,
  lp,
  milp,
  scaling: scaling(instances, solves, lp),
  resolves,
  repairs,
  terms,
  imports,
};
const dir = new URL("../results/", import.meta.url);
mkdirSync(dir, { recursive: true });
// Only a full run of everything replaces latest.*: quick and partial runs go beside it.
const name = plan.mode === "quick" ? "latest-quick" : values.instances ? "latest-partial" : "latest";
writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(new URL(`${name}.md`, dir), renderReport(results));
log(`wrote benchmarks/results/${name}.md and ${name}.json`);

/**
 * The best lower bound known for an instance: its LP relaxation, or the dual bound of a HiGHS
 * MILP run on its whole week where there is one (tighter).
 */
function bestBound(
  id: string,
  lps: BackendSummary[],
  milps: BackendSummary[],
): { value: number | null; source: string } {
  const candidates: { value: number; source: string }[] = [];
  const relaxed = lps.filter((l) => l.instance === id && l.backend !== "jslp");
  for (const l of relaxed) if (l.bound !== null) candidates.push({ value: l.bound, source: "LP" });
  for (const m of milps) {
    if (m.instance === id && m.part === "week" && m.backend === "highs" && m.bound != null)
      candidates.push({ value: m.bound, source: `MILP ${m.timeLimitSeconds} s` });
  }
  if (candidates.length === 0)
    return {
      value: null,
      source: relaxed.length ? `LP: ${relaxed.flatMap((l) => l.outcomes).join(", ")}` : "no LP run",
    };
  return candidates.reduce((a, b) => (b.value > a.value ? b : a));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
