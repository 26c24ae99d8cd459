// `pnpm --filter @deskrota/benchmarks hours-stints <instance> [seed] [moves] [steps] [lp-seconds] [milp-seconds]
// [--out <file>] [--keep <weeks a person>] [--short-share <share>]`:
// issue 19 item 1 with stints in the model (decisions §19, round eight). Minimises Σ |hours − target| over whole
// person-weeks (columns from the search's day DP, priced by the LP duals) with unmet cover, time without a lead and
// time without a keyholder each at most the search's rota's (seed, moves) and at most 5 % of stints under an hour.
// Prints the Lagrangian lower bound of `steps` subgradient steps, then (lp-seconds > 0) column generation rounds on
// the restricted master (each person's `--keep` cheapest weeks met), then (milp-seconds > 0) that master as a MILP
// (price-and-branch, started from the search's rota) with the best rota's figures by the core's `metrics` and
// `check`; `--out` writes it. `--short-share 1` lifts the limit on short stints, to see what it adds to the bound.
import { writeFileSync } from "node:fs";
import {
  assignmentsOf,
  check,
  compile,
  GAP_RULES,
  metrics,
  placementsOf,
  type RotaInput,
  solve,
} from "@deskrota/core/internal";
import loadHighs from "highs";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { subgradientBound } from "./stint-bound";
import { type Column, SHORT_SHARE, StintMaster, type Week } from "./stint-master";
import { idleShortStints, shortStints } from "./stints";

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = flag("--out");
const [name = "typical-week", seedText = "1", moves = "20000", steps = "4000", lpSeconds = "0", milpSeconds = "300"] =
  args.filter((a, i) => !a.startsWith("--") && !["--out", "--keep", "--short-share"].includes(args[i - 1] ?? ""));
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const problem = loadProblem(instance.ref);
const searched = solve(problem, { seed: Number(seedText), workBudget: Number(moves) });
const inst = compile(problem);
const slotHours = inst.slotMinutes / 60;
const meanOf = (slots: number) => ((slots * slotHours) / inst.people.length).toFixed(3);
const searchWeeks: Week[] = placementsOf(inst, searched.assignments).map((at) => {
  const week: Week = new Map();
  at.forEach((k, g) => {
    if (k >= 0) week.set(g, k);
  });
  return week;
});

const master = new StintMaster(
  inst,
  { cover: Infinity, lead: Infinity, keyholder: Infinity },
  Number(flag("--short-share") ?? SHORT_SHARE),
);
const caps = master.gapsOf(searchWeeks);
for (const cap of ["cover", "lead", "keyholder"] as const) master.rowUpper[master.capRows[cap]] = caps[cap];
console.log(`${name}: the search (seed ${seedText}, ${moves} moves)`);
figures(searched);
console.log(
  `caps in this model's rows: unmet cover ${caps.cover * slotHours} h, no lead ${caps.lead * slotHours} h, ` +
    `no keyholder ${caps.keyholder * slotHours} h`,
);

