// `pnpm --filter @deskrota/benchmarks hours-stints <instance> [seed] [moves] [lp-seconds] [milp-seconds] [--out <file>]`:
// issue 19 item 1 with stints in the model (decisions §19, round eight). Minimises Σ |hours − target| over whole
// person-weeks (columns from the search's day DP, priced by the LP duals) with unmet cover, time without a lead and
// time without a keyholder each at most the search's rota's (seed, moves) and at most 5 % of stints under an hour.
// Prints the column generation's LP value and its Lagrangian lower bound at each round, then the restricted master
// as a MILP (price-and-branch, started from the search's rota) and every better rota's figures by the core's
// `metrics` and `check`; `--out` writes the best.
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
import { type Column, StintMaster, type Week } from "./stint-master";
import { idleShortStints, shortStints } from "./stints";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const [name = "typical-week", seedText = "1", moves = "20000", lpSeconds = "600", milpSeconds = "600"] = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--out",
);
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

const master = new StintMaster(inst, { cover: Infinity, lead: Infinity, keyholder: Infinity });
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
model.options.set({ output_flag: false });
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
let bound = -Infinity;
let lp = Infinity;
for (let round = 1; ; round++) {
  model.run();
  lp = model.getObjectiveValue();
  const y = Float64Array.from(model.getSolution().rowDual);
  let priced = 0;
  const added: Column[] = [];
  for (const person of inst.people) {
    const { value, week } = master.price(person.index, y);
    priced += Math.min(0, value);
    const column = master.columnOf(person.index, week);
    let reduced = column.cost;
    column.rows.forEach((r, i) => {
      reduced -= (y[r] as number) * (column.values[i] as number);
    });
    if (reduced < -1e-6 && fresh(column)) added.push(column);
  }
  // Lagrangian: the LP's value plus every person's least reduced cost is a lower bound on the whole LP.
  bound = Math.max(bound, lp + priced);
  console.log(
    `round ${round} at ${seconds().toFixed(0)} s: LP ${meanOf(lp)} h, lower bound ${meanOf(bound)} h, ` +
      `${columns.length} columns, ${added.length} new`,
  );
  if (added.length === 0 || seconds() > Number(lpSeconds)) break;
  addColumns(added);
}
console.log(`column generation: LP ${meanOf(lp)} h, proven lower bound ${meanOf(bound)} h (${columns.length} columns)`);

// Price-and-branch: the columns found, whole.
const first = slackCols;
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
    console.log(`rota at ${seconds().toFixed(0)} s: Σ |hours − target| ${meanOf(event.data.objective_function_value ?? NaN)} h`);
    best = rotaOf(x);
    return undefined;
  },
});
console.log(
  `restricted master: status ${model.getModelStatus()}, its own bound ${meanOf(Number(model.info.get("mip_dual_bound")))} h`,
);
model.dispose();
if (best) {
  console.log("best rota of the restricted master:");
  figures(best);
  if (out) writeFileSync(out, `${JSON.stringify(best, null, 1)}\n`);
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
