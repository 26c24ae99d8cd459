import { RULES } from "../../rules";
import { fits, type MilpBackend } from "../backends/backend";
import type { Instance, SlotInfo } from "../../compile/instance";
import { columnRows, restrict, verifySolution, type Milp } from "../../compile/milp";
import { buildModel, type Held, type ModelContext } from "../../compile/model";
import type { DayPlan, SearchState } from "./state";

/**
 * Cuts kept between nodes in a move's MILP. HiGHS's default pool (10 000) grew the large system's
 * WebAssembly heap from 24 to 127 MB in one 1-second move; at 100 the moves measured found the
 * same optima as fast or faster (docs/decisions.md).
 */
const MOVE_CUT_POOL = 100;

/**
 * Exact large-neighbourhood moves: a few person-days are freed and re-optimised together by the
 * MILP backend while the rest of the rota stays as it is. The search's own moves re-plan one
 * person at a time; this finds the coordinated changes (a lead moving to the evening while a
 * colleague takes over their morning desk) that no single re-plan can.
 */
export class Polisher {
  constructor(
    private readonly state: SearchState,
    private readonly backend: MilpBackend,
  ) {}

  /** A point with more counted people than its band allows, in a slot a freed person now works. */
  private overfull(freed: Freed): boolean {
    const { state } = this;
    for (const p of freed.keys()) {
      const at = state.at[p] as Int16Array;
      for (let g = 0; g < at.length; g++) {
        const k = at[g] as number;
        if (k < 0) continue;
        const i = k * state.G + g;
        const max = state.demandMax[i] as number;
        if (max >= 0 && (state.counted[i] as number) > max) return true;
      }
    }
    return false;
  }

  /**
   * Re-optimises the given person-days exactly and keeps the result if the rota gets better.
   * Returns the objective change (0 when nothing better was found).
   */
  improve(
    personDays: [number, number][],
    limits: { timeLimitSeconds?: number; nodeLimit?: number; seed?: number },
  ): number {
    const move = moveModel(this.state, personDays);
    if (!move) return 0;
    const { model, sub, columns, start, freed } = move;
    if (!fits(this.backend, sub)) return 0;
    const { milp, columnsByPerson, workByPerson, inst } = model;
    const result = this.backend.solve(sub, {
      ...limits,
      start,
      relativeGap: 1e-6,
      cutPool: MOVE_CUT_POOL,
      restart: false,
    });
    if (!result.x || (result.status !== "optimal" && result.status !== "feasible")) return 0;
    if (verifySolution(sub, result.x).length > 0) return 0;
    // Read the new plans of the freed person-days and apply them; the search state judges.
    const chosen = new Float64Array(milp.numCols);
    columns.forEach((j, i) => {
      chosen[j] = result.x?.[i] ?? 0;
    });
    const before = this.state.objective;
    const journal: { p: number; day: number; old: DayPlan }[] = [];
    for (const [p, days] of freed) {
      for (const day of days) journal.push({ p, day, old: this.state.setDay(p, day, []) });
    }
    for (const [p, days] of freed) {
      for (const day of days) {
        const plan: DayPlan = [];
        for (const column of columnsByPerson[p] ?? []) {
          if (column.day !== day || (chosen[column.variable] ?? 0) < 0.5) continue;
          for (let g = column.first; g >= 0; g = (inst.slots[g] as SlotInfo).next) {
            const w = (workByPerson[p]?.get(g) ?? []).find((v) => (chosen[v.variable] ?? 0) > 0.5);
            if (w) plan.push({ slot: g, point: w.point });
            if (g === column.last) break;
          }
        }
        plan.sort((a, b) => (inst.slots[a.slot] as SlotInfo).start - (inst.slots[b.slot] as SlotInfo).start);
        this.state.setDay(p, day, plan);
      }
    }
    // A safety net: the search state does not price headcount, so a plan that breaks it would be
    // kept if it scored better, and only the checker at the end would notice.
    if (this.overfull(freed)) {
      this.state.undo(journal);
      return 0;
    }
    if (this.state.objective < before - 1e-6) return this.state.objective - before;
    this.state.undo(journal);
    return 0;
  }
}

/** Freed person-days: person → the days re-planned. */
export type Freed = Map<number, Set<number>>;

export interface MoveModel {
  model: ModelContext;
  /** the MILP the backend solves: `model` with everything but the freed person-days held */
  sub: Milp;
  /** sub column → model column */
  columns: Int32Array;
  /** the current rota as a starting point for `sub` */
  start: Float64Array;
  freed: Freed;
}

/**
 * The MILP of one exact move. It is built for the freed people only, with everyone else's
 * placements in the slots their shifts could reach held as they are, then restricted to the freed
 * days: the same MILP as the whole week's model restricted (polish.test.ts), without keeping that
 * model (71 MB on the large system, and 100 MB more while it is built) for the whole solve.
 */
