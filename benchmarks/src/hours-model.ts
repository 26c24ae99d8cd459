// The exact model `hours-milp` (issue 19) and `term-milp` (issue 14) both ask: the whole week as the repository's own
// MILP (hard rules, cover, leads, keyholders, hours against targets; every other soft goal left out), minimising
// Σ |hours − target| with unmet cover, time without a lead and time without a keyholder each at most a given rota's,
// started from that rota (decisions §18, §19).
import {
  buildModel,
  compile,
  GAP_RULES,
  HARD_RULES,
  highsModel,
  type Instance,
  metrics,
  type ModelContext,
  placementsOf,
  type Problem,
  RULES,
  type RotaInput,
  verifySolution,
} from "@deskrota/core/internal";
import type { Highs } from "highs";
import { shortStints } from "./stints";

export interface HoursModel {
  inst: Instance;
  ctx: ModelContext;
  slotHours: number;
  /** the rota's gap hours, which the model may not exceed */
  levels: ReturnType<typeof metrics>["gapHours"];
  /** the rota as a MILP start */
  start: { indices: Int32Array; values: Float64Array };
}

export interface HoursModelOptions {
  /** steady desks too, with at most `shortAllowed` stints under an hour (default: as many as the rota has) */
  steady?: boolean;
  shortAllowed?: number;
}

export function hoursModel(problem: Problem, rota: RotaInput, options: HoursModelOptions = {}): HoursModel {
  const inst = compile(problem);
  const hours = RULES.filter((r) => r.id === "hours-fairness");
  const steadyRules = options.steady ? RULES.filter((r) => r.id === "steady-desks") : [];
  const ctx = buildModel(inst, [...HARD_RULES, ...GAP_RULES, ...hours, ...steadyRules]);
  const { milp } = ctx;
  const slotHours = inst.slotMinutes / 60;
  const levels = metrics(problem, rota).gapHours;
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
  if (options.steady) {
    const short = milp.labels.flatMap((label, j) => (label.startsWith("short-stint[") ? [j] : []));
    const allowed = options.shortAllowed ?? shortStints(problem, rota).short;
    milp.addRow(
      "short-at-most",
      short,
      short.map(() => 1),
      -Infinity,
      allowed,
    );
  }
  const start = startOf(inst, ctx, placementsOf(inst, rota.assignments));
  return { inst, ctx, slotHours, levels, start };
}

/**
 * The slots of a gap rule no one can fill (the model's constant for it), counted as the metrics count them: with the
 * hard rules, which decide who may work where, less whatever constant they add alone.
 */
function unavoidable(inst: Instance, rule: string): number {
  const offset = (rules: typeof HARD_RULES) => buildModel(inst, rules, { labelled: false }).milp.offset;
  const weight = inst.weights[rule as "cover" | "supervision" | "keyholder"] * (inst.slotMinutes / 60);
  return (offset([...HARD_RULES, ...GAP_RULES.filter((r) => r.id === rule)]) - offset(HARD_RULES)) / weight;
}

/** A rota as a MILP start: its placements and its shifts (runs of back-to-back slots) at 1, the rest 0. */
function startOf(inst: Instance, ctx: ModelContext, at: Int16Array[]): HoursModel["start"] {
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

export interface ExactRun {
  /** the best rota HiGHS reported, if any: its final point, else the last better one */
  best?: Float64Array;
  /** the proven lower bound, in the model's units */
  bound: number;
  status: string;
}

/**
 * HiGHS from `start` for `seconds`: each better rota goes to `found` as it is reported (a run stopped early keeps
 * what it found), then the final point if it is a rota.
 */
export function runFrom(
  highs: Highs,
  model: HoursModel,
  seconds: number,
  found: (x: Float64Array) => void = () => undefined,
  log = false,
): ExactRun {
  const { milp } = model.ctx;
  const run = highsModel(highs, milp, true);
  run.options.set({ output_flag: log, log_to_console: log, time_limit: seconds, mip_rel_gap: 0 });
  run.setSolution(model.start);
  let best: Float64Array | undefined;
  // Only a point of the original model is a rota (the sub-MIPs' points are reported as well).
  const isRota = (x: ArrayLike<number> | undefined): x is ArrayLike<number> =>
    x !== undefined && x.length === milp.numCols && verifySolution(milp, Float64Array.from(x)).length === 0;
  run.run({
    [highs.constants.callbackType.mipImprovingSolution](event) {
      const x = event.data.mip_solution;
      if (!isRota(x)) return undefined;
      best = Float64Array.from(x);
      found(best);
      return undefined;
    },
  });
  const bound = Number(run.info.get("mip_dual_bound"));
  const final = Float64Array.from(run.getSolution().colValue);
  if (isRota(final) && milp.objectiveOf(final) < Number.POSITIVE_INFINITY) best = final;
  const status = String(run.getModelStatus());
  run.dispose();
  return { ...(best ? { best } : {}), bound, status };
}
