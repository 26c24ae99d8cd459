import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { renderReport } from "./report";
import type { Results } from "./results";
import { bestKnownRows, goals, readBestKnown } from "./sections/goals";
import { targets } from "./sections/targets";

/**
 * `pnpm --filter @deskrota/benchmarks render [--name latest]`: renders a results file again (its
 * targets judged anew) after the report's layout or judgement changed, without measuring again.
 */
const { values } = parseArgs({ options: { name: { type: "string", default: "latest" } } });
const dir = new URL("../results/", import.meta.url);
const results = JSON.parse(readFileSync(new URL(`${values.name}.json`, dir), "utf8")) as Results;
const p95 = results.resolves.find((x) => x.instance === "typical-week")?.latencyMs.p95 ?? null;
const known = readBestKnown();
const judged: Results = {
  ...results,
  targets: targets(results.solves, results.milp, p95),
  goals: goals(results.solves, results.resolves, known),
  bestKnown: bestKnownRows(results.solves, results.solveRuns, known),
};
writeFileSync(new URL(`${values.name}.json`, dir), `${JSON.stringify(judged, null, 1)}\n`);
writeFileSync(new URL(`${values.name}.md`, dir), renderReport(judged));
process.stderr.write(`rendered benchmarks/results/${values.name}.md\n`);