export function moveModel(
  state: SearchState,
  personDays: readonly [number, number][],
  labelled = false,
): MoveModel | undefined {
  const freed = freedOf(personDays);
  const model = buildModel(state.inst, RULES, {
    labelled,
    people: new Set(freed.keys()),
    held: heldAround(state, freed),
  });
  return restrictToMove(state, model, freed);
}

export function freedOf(personDays: readonly [number, number][]): Freed {
  const freed: Freed = new Map();
  for (const [p, day] of personDays) freed.set(p, (freed.get(p) ?? new Set<number>()).add(day));
  return freed;
}

/** `model` with all placements and shifts held as the rota has them except those of the freed person-days. */
export function restrictToMove(state: SearchState, model: ModelContext, freed: Freed): MoveModel | undefined {
  const { milp, columnsByPerson, workByPerson, inst } = model;
  const { x, fixed } = currentValues(state, model);
  const seeds: number[] = [];
  for (const [p, days] of freed) {
    const own = workByPerson[p];
    const keptElsewhere = slotsOfOtherDays(state, p, days);
    for (const column of columnsByPerson[p] ?? []) {
      if (!days.has(column.day)) continue;
      fixed[column.variable] = 0;
      seeds.push(column.variable);
      for (let g = column.first; g >= 0; g = (inst.slots[g] as SlotInfo).next) {
        // A slot of a shift of a day that stays (tonight's shift of yesterday, say) stays as it
        // is: only the freed days' plans are written back, so the MILP must not move it.
        if (keptElsewhere.has(g)) {
          if (g === column.last) break;
          continue;
        }
        for (const w of own?.get(g) ?? []) {
          if (fixed[w.variable]) {
            fixed[w.variable] = 0;
            seeds.push(w.variable);
          }
        }
        if (g === column.last) break;
      }
    }
  }
  if (seeds.length === 0) return undefined;
  const { sub, columns } = restrict(milp, columnRows(milp), fixed, x, seeds);
  const start = Float64Array.from(columns, (j) => x[j] ?? 0);
  return { model, sub, columns, start, freed };
}

/**
 * The rota as model values: 1 for its placements and shifts, 0 for the other placements and
 * shifts, NaN for the rest (what follows from them); `fixed` marks the placements and shifts.
 */
function currentValues(state: SearchState, model: ModelContext): { x: Float64Array; fixed: Uint8Array } {
  const x = new Float64Array(model.milp.numCols).fill(NaN);
  const fixed = new Uint8Array(model.milp.numCols);
  // By slot: the placements held for others are there, not among anyone's own.
  for (const list of model.workBySlot) {
    for (const w of list) {
      fixed[w.variable] = 1;
      x[w.variable] = state.at[w.person]?.[w.slot] === w.point ? 1 : 0;
    }
  }
  model.columnsByPerson.forEach((list, p) => {
    if (list.length === 0) return;
    const current = new Set<string>();
    for (const runs of state.shifts[p] ?? []) for (const run of runs) current.add(`${run.first}:${run.last}`);
    for (const column of list) {
      fixed[column.variable] = 1;
      x[column.variable] = current.has(`${column.first}:${column.last}`) ? 1 : 0;
    }
  });
  return { x, fixed };
}

/** The slots of the person's shifts on days that are not freed. */
function slotsOfOtherDays(state: SearchState, p: number, freedDays: ReadonlySet<number>): Set<number> {
  const slots = new Set<number>();
  (state.shifts[p] ?? []).forEach((_, day) => {
    if (!freedDays.has(day)) for (const { slot } of state.dayPlan(p, day)) slots.add(slot);
  });
  return slots;
}

/**
 * Everyone else's placements in the slots a freed person-day's shift could reach: its date's slots
 * at the person's sites and, from the last of each run, as far on as their longest shift.
 */
function heldAround(state: SearchState, freed: Freed): Held[] {
  const { inst } = state;
  const reach = new Set<number>();
  for (const [p, days] of freed) {
    const person = inst.people[p] as Instance["people"][number];
    for (const site of person.sites) {
      for (const day of days) {
        for (const g of inst.sites[site]?.slotsByDay[day] ?? []) {
          reach.add(g);
          let cursor = (inst.slots[g] as SlotInfo).next;
          for (
            let steps = 1;
            cursor >= 0 && steps < person.maxWeekSlots && (inst.slots[cursor] as SlotInfo).day !== day;
            steps++
          ) {
            reach.add(cursor);
            cursor = (inst.slots[cursor] as SlotInfo).next;
          }
        }
      }
    }
  }
  const held: Held[] = [];
  state.at.forEach((at, person) => {
    if (freed.has(person)) return;
    for (const slot of reach) {
      const point = at[slot] as number;
      if (point >= 0) held.push({ person, slot, point });
    }
  });
  return held;
}
