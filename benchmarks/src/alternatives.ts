import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { alternatives, difference, PROFILES, profileWeights, resolveWeights, solve } from "@deskrota/core/internal";
import { EXAMPLE_INSTANCES, loadProblem } from "./instances";
import { median } from "./stats";

/**
 * `pnpm --filter @deskrota/benchmarks alternatives [--work N] [--seeds 1,2,3]`: issue 16's figures
 * for alternatives on typical-week and dst-week at a fixed work budget (deterministic, so the load
 * of the machine changes the time taken but not the figures). Per profile and seed: offered or
 * dropped, its goal against the balanced rota with the margin asked, and the share of the balanced
 * rota it changes — beside the share a solve from scratch with the profile's weights changes (how
 * alternatives were made before they started from the balanced rota).
 */
const { values } = parseArgs({
  options: { work: { type: "string", default: "20000" }, seeds: { type: "string", default: "1,2,3" } },
});
const work = Number(values.work);
const seeds = values.seeds.split(",").map(Number);
const INSTANCES = ["typical-week", "dst-week"];

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
}

const rows: Row[] = [];
const started = performance.now();
const loads = [loadavg()[0] ?? 0];
for (const id of INSTANCES) {
  const instance = EXAMPLE_INSTANCES.find((i) => i.id === id);
  if (!instance) throw new Error(`no instance ${id}`);
  const problem = loadProblem(instance.ref);
  for (const seed of seeds) {
    const { alternatives: offered, dropped } = alternatives(problem, PROFILES.length, { workBudget: work, seed });
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
      });
    });
    loads.push(loadavg()[0] ?? 0);
    process.stderr.write(`${id} seed ${seed}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

const cell = (x: number | null) => (x === null ? "—" : x.toFixed(1));
const lines = [
  `# Alternatives: goal margin and share of the balanced rota changed`,
  "",
  `Work budget ${work} moves per profile, seeds ${seeds.join(", ")}; load average ${median(loads)?.toFixed(1)} ` +
    `(median of ${loads.length} samples), ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
  "",
  "| instance | seed | profile | offered | goal against balanced | % changed | changes | % changed from scratch |",
  "|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.instance} | ${r.seed} | ${r.profile} | ${r.offered ? "yes" : "no"} | ${r.goal} | ` +
      `${cell(r.changedPct)} | ${r.changes ?? "—"} | ${cell(r.fromScratchPct)} |`,
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
      `${cell(median(all.map((r) => r.fromScratchPct)))})`
    );
  }),
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
