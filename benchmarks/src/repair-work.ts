// `pnpm --filter @deskrota/benchmarks repair-work [instance] [absences] [publish moves] [repair moves] [--exact <s>]`:
// the repairs section's absences (same draw, seed 16) repaired by the core's `resolve` in this process at a fixed
// work budget and no clock, so that a change to the repair is judged on the same repairs whatever the load. One line
// per absence: the default repair's gap levels and changes, then each option in words; with --exact, the exact
// minimum-change model's answer beside it (seconds per solve), as the section judges it.
import { createHash } from "node:crypto";
import { highsBackend, minimumChange, repairFigures, resolve, solve } from "@deskrota/core/internal";
import loadHighs from "highs";
import { afternoonAbsences } from "./child/repairs-task";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";

const args = process.argv.slice(2);
const exactAt = args.indexOf("--exact");
const exactSeconds = exactAt >= 0 ? Number(args[exactAt + 1]) : 0;
const [name = "typical-week", absences = "8", publishMoves = "20000", repairMoves = "400"] = args.filter(
  (a, i) => !a.startsWith("--") && (exactAt < 0 || i !== exactAt + 1),
);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const problem = loadProblem(instance.ref);
const published = solve(problem, { workBudget: +publishMoves, seed: 1 });
const backend = exactAt >= 0 ? highsBackend(await loadHighs()) : undefined;
const hash = createHash("sha256");
const levels = (l: { cover: number; lead: number; keyholder: number }) => `${l.cover}/${l.lead}/${l.keyholder}`;
for (const { person, date, change, now } of afternoonAbsences(problem, published, 16, +absences)) {
  const t = performance.now();
  const repaired = resolve(problem, published, change, { now, seed: 1, workBudget: +repairMoves });
  const ms = performance.now() - t;
  const figures = repairFigures(problem, published, change, now, repaired.rota);
  hash.update(JSON.stringify([repaired.rota.assignments, repaired.options.map((o) => o.words)]));
  let exact = "";
  if (backend) {
    const x = minimumChange(problem, published, change, now, {
      backend,
      timeLimitSeconds: exactSeconds,
      start: repaired.rota,
    });
    exact = ` | minimum ${x.changes}${x.proven ? "" : ` (≥ ${x.bound})`} at ${levels(x.target)}`;
  }
  console.log(
    `${person} ${date}: ${figures.changes} changes, open ${levels(figures.levels)} (${ms.toFixed(0)} ms)${exact}`,
  );
  for (const o of repaired.options) console.log(`    ${o.chosen ? "*" : " "} ${o.id}: ${o.words}`);
}
console.log(`repairs ${hash.digest("hex").slice(0, 16)}`);