const highs = await loadHighs();
const inf = highs.infinity;
const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
const columns: Column[] = [];
const seen = new Set<string>();
const keyOf = (column: Column) => `${column.person}:${[...column.week].sort((a, b) => a[0] - b[0]).join(";")}`;
const cap = master.capRows;
// The slacks: each counts in its row and in its cap's row.
const slackCols = master.slacks.length;
/** Weeks offered per person and round: the best of that many weekly totals. */
const WEEKS_PER_PERSON = 3;
/** Weeks kept per person of those the subgradient steps met. */
const KEEP_PER_PERSON = Number(flag("--keep") ?? 150);
const model = highs.createModel({
  numCols: slackCols,
  numRows: master.numRows,
  colCost: new Float64Array(slackCols),
  colLower: new Float64Array(slackCols),
  colUpper: Float64Array.from(master.slacks, (s) => s.upper),
  rowLower: Float64Array.from(master.rowLower, clamp),
  rowUpper: Float64Array.from(master.rowUpper, clamp),
  matrix: {
    format: "csc",
    numRows: master.numRows,
    numCols: slackCols,
    starts: Int32Array.from({ length: slackCols + 1 }, (_, j) => 2 * j),
    indices: Int32Array.from(master.slacks.flatMap((s) => [s.row, cap[s.cap]].sort((a, b) => a - b))),
    values: new Float64Array(2 * slackCols).fill(1),
  },
});
// Interior point: the first LP holds thousands of weeks, and simplex took minutes over it.
model.options.set({ output_flag: false, solver: "ipm" });
const addColumns = (added: Column[]) => {
  if (added.length === 0) return;
  const starts = [0];
  for (const c of added) starts.push((starts[starts.length - 1] as number) + c.rows.length);
  model.addCols({
    cost: Float64Array.from(added, (c) => c.cost),
    lower: new Float64Array(added.length),
    upper: new Float64Array(added.length).fill(1),
    matrix: {
      format: "csc",
      numRows: master.numRows,
      numCols: added.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(added.flatMap((c) => c.rows)),
      values: Float64Array.from(added.flatMap((c) => c.values)),
    },
  });
  columns.push(...added);
};
const fresh = (column: Column) => {
  const key = keyOf(column);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
};
const start = searchWeeks.map((week, p) => master.columnOf(p, week));
addColumns(start.filter(fresh));
// Every person may also not work at all (their whole target short).
addColumns(inst.people.map((person) => master.columnOf(person.index, new Map())).filter(fresh));

const began = performance.now();
const seconds = () => (performance.now() - began) / 1000;
// First the Lagrangian by subgradient steps, every week it meets a column of the restricted master.
const met: Column[] = [];
const upper = start.reduce((sum, c) => sum + c.cost, 0);
console.log(`the search's weeks as columns: Σ |hours − target| ${meanOf(upper)} h a person`);
const stepped = subgradientBound(
  master,
  upper,
  Number(steps),
  (column) => {
    if (fresh(column)) met.push(column);
  },
  (it, value, best) => {
    if (it % 25 === 0)
      console.log(`step ${it} at ${seconds().toFixed(0)} s: ${meanOf(value)} h, best ${meanOf(best)} h`);
  },
);
console.log(`subgradient: lower bound ${meanOf(stepped.bound)} h after ${steps} steps, ${met.length} weeks met`);
// Of the weeks met, each person's cheapest at the best duals: all of them made a restricted master HiGHS could not
// solve as a MILP in the time.
const reducedAt = (y: Float64Array, column: Column) =>
  column.rows.reduce((sum, r, i) => sum - (y[r] as number) * (column.values[i] as number), column.cost);
const kept = inst.people.flatMap((person) =>
  met
    .filter((c) => c.person === person.index)
    .map((c) => ({ c, rc: reducedAt(stepped.duals, c) }))
    .sort((a, b) => a.rc - b.rc)
    .slice(0, KEEP_PER_PERSON)
    .map(({ c }) => c),
);
addColumns(kept);
console.log(`restricted master: ${columns.length} columns (${KEEP_PER_PERSON} a person at most of those met)`);
// Duals smoothed towards the best Lagrangian's (Wentges): the restricted master's own duals jump between extreme
// points of a very degenerate LP, and priced at them the columns never moved its value off the search's rota.
const SMOOTHING = 0.7;
let bound = stepped.bound;
let center: Float64Array | undefined = stepped.duals;
let lp = Infinity;
for (let round = 1; Number(lpSeconds) > 0; round++) {
  model.run();
  lp = model.getObjectiveValue();
  const now = Float64Array.from(model.getSolution().rowDual);
  let added = pricedAt(
    center ? now.map((v, r) => SMOOTHING * (center?.[r] as number) + (1 - SMOOTHING) * v) : now,
    now,
  );
  // Mispriced: nothing the smoothed duals found improves the restricted master, so price at its own.
  if (added.length === 0 && center) added = pricedAt(now, now);
  console.log(
    `round ${round} at ${seconds().toFixed(0)} s: LP ${meanOf(lp)} h, lower bound ${meanOf(bound)} h, ` +
      `${columns.length} columns, ${added.length} new`,
  );
  if (added.length === 0 || lp - bound < 1e-6 * Math.max(1, lp) || seconds() > Number(lpSeconds)) break;
  addColumns(added);
}

