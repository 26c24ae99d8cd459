import { compile, placementsOf, type Instance, type SlotInfo } from "../compile/instance";
import { verifySolution } from "../compile/milp";
import { buildModel, type ModelContext } from "../compile/model";
import { applyChange, type Change } from "../model/change";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { HARD_RULES } from "../rules";
import { addCoverRows } from "../rules/cover";
import { edgeSlots } from "../rules/keyholder";
import { addPresenceRows } from "../rules/supervision";
import { parseDated } from "../time/week";
import type { BackendResult, MilpBackend } from "./backends/backend";
import { assignmentsOf, placementOf } from "./decode";
import { DeskrotaInputError } from "./errors";
import { frozenPins } from "./frozen";
import { loadPlacements } from "./load";
import { gapLevelsOf, gapLevelsOfPlacements, type GapLevels } from "./search/gap-levels";
import { SearchState } from "./search/state";
import { canonical } from "./solve";

const LEVELS = ["cover", "lead", "keyholder"] as const;
/** Cuts HiGHS keeps between nodes, as for the whole-week MILP (`exact.ts`): its heap stays small. */
const CUT_POOL = 100;

export interface MinimumChangeOptions {
  backend: MilpBackend;
  /** wall-clock seconds for each of the model's solves (a level that needs proving, then the changes) */
  timeLimitSeconds?: number;
  /** a valid repair already known (the engine's): the MILP starts from it, and it may settle the targets */
  start?: RotaInput;
}

export interface MinimumChange {
  /** what the published rota left open before the change */
  before: GapLevels;
  /**
   * What a repair must reach, level by level: where it was before the change if that can be
   * reached, else the best that can (cover first, then a lead, then a keyholder).
   */
  target: GapLevels;
  /** false when a level's best was not proven within the limit (the target is then one that was reached) */
  targetProven: boolean;
  /** person-slots changed by the best repair found that reaches the target (null: none found) */
  changes: number | null;
  /** no repair reaching the target changes fewer person-slots than this */
  bound: number;
  /** `changes` is the minimum, and the target is proven */
  proven: boolean;
  /** a solve stopped at its time limit before proving its best (what is not proven is then for want of time) */
  timedOut: boolean;
  /** the best repair found */
  rota?: RotaInput;
}

/**
 * The exact minimum-change repair (docs/benchmarks.md, "Repairs against the proven minimum"): a MILP of the
 * hard rules over the whole week after the change, with everything before `now` and every pin
 * fixed, that first settles the gap levels a repair must reach (lexicographically, each solved for
 * only where no known repair already shows it), then minimises the person-slots placed differently
 * from the published rota. Its answer is what the engine's repairs are judged against.
 */
export function minimumChange(
  problem: Problem,
  published: RotaInput,
  change: Change,
  now: string,
  options: MinimumChangeOptions,
): MinimumChange {
  const applied = applyChange(problem, change);
  if (!applied.ok) throw new DeskrotaInputError(applied.issues);
  const nowMs = parseDated(now, problem.timeZone);
  const inst = compile(canonical(applied.value), { reference: { assignments: published.assignments, now: nowMs } });
  const before = publishedLevels(problem, published);
  const model = repairModel(inst, options.backend);
  const known = options.start ? placementsOf(inst, options.start.assignments) : undefined;
  const knownLevels = known ? levelsOf(inst, known) : undefined;
  let start = known ? startOf(model.ctx, known) : undefined;
  const limit = options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {};
  const target: GapLevels = { cover: 0, lead: 0, keyholder: 0 };
  let targetProven = true;
  let timedOut = false;
  let knownReaches = knownLevels !== undefined;
  for (const level of LEVELS) {
    knownReaches &&= (knownLevels?.[level] ?? Infinity) <= before[level];
    if (knownReaches) target[level] = before[level];
    else {
      const best = model.minimise(model.levels[level], start, limit);
      timedOut ||= stoppedEarly(best);
      // Nothing found in time, or nothing at all (the frozen past itself breaks a hard rule, as
      // when a stint already worked loses the colleague it relied on): no target, nothing proven.
      if (!best.x) return { before, target, targetProven: false, changes: null, bound: 0, proven: false, timedOut };
      start = best.x;
      const reached = Math.round(model.levels[level].value(best.x));
      if (best.status !== "optimal") targetProven = false;
      target[level] = Math.max(before[level], reached);
    }
    model.atMost(model.levels[level], target[level]);
  }
  // A known repair at the target that changes no more than the counting bound needs no MILP.
  const counted = changesLowerBound(new SearchState(inst), target);
  const knownChanges = known && knownReaches ? changesFrom(inst, known) : undefined;
  if (knownChanges !== undefined && knownChanges <= counted && options.start)
    return {
      before,
      target,
      targetProven,
      changes: knownChanges,
      bound: knownChanges,
      proven: targetProven,
      timedOut,
      rota: options.start,
    };
  const fewest = model.minimise(model.changes, start, limit);
  timedOut ||= stoppedEarly(fewest);
  const bound = Math.max(counted, Math.ceil((fewest.bound ?? 0) - 1e-6));
  if (!fewest.x) return { before, target, targetProven, changes: null, bound, proven: false, timedOut };
  const changes = Math.round(model.changes.value(fewest.x));
  const rota = { assignments: assignmentsOf(inst, placementOf(model.ctx, fewest.x)) };
  const proven = targetProven && (fewest.status === "optimal" || bound >= changes);
  return { before, target, targetProven, changes, bound: Math.min(bound, changes), proven, timedOut, rota };
}

