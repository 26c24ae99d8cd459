// `pnpm --filter @deskrota/benchmarks hours-milp <instance> [seed] [moves] [seconds] [--out <file>] [--steady]`: is the
// hours goal of issue 19 (mean |hours − target|) reachable at the search's gap levels? The whole week as the
// repository's own MILP (hard rules, cover, leads, keyholders, hours against targets), every soft goal left out,
// minimising Σ |hours − target| with unmet cover, time without a lead and time without a keyholder each at most the
// search's rota's (the search at `moves` for `seed`, which also starts HiGHS). Prints HiGHS's log (its dual bound is
// the proven lower bound), each better rota's figures as found, and the best rota's metrics; `--out` writes that rota
// (decisions §19).
import { writeFileSync } from "node:fs";
import {
  assignmentsOf,
  buildModel,
  check,
  compile,
  GAP_RULES,
  HARD_RULES,
  highsModel,
  type Instance,
  metrics,
  type ModelContext,
  placementOf,
  placementsOf,
  RULES,
  solve,
  verifySolution,
} from "@deskrota/core/internal";
import loadHighs from "highs";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { shortStints } from "./stints";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
// --steady: steady desks too, with no more stints under an hour than the search's rota has
const steady = args.includes("--steady");
const [name = "typical-week", seedText = "1", moves = "20000", seconds = "2400"] = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--out",
);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const problem = loadProblem(instance.ref);
const searched = solve(problem, { seed: Number(seedText), workBudget: Number(moves) });
const levels = metrics(problem, searched).gapHours;
console.log(
  `${name}: the search (seed ${seedText}, ${moves} moves) hours ${metrics(problem, searched).meanHoursDeviation}, ` +
    `unmet cover ${levels.cover} h, no lead ${levels.supervision} h, no keyholder ${levels.keyholder} h, ` +
    `${shortStints(problem, searched).short} stints under an hour`,
);