/** Prices every person at `y` (which bounds from below), keeping the weeks of negative reduced cost at `now`. */
function pricedAt(y: Float64Array, now: Float64Array): Column[] {
  const added: Column[] = [];
  const least: number[] = [];
  for (const person of inst.people) {
    const weeks = master.price(person.index, y, WEEKS_PER_PERSON);
    least.push(Math.min(...weeks.map((w) => w.value)));
    for (const { week } of weeks) {
      const column = master.columnOf(person.index, week);
      let reduced = column.cost;
      column.rows.forEach((r, i) => {
        reduced -= (now[r] as number) * (column.values[i] as number);
      });
      if (reduced < -1e-6 && fresh(column)) added.push(column);
    }
  }
  const value = master.lagrangian(y, least);
  if (value > bound) {
    bound = value;
    center = y;
  }
  return added;
}
console.log(`column generation: LP ${meanOf(lp)} h, proven lower bound ${meanOf(bound)} h (${columns.length} columns)`);

// Price-and-branch: the columns found, whole.
const first = slackCols;
if (Number(milpSeconds) > 0) {
  model.changeColsIntegrality(
    { kind: "range", from: first, to: first + columns.length - 1 },
    new Int32Array(columns.length).fill(highs.constants.variableType.integer),
  );
  model.options.set({ output_flag: true, log_to_console: true, time_limit: Number(milpSeconds), mip_rel_gap: 0 });
  const startIndices = columns.map((_, j) => first + j);
  model.setSolution({
    indices: Int32Array.from(startIndices),
    values: Float64Array.from(columns, (c) => (start.includes(c) ? 1 : 0)),
  });
  let best: RotaInput | undefined;
  model.run({
    [highs.constants.callbackType.mipImprovingSolution](event) {
      const x = event.data.mip_solution;
      if (!x || x.length !== first + columns.length) return undefined;
      console.log(
        `rota at ${seconds().toFixed(0)} s: Σ |hours − target| ${meanOf(event.data.objective_function_value ?? NaN)} h`,
      );
      best = rotaOf(x);
      return undefined;
    },
  });
  const own = meanOf(Number(model.info.get("mip_dual_bound")));
  console.log(`restricted master: status ${model.getModelStatus()}, its own bound ${own} h`);
  model.dispose();
  if (best) {
    console.log("best rota of the restricted master:");
    figures(best);
    if (out) writeFileSync(out, `${JSON.stringify(best, null, 1)}\n`);
  }
}

function rotaOf(x: ArrayLike<number>): RotaInput {
  const placement = new Map<number, Map<number, { point: number; shadowing: boolean }>>();
  columns.forEach((column, j) => {
    if ((x[first + j] ?? 0) < 0.5) return;
    const person = inst.people[column.person];
    const mine = new Map<number, { point: number; shadowing: boolean }>();
    for (const [g, k] of column.week) mine.set(g, { point: k, shadowing: person?.training[k] === "shadowing" });
    placement.set(column.person, mine);
  });
  return { assignments: assignmentsOf(inst, placement) };
}

function figures(rota: RotaInput): void {
  const m = metrics(problem, rota);
  const gapRules = new Set(GAP_RULES.map((r) => r.id));
  const violations = check(problem, rota).violations.filter((v) => !gapRules.has(v.rule));
  const stints = shortStints(problem, rota);
  console.log(
    `  hours ${m.meanHoursDeviation}, unmet cover ${m.gapHours.cover} h, no lead ${m.gapHours.supervision} h, ` +
      `no keyholder ${m.gapHours.keyholder} h; ${stints.short} of ${stints.stints} stints under an hour ` +
      `(${idleShortStints(problem, rota).length} closing no gap); ${violations.length} hard-rule violations` +
      (violations.length > 0 ? ` (${[...new Set(violations.map((v) => v.rule))].join(", ")})` : ""),
  );
}