/** A solve stopped by its limit, with or without a point (HiGHS answers "feasible" when it has one). */
function stoppedEarly(result: BackendResult): boolean {
  return result.status === "limit" || result.status === "feasible";
}

/** A repair's gap levels and the person-slots it places differently from the published rota. */
export function repairFigures(
  problem: Problem,
  published: RotaInput,
  change: Change,
  now: string,
  repaired: RotaInput,
): { levels: GapLevels; changes: number } {
  const applied = applyChange(problem, change);
  if (!applied.ok) throw new DeskrotaInputError(applied.issues);
  const nowMs = parseDated(now, problem.timeZone);
  const inst = compile(canonical(applied.value), { reference: { assignments: published.assignments, now: nowMs } });
  const at = placementsOf(inst, repaired.assignments);
  return { levels: levelsOf(inst, at), changes: changesFrom(inst, at) };
}

/**
 * No repair reaching `target` changes fewer person-slots than this: every published slot the
 * change made impossible and every pinned slot the published rota does not hold, plus one for
 * each unit of the gap level furthest above its target once the impossible ones are gone (one
 * person-slot placed differently closes at most one unit of each level).
 */
export function changesLowerBound(state: SearchState, target: GapLevels): number {
  const inst = state.inst;
  const published = inst.reference?.at ?? [];
  const forced = new Set<string>();
  for (const pin of inst.pins)
    for (const g of pin.slots) if (published[pin.person]?.[g] !== pin.point) forced.add(`${pin.person}:${g}`);
  const kept = published.map((at, p) => {
    const mine = Int16Array.from(at);
    const options = state.options[p] ?? [];
    for (let g = 0; g < mine.length; g++) {
      const k = mine[g] as number;
      if (k < 0 || options[g]?.includes(k)) continue;
      forced.add(`${p}:${g}`);
      mine[g] = -1;
    }
    return mine;
  });
  const left = gapLevelsOfPlacements(state, kept);
  return forced.size + Math.max(0, ...LEVELS.map((level) => left[level] - target[level]));
}

/** Person-slots of `at` placed differently from the published rota. */
export function changesFrom(inst: Instance, at: readonly Int16Array[]): number {
  const published = inst.reference?.at ?? [];
  let changes = 0;
  at.forEach((mine, p) => {
    const before = published[p];
    for (let g = 0; g < mine.length; g++) if (mine[g] !== (before?.[g] ?? -1)) changes++;
  });
  return changes;
}

/** A linear expression over the model's columns plus a constant: a gap level, or the changes. */
export interface Expression {
  indices: number[];
  values: number[];
  constant: number;
  value(x: ArrayLike<number>): number;
}

export function expression(indices: number[], values: number[], constant: number): Expression {
  return {
    indices,
    values,
    constant,
    value: (x) => indices.reduce((sum, j, i) => sum + (values[i] as number) * (x[j] ?? 0), constant),
  };
}

