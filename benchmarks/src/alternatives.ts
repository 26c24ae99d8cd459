import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import {
  alternatives,
  difference,
  fewestAlternativeChanges,
  highsBackend,
  PROFILES,
  profileWeights,
  resolveWeights,
  solve,
} from "@deskrota/core/internal";
import loadHighs from "highs";
import { EXAMPLE_INSTANCES, loadProblem } from "./instances";
import { median } from "./stats";

/**
 * `pnpm --filter @deskrota/benchmarks alternatives [--work N] [--seeds 1,2,3] [--exact SECONDS]
 * [--instances typical-week,dst-week]`: issue 16's figures
 * for alternatives on typical-week and dst-week at a fixed work budget (deterministic, so the load
 * of the machine changes the time taken but not the figures). Per profile and seed: offered or
 * dropped, its goal against the balanced rota with the margin asked, and the share of the balanced
 * rota it changes — beside the share a solve from scratch with the profile's weights changes (how
 * alternatives were made before they started from the balanced rota). The alternatives are made
 * with HiGHS as their exact step (nodes in proportion to the work budget, so still deterministic).
 * Each offered alternative's person-slots changed are set beside the fewest a rota holding its
 * figures needs (the exact model, `fewestAlternativeChanges`, up to SECONDS of HiGHS each: proven,
 * or the best found and the bound).
 */
const { values } = parseArgs({
  options: {
    work: { type: "string", default: "20000" },
    seeds: { type: "string", default: "1,2,3" },
    exact: { type: "string", default: "30" },
    instances: { type: "string", default: "typical-week,dst-week" },
  },
});
const work = Number(values.work);
const seeds = values.seeds.split(",").map(Number);
const exactSeconds = Number(values.exact);
const backend = highsBackend(await loadHighs());
const INSTANCES = values.instances.split(",");

interface Row {
  instance: string;
  seed: number;
  profile: string;
  offered: boolean;
  goal: string;
  changedPct: number | null;
  changes: number | null;
  fromScratchPct: number;
  tradeOff: string;
  /** person-slots placed differently from the balanced rota, and the fewest a rota holding its figures needs */
  slots: number | null;
  fewest: { minimum: number | null; bound: number; proven: boolean } | null;
}

const rows: Row[] = [];
const started = performance.now();
const loads = [loadavg()[0] ?? 0];
/** Seconds `alternatives()` took per instance and seed (the exact step's HiGHS included), under the load above. */
const timings: string[] = [];
for (const id of INSTANCES) {
  const instance = EXAMPLE_INSTANCES.find((i) => i.id === id);
  if (!instance) throw new Error(`no instance ${id}`);
  const problem = loadProblem(instance.ref);
  for (const seed of seeds) {
    const made = performance.now();
    const { alternatives: offered, dropped } = alternatives(problem, PROFILES.length, {
      workBudget: work,
      seed,
      exact: backend,
    });
    timings.push(`${id} seed ${seed}: ${((performance.now() - made) / 1000).toFixed(0)} s`);
    const balanced = offered[0];
    if (!balanced) throw new Error("no balanced rota");
    PROFILES.slice(1).forEach((profile, i) => {
      const scratch = solve(
        { ...problem, weights: profileWeights(resolveWeights(problem.weights), profile) },
        { workBudget: work, seed: seed + i + 1 },
      );
      const fromScratchPct = difference(problem, balanced.rota, scratch);
      const kept = offered.find((a) => a.profile === profile.id);
      const reason = dropped.find((d) => d.profile === profile.id)?.reason ?? "";
      const exact = kept
        ? fewestAlternativeChanges(problem, balanced.rota, kept.rota, profile.id, {
            backend,
            timeLimitSeconds: exactSeconds,
          })
        : undefined;
      rows.push({
        instance: id,
        seed,
        profile: profile.id,
        offered: kept !== undefined,
        goal: kept?.goal?.words ?? reason.slice(profile.id.length + 2),
        changedPct: kept?.differsFromFirst ?? null,
        changes: kept?.changes ?? null,
        fromScratchPct,
        tradeOff: kept?.tradeOff ?? "",
        slots: exact?.changes ?? null,
        fewest: exact ? { minimum: exact.minimum, bound: exact.bound, proven: exact.proven } : null,
      });
    });
    loads.push(loadavg()[0] ?? 0);
    process.stderr.write(`${id} seed ${seed}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

const cell = (x: number | null) => (x === null ? "—" : x.toFixed(1));
const fewestCell = (f: Row["fewest"]) =>
  !f ? "—" : f.proven ? `${f.minimum} (proven)` : `${f.minimum ?? "none found"} found, ≥ ${f.bound}`;
const atFewest = (r: Row) => r.fewest?.proven === true && r.slots === r.fewest.minimum;
const lines = [
  `# Alternatives: goal margin and share of the balanced rota changed`,
  "",
  `Work budget ${work} moves per profile, seeds ${seeds.join(", ")}; load average ${median(loads)?.toFixed(1)} ` +
    `(median of ${loads.length} samples), ${((performance.now() - started) / 1000).toFixed(0)} s in all. ` +
    `Fewest person-slots: the exact model, its cover, lead, keyholder and goal held, ${exactSeconds} s of HiGHS each.`,
  "",
  "| instance | seed | profile | offered | goal against balanced | % changed | changes | person-slots changed | " +
    "fewest person-slots | % changed from scratch |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.instance} | ${r.seed} | ${r.profile} | ${r.offered ? "yes" : "no"} | ${r.goal} | ` +
      `${cell(r.changedPct)} | ${r.changes ?? "—"} | ${r.slots ?? "—"} | ${fewestCell(r.fewest)} | ` +
      `${cell(r.fromScratchPct)} |`,
  ),
  "",
  "Medians of the offered alternatives, per instance:",
  "",
  ...INSTANCES.map((id) => {
    const offered = rows.filter((r) => r.instance === id && r.offered);
    const all = rows.filter((r) => r.instance === id);
    return (
      `- ${id}: ${offered.length} of ${all.length} offered; % changed ` +
      `${cell(median(offered.map((r) => r.changedPct ?? 0)))} (from scratch ` +
      `${cell(median(all.map((r) => r.fromScratchPct)))}); at the proven fewest ${offered.filter(atFewest).length} ` +
      `of ${offered.length}; person-slots changed ${offered.map((r) => r.slots).join(", ") || "—"} against the ` +
      `fewest ${offered.map((r) => r.fewest?.minimum ?? "?").join(", ") || "—"}`
    );
  }),
  "",
  `Seconds \`alternatives()\` took, all profiles: ${timings.join("; ")}.`,
  "",
  "Trade-off sentences of the offered alternatives:",
  "",
  ...rows.filter((r) => r.offered).map((r) => `- ${r.instance}, seed ${r.seed}: ${r.tradeOff}`),
  "",
];
const out = new URL("../results/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("alternatives.md", out), lines.join("\n"));
writeFileSync(new URL("alternatives.json", out), `${JSON.stringify({ work, seeds, rows }, null, 2)}\n`);
process.stdout.write(lines.join("\n"));
