import { RULES } from "../../rules";
import type { MilpBackend } from "../backends/backend";
import type { Column } from "../columns";
import type { SlotInfo } from "../instance";
import { columnRows, restrict, verifySolution, type ColumnRows } from "../milp";
import { buildModel, type ModelContext } from "../model";
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
  private readonly model: ModelContext;
  private readonly byColumn: ColumnRows;
  private readonly rota: Uint8Array;
  private readonly columnAt = new Map<string, Column>();

  constructor(
    private readonly state: SearchState,
    private readonly backend: MilpBackend,
  ) {
    this.model = buildModel(state.inst, RULES, { labelled: false });
    this.byColumn = columnRows(this.model.milp);
    this.rota = new Uint8Array(this.model.milp.numCols);
    for (const own of this.model.workByPerson) for (const list of own.values()) for (const w of list) this.rota[w.variable] = 1;
    for (const column of this.model.columns) {
      this.rota[column.variable] = 1;
      this.columnAt.set(`${column.person}:${column.first}:${column.last}`, column);
    }
  }

  /** The slots of the person's shifts on days that are not freed. */
  private slotsOfOtherDays(p: number, freedDays: Set<number>): Set<number> {
    const slots = new Set<number>();
    (this.state.shifts[p] ?? []).forEach((_, day) => {
      if (!freedDays.has(day)) for (const { slot } of this.state.dayPlan(p, day)) slots.add(slot);
    });
    return slots;
  }

  /** A point with more counted people than its band allows, in a slot a freed person now works. */
  private overfull(freed: Map<number, Set<number>>): boolean {
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

  /** The current rota as model values: its placements and shifts; NaN for what follows from them. */
  private values(): Float64Array {
    const x = new Float64Array(this.model.milp.numCols).fill(NaN);
    this.rota.forEach((isRota, j) => {
      if (isRota) x[j] = 0;
    });
    this.model.workByPerson.forEach((own, p) => {
      const at = this.state.at[p] as Int16Array;
      for (const [g, list] of own) for (const w of list) if (at[g] === w.point) x[w.variable] = 1;
    });
    this.state.shifts.forEach((byDay, p) => {
      for (const runs of byDay) for (const run of runs) {
        const column = this.columnAt.get(`${p}:${run.first}:${run.last}`);
        if (column) x[column.variable] = 1;
      }
    });
    return x;
  }

  /**
   * Re-optimises the given person-days exactly and keeps the result if the rota gets better.
   * Returns the objective change (0 when nothing better was found).
   */
  improve(personDays: [number, number][], limits: { timeLimitSeconds?: number; nodeLimit?: number; seed?: number }): number {
    const { milp, columnsByPerson, workByPerson, inst } = { ...this.model, inst: this.state.inst };
    const x = this.values();
    const fixed = this.rota.slice();
    const seeds: number[] = [];
    const freed = new Map<number, Set<number>>();
    for (const [p, day] of personDays) {
      const days = freed.get(p) ?? new Set<number>();
      days.add(day);
      freed.set(p, days);
    }
    const keptByPerson = new Map([...freed].map(([p, days]) => [p, this.slotsOfOtherDays(p, days)]));
    for (const [p, day] of personDays) {
      const own = workByPerson[p];
      const keptElsewhere = keptByPerson.get(p) as Set<number>;
      for (const column of columnsByPerson[p] ?? []) {
        if (column.day !== day) continue;
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
    if (seeds.length === 0) return 0;
    const { sub, columns } = restrict(milp, this.byColumn, fixed, x, seeds);
    const start = Float64Array.from(columns, (j) => x[j] ?? 0);
    const result = this.backend.solve(sub, { ...limits, start, relativeGap: 1e-6, cutPool: MOVE_CUT_POOL });
    if (!result.x || (result.status !== "optimal" && result.status !== "feasible")) return 0;
    if (verifySolution(sub, result.x).length > 0) return 0;
    // Read the new plans of the freed person-days and apply them; the search state judges.
    const chosen = new Float64Array(milp.numCols);
    columns.forEach((j, i) => (chosen[j] = result.x?.[i] ?? 0));
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
