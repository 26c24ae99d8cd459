// `pnpm --filter @deskrota/benchmarks term-milp <term.json> <week> [carried|share] [seconds] [--only <site,…>]
// [--steady [--short <n>]] [--out <file>]`: is a term week's fair share reachable at the search's gap levels
// (issue 14, decisions §18 "Round eight")? One week of a term `term-work … <out-dir>` wrote (week counted from 1),
// as the repository's own MILP (hard rules, cover, leads, keyholders, hours against targets, every soft goal left
// out), minimising Σ |hours − target| with unmet cover, time without a lead and time without a keyholder each at
// most the term's rota's. `carried`: the targets the week was solved with; `share`: each person's fair share of
// the term's rota, so an optimum of 0 says a rota gives everyone their share at the same gaps. Starts HiGHS from
// the term's rota and prints, person by person, where the best rota found differs from it by more than an hour.
import { readFileSync, writeFileSync } from "node:fs";
import { setupFromProblem, type TermWeek, weekFacts } from "@deskrota/core";
import { assignmentsOf, metrics, type ModelContext, placementOf } from "@deskrota/core/internal";
import loadHighs from "highs";
import { hoursModel, runFrom } from "./hours-model";
import { EXAMPLE_INSTANCES, loadProblem } from "./instances";
import { shortStints } from "./stints";

const args = process.argv.slice(2);
// --only <site,…>: every other site's placements and shifts held at the term's rota's (a smaller model)
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
// --steady [--short <n>]: steady desks too, with no more stints under an hour than the term's rota has (or n)
const steady = args.includes("--steady");
const shortAllowed = args.includes("--short") ? Number(args[args.indexOf("--short") + 1]) : undefined;
// --out <file>: the best rota found, as JSON
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
const [file, weekText = "12", mode = "share", seconds = "300"] = args.filter(
  (a, i) => !a.startsWith("--") && !["--only", "--out", "--short"].includes(args[i - 1] ?? ""),
);
if (!file)
  throw new Error(
    "usage: term-milp <term.json> <week> [carried|share] [seconds] [--only <site,…>] [--steady [--short <n>]] " +
      "[--out <file>]",
  );
const typical = EXAMPLE_INSTANCES.find((i) => i.id === "typical-week");
if (!typical) throw new Error("no typical-week instance");
const { setup } = setupFromProblem(loadProblem(typical.ref));
const week = (JSON.parse(readFileSync(file, "utf8")) as TermWeek[])[Number(weekText) - 1];
if (!week) throw new Error(`${file} has no week ${weekText}`);
const facts = new Map(weekFacts(week.problem, week.rota, setup).map((f) => [f.person, f]));
const problem =
  mode === "share"
    ? {
        ...week.problem,
        people: week.problem.people.map((p) => {
          const share = facts.get(p.id)?.fairShare ?? 0;
          const target = Math.min(p.hours.max ?? Number.POSITIVE_INFINITY, Math.max(p.hours.min ?? 0, share));
          return { ...p, hours: { ...p.hours, target: Math.round(target * 4) / 4 } };
        }),
      }
    : week.problem;
const exact = hoursModel(problem, week.rota, {
  steady,
  ...(shortAllowed === undefined ? {} : { shortAllowed }),
});
const { inst, ctx, slotHours, levels, start } = exact;
const { milp } = ctx;
console.log(
  `${file} week ${weekText} (${mode} targets): the term's rota has unmet cover ${levels.cover} h, ` +
    `no lead ${levels.supervision} h, no keyholder ${levels.keyholder} h`,
);
if (only) holdOtherSites(ctx, start, only);
const off = (worked: Map<string, { worked: number }>) =>
  problem.people.reduce((sum, p) => sum + Math.abs((worked.get(p.id)?.worked ?? 0) - (p.hours.target ?? 0)), 0);
console.log(`the term's rota: Σ |worked − target| ${off(facts).toFixed(2)} h`);
const highs = await loadHighs({ print: () => undefined, printErr: (line) => console.error(line) });
const { best, bound: slots, status } = runFrom(highs, exact, Number(seconds));
const bound = slots * slotHours;
console.log(`status ${status}; proven lower bound Σ ${bound.toFixed(2)} h`);
if (best) {
  const rota = { assignments: assignmentsOf(inst, placementOf(ctx, best)) };
  const m = metrics(problem, rota).gapHours;
  const short = (r: typeof rota) => shortStints(problem, r).short;
  console.log(
    `best rota: Σ |hours − target| ${(milp.objectiveOf(best) * slotHours).toFixed(2)} h, unmet cover ${m.cover} h, ` +
      `no lead ${m.supervision} h, no keyholder ${m.keyholder} h, ` +
      `${short(rota)} stints under an hour (the term's rota ${short(week.rota)})`,
  );
  if (out) writeFileSync(out, `${JSON.stringify({ problem, rota })}\n`);
  const found = new Map(weekFacts(problem, rota, setup).map((f) => [f.person, f]));
  console.log(`  Σ |worked − target| ${off(found).toFixed(2)} h`);
  for (const p of problem.people) {
    const was = facts.get(p.id);
    const now = found.get(p.id);
    if (!was || !now || Math.abs(was.worked - now.worked) <= 1) continue;
    console.log(
      `  ${p.id} target ${p.hours.target} | term's rota ${was.worked} h (share ${was.fairShare.toFixed(2)}) | ` +
        `best ${now.worked} h (share ${now.fairShare.toFixed(2)})`,
    );
  }
} else console.log("HiGHS found no rota");

/** Every placement and shift outside `sites` fixed at the start's value. */
function holdOtherSites(ctx: ModelContext, start: { indices: Int32Array; values: Float64Array }, sites: string): void {
  const at = new Map(Array.from(start.indices, (j, i) => [j, start.values[i] as number]));
  const free = new Set(sites.split(","));
  const elsewhere = (slot: number) => !free.has(inst.sites[inst.slots[slot]?.site ?? -1]?.id ?? "");
  const hold = (j: number) => {
    ctx.milp.lower[j] = at.get(j) ?? 0;
    ctx.milp.upper[j] = at.get(j) ?? 0;
  };
  for (const list of ctx.workBySlot) for (const w of list) if (elsewhere(w.slot)) hold(w.variable);
  for (const columns of ctx.columnsByPerson) for (const c of columns) if (elsewhere(c.first)) hold(c.variable);
}