const inst = compile(problem);
const hours = RULES.filter((r) => r.id === "hours-fairness");
const steadyRules = steady ? RULES.filter((r) => r.id === "steady-desks") : [];
const ctx = buildModel(inst, [...HARD_RULES, ...GAP_RULES, ...hours, ...steadyRules]);
const { milp } = ctx;
const slotHours = inst.slotMinutes / 60;
milp.cost.fill(0);
// Σ |hours − target| in slots: every tier of a person's deviation at 1, nobody's hours below their minimum priced.
milp.offset = 0;
for (let j = 0; j < milp.numCols; j++) if (/^hours-(under|over)\d+\[/.test(milp.labels[j] ?? "")) milp.cost[j] = 1;
for (const person of inst.people)
  if ((ctx.columnsByPerson[person.index] ?? []).length === 0) milp.offset += person.targetSlots;
for (const [rule, hoursAllowed] of [
  ["cover", levels.cover],
  ["supervision", levels.supervision],
  ["keyholder", levels.keyholder],
] as const) {
  const gaps = milp.labels.flatMap((label, j) => (label.startsWith(`${rule}-gap[`) ? [j] : []));
  const allowed = hoursAllowed / slotHours - unavoidable(inst, rule);
  milp.addRow(
    `${rule}-at-most`,
    gaps,
    gaps.map(() => 1),
    -Infinity,
    Math.round(allowed * 1e6) / 1e6,
  );
}
if (steady) {
  const short = milp.labels.flatMap((label, j) => (label.startsWith("short-stint[") ? [j] : []));
  milp.addRow(
    "short-at-most",
    short,
    short.map(() => 1),
    -Infinity,
    shortStints(problem, searched).short,
  );
}
console.log(`model: ${milp.numCols} columns, ${milp.numRows} rows, ${milp.numNonzeros} non-zeros`);

const people = inst.people.length;
const meanOf = (objective: number) => (objective * slotHours) / people;
const start = startOf(ctx, placementsOf(inst, searched.assignments));
const highs = await loadHighs({ print: (line) => console.log(line), printErr: (line) => console.error(line) });
const model = highsModel(highs, milp, true);
model.options.set({ output_flag: true, log_to_console: true, time_limit: Number(seconds), mip_rel_gap: 0 });
model.setSolution(start);
const began = performance.now();
let best: Float64Array | undefined;
model.run({
  [highs.constants.callbackType.mipImprovingSolution](event) {
    const x = event.data.mip_solution;
    // Only a point of the original model is a rota (the sub-MIPs' points are checked as well).
    if (!x || x.length !== milp.numCols || verifySolution(milp, x).length > 0) return undefined;
    best = Float64Array.from(x);
    const value = event.data.objective_function_value ?? milp.objectiveOf(x);
    const at = ((performance.now() - began) / 1000).toFixed(0);
    console.log(`rota at ${at} s: mean |hours − target| ${meanOf(value).toFixed(3)} h`);
    // Written as found: a run stopped early keeps its best rota.
    report(best);
    return undefined;
  },
});
const bound = Number(model.info.get("mip_dual_bound"));
const final = Float64Array.from(model.getSolution().colValue);
if (final.length === milp.numCols && verifySolution(milp, final).length === 0 && milp.objectiveOf(final) < Infinity) {
  console.log(`HiGHS's final rota: mean |hours − target| ${meanOf(milp.objectiveOf(final)).toFixed(3)} h`);
  report(final);
}
console.log(`status ${model.getModelStatus()}; proven lower bound ${meanOf(bound).toFixed(3)} h`);
model.dispose();
if (!best) console.log("HiGHS found no rota better than the search's");

function report(x: Float64Array): void {
  const rota = { assignments: assignmentsOf(inst, placementOf(ctx, x)) };
  const m = metrics(problem, rota);
  // Its gaps are not listed as `uncovered` (the metrics count them): only hard rules count here.
  const gapRules = new Set(GAP_RULES.map((r) => r.id));
  const violations = check(problem, rota).violations.filter((v) => !gapRules.has(v.rule)).length;
  console.log(
    `best rota: hours ${m.meanHoursDeviation}, unmet cover ${m.gapHours.cover} h, ` +
      `no lead ${m.gapHours.supervision} h, no keyholder ${m.gapHours.keyholder} h, shadowing ${m.shadowingHours} h, ` +
      `${shortStints(problem, rota).short} stints under an hour, ${violations} hard-rule violations`,
  );
  if (out) writeFileSync(out, `${JSON.stringify(rota, null, 1)}\n`);
}

/**
 * The slots of a gap rule no one can fill (the model's constant for it), counted as the metrics count them: with the
 * hard rules, which decide who may work where, less whatever constant they add alone.
 */
function unavoidable(inst: Instance, rule: string): number {
  const offset = (rules: typeof HARD_RULES) => buildModel(inst, rules, { labelled: false }).milp.offset;
  const weight = inst.weights[rule as "cover" | "supervision" | "keyholder"] * slotHours;
  return (offset([...HARD_RULES, ...GAP_RULES.filter((r) => r.id === rule)]) - offset(HARD_RULES)) / weight;
}

/** The search's rota as a MILP start: its placements and its shifts (runs of back-to-back slots) at 1, the rest 0. */
function startOf(ctx: ModelContext, at: Int16Array[]): { indices: Int32Array; values: Float64Array } {
  const values = new Float64Array(ctx.milp.numCols);
  for (const list of ctx.workBySlot)
    for (const w of list) if (at[w.person]?.[w.slot] === w.point) values[w.variable] = 1;
  ctx.columnsByPerson.forEach((columns, p) => {
    const own = at[p] as Int16Array;
    const runs = new Set<string>();
    for (let g = 0; g < own.length; g++) {
      const slot = inst.slots[g];
      if (!slot || (own[g] as number) < 0 || (slot.prev >= 0 && (own[slot.prev] as number) >= 0)) continue;
      let last = g;
      for (let n = slot.next; n >= 0 && (own[n] as number) >= 0; n = inst.slots[n]?.next ?? -1) last = n;
      runs.add(`${g}:${last}`);
    }
    for (const column of columns) if (runs.has(`${column.first}:${column.last}`)) values[column.variable] = 1;
  });
  const integer = ctx.milp.integer.flatMap((b, j) => (b ? [j] : []));
  return { indices: Int32Array.from(integer), values: Float64Array.from(integer, (j) => values[j] as number) };
}