/** The hard rules, the three gap levels in slots, the changes from the published rota, the frozen past fixed. */
export function repairModel(inst: Instance, backend: MilpBackend) {
  const reference = inst.reference;
  if (!reference) throw new Error("the minimum-change model needs the published rota");
  const ctx = buildModel(inst, HARD_RULES, { labelled: false });
  const { milp } = ctx;
  // Each gap level's shortfall columns cost 1 per slot while it is added, which separates them and
  // their constant part (demand nobody could meet) from the rest of the model.
  const level = (add: () => void): Expression => {
    const [columns, offset] = [milp.numCols, milp.offset];
    add();
    const indices = Array.from({ length: milp.numCols - columns }, (_, i) => columns + i);
    return expression(
      indices,
      indices.map(() => 1),
      Math.round(milp.offset - offset),
    );
  };
  const perSlot = 1 / ctx.slotHours;
  const allSlots = inst.sites.flatMap((s) => s.slots);
  const levels = {
    cover: level(() => addCoverRows(ctx, "cover", (d) => d.min, perSlot)),
    lead: level(() => addPresenceRows(ctx, "supervision", (p) => inst.people[p]?.lead ?? false, allSlots, perSlot)),
    keyholder: level(() =>
      addPresenceRows(ctx, "keyholder", (p) => inst.people[p]?.keyholder ?? false, edgeSlots(inst), perSlot),
    ),
  };
  const changes = changesOf(ctx, reference.at);
  fixFrozen(ctx, reference.now);
  return {
    ctx,
    levels,
    changes,
    atMost(e: Expression, bound: number) {
      milp.addRow("repair-target", e.indices, e.values, -Infinity, bound - e.constant);
    },
    minimise(e: Expression, start: ArrayLike<number> | undefined, limit: { timeLimitSeconds?: number }): BackendResult {
      milp.cost.fill(0);
      e.indices.forEach((j, i) => {
        milp.addCost(j, e.values[i] as number);
      });
      milp.offset = e.constant;
      const result = backend.solve(milp, {
        relativeGap: 0,
        cutPool: CUT_POOL,
        ...limit,
        ...(start ? { start } : {}),
      });
      // A point is used only if it keeps every row (a backend stopped by its limit may answer a relaxation).
      if (result.x && verifySolution(milp, result.x).length > 0) {
        const { x: _dropped, ...rest } = result;
        return rest;
      }
      return result;
    },
  };
}

/**
 * Person-slots placed differently from `at`: a published slot changes unless its work variable is 1
 * (1 − w), a free slot changes with any work there (Σ w); a published slot with no variable left
 * (the person is away) is a change whatever the repair does.
 */
function changesOf(ctx: ModelContext, at: readonly Int16Array[]): Expression {
  const indices: number[] = [];
  const values: number[] = [];
  let constant = 0;
  ctx.inst.people.forEach((_, p) => {
    const mine = at[p] as Int16Array;
    const own = ctx.workByPerson[p];
    mine.forEach((k, g) => {
      if (k < 0) return;
      constant++;
      const w = own?.get(g)?.find((v) => v.point === k);
      if (w) {
        indices.push(w.variable);
        values.push(-1);
      }
    });
    for (const [g, list] of own ?? [])
      if ((mine[g] ?? -1) < 0)
        for (const w of list) {
          indices.push(w.variable);
          values.push(1);
        }
  });
  return expression(indices, values, constant);
}

/** Pins and stints begun before `now` stay; nothing else is placed before `now`. */
function fixFrozen(ctx: ModelContext, now: number): void {
  const { inst, milp } = ctx;
  const state = new SearchState(inst);
  const frozen = frozenPins(inst, state);
  ctx.workByPerson.forEach((own, p) => {
    const held = frozen.get(p);
    for (const [g, list] of own) {
      const past = (inst.slots[g] as SlotInfo).start < now;
      for (const w of list) {
        if (held?.get(g) === w.point) milp.lower[w.variable] = 1;
        else if (past || held?.has(g)) milp.upper[w.variable] = 0;
      }
    }
  });
}

/** A repair as a MIP start: its work variables and shifts; the shortfall columns are left to the backend. */
export function startOf(ctx: ModelContext, at: readonly Int16Array[]): Float64Array | undefined {
  const { inst, milp } = ctx;
  const x = new Float64Array(milp.numCols).fill(Number.NaN);
  ctx.workByPerson.forEach((own, p) => {
    for (const [g, list] of own) for (const w of list) x[w.variable] = at[p]?.[g] === w.point ? 1 : 0;
  });
  for (const column of ctx.columns) x[column.variable] = 0;
  for (const person of inst.people) {
    const mine = at[person.index] as Int16Array;
    const shifts = new Map(ctx.columnsByPerson[person.index]?.map((c) => [`${c.first}-${c.last}`, c.variable]));
    for (let g = 0; g < mine.length; g++) {
      const slot = inst.slots[g] as SlotInfo;
      if ((mine[g] ?? -1) < 0 || (slot.prev >= 0 && (mine[slot.prev] ?? -1) >= 0)) continue;
      let last = g;
      while ((inst.slots[last] as SlotInfo).next >= 0 && (mine[(inst.slots[last] as SlotInfo).next] ?? -1) >= 0)
        last = (inst.slots[last] as SlotInfo).next;
      const variable = shifts.get(`${g}-${last}`);
      // A shift the model does not have (the repair breaks a rule the model holds): no start.
      if (variable === undefined) return undefined;
      x[variable] = 1;
    }
  }
  return x;
}

export function levelsOf(inst: Instance, at: readonly Int16Array[]): GapLevels {
  const state = new SearchState(inst);
  loadPlacements(state, at);
  return gapLevelsOf(state);
}

/** The gap levels of the published rota in the problem before the change. */
export function publishedLevels(problem: Problem, published: RotaInput): GapLevels {
  const inst = compile(canonical(problem));
  return levelsOf(inst, placementsOf(inst, published.assignments));
}
