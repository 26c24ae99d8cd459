import type { Instance, SlotInfo } from "../../compile/instance";
import { HARD_RULES } from "../../rules";
import { hoursCost } from "../../rules/hours-fairness";
import { type ViewTables, viewTables } from "../../rules/search-tables";
import { type SearchView, type SearchWeights, type ShiftRun, searchWeights } from "../../rules/search-view";
import { DeskrotaInternalError } from "../errors";
import { OBJECTIVE } from "./objective";

export type { ShiftRun };

/** One person's placements for the shifts of one date: slot → point, in time order. */
export type DayPlan = { slot: number; point: number }[];

const NONE = -1;

/**
 * The rota under search, with the counters every goal needs kept up to date, so that changing one
 * person's day is evaluated exactly in time proportional to that day. It is the rules' `SearchView`
 * (whose fields say what each holds; its fixed tables come from `viewTables`). The rules price it
 * (their `search` terms, summed by `OBJECTIVE`); `objective` equals the MILP's objective and the
 * checker's total score for the same rota (the per-rule verifier and a property test hold them to that).
 */
export class SearchState implements SearchView {
  readonly inst: Instance;
  readonly G: number;
  readonly K: number;
  readonly P: number;
  readonly at: Int16Array[];
  readonly shifts: ShiftRun[][][];
  /** per person: how many times their days were set, so that a copy of the rota can copy only who changed */
  readonly versions: Uint32Array;
  readonly counted: Int16Array;
  readonly shadows: Int16Array;
  readonly leads: Int16Array;
  readonly keys: Int16Array;
  readonly staff: Int16Array;
  readonly students: Int16Array;
  readonly worked: Int32Array;
  readonly unsocialSlots: Int32Array;
  readonly visits: Int32Array;
  /** per person and slot: the points the structural rules allow (undefined: cannot work then) */
  readonly options: (Int16Array | undefined)[][];
  readonly demandMin: Int16Array;
  readonly demandTarget: Int16Array;
  readonly demandMax: Int16Array;
  readonly edge: Uint8Array;
  readonly unsocial: Uint8Array;
  readonly share: Float64Array;
  /** per point and slot: how many people could be counted there at all (a gap beyond it cannot be filled) */
  readonly capacity: Int16Array;
  readonly leadsPossible: Uint8Array;
  readonly keysPossible: Uint8Array;
  readonly rotationPoints: number[][];
  readonly mentees: number[][];
  readonly w: SearchWeights;
  readonly shortSlots: number;
  objective = 0;

  /**
   * An empty rota. `like`, a state of the same instance (or of one that differs only in its weights,
   * as a repair's fill-first pricing does), lends its fixed tables (demand, who may work where):
   * working out the structural rules for every person and slot again is the dearest part of a new
   * state, and they never change.
   */
  constructor(inst: Instance, like?: SearchState) {
    this.inst = inst;
    const G = inst.slots.length;
    const K = inst.points.length;
    const P = inst.people.length;
    this.G = G;
    this.K = K;
    this.P = P;
    this.at = inst.people.map(() => new Int16Array(G).fill(NONE));
    this.shifts = inst.people.map(() => inst.dates.map(() => []));
    this.versions = new Uint32Array(P);
    this.counted = new Int16Array(K * G);
    this.shadows = new Int16Array(K * G);
    this.leads = new Int16Array(G);
    this.keys = new Int16Array(G);
    this.staff = new Int16Array(G);
    this.students = new Int16Array(G);
    this.worked = new Int32Array(P);
    this.unsocialSlots = new Int32Array(P);
    this.visits = new Int32Array(P * K);
    const fixed = like && sameTables(like.inst, inst) ? like : fixedTables(inst);
    this.demandMin = fixed.demandMin;
    this.demandTarget = fixed.demandTarget;
    this.demandMax = fixed.demandMax;
    this.edge = fixed.edge;
    this.unsocial = fixed.unsocial;
    this.share = fixed.share;
    this.options = fixed.options;
    this.capacity = fixed.capacity;
    this.leadsPossible = fixed.leadsPossible;
    this.keysPossible = fixed.keysPossible;
    this.rotationPoints = fixed.rotationPoints;
    this.mentees = fixed.mentees;
    // The weights are the one table a lender may differ in (a repair's fill-first pricing).
    this.w = fixed === like && like.inst !== inst ? searchWeights(inst) : fixed.w;
    this.shortSlots = fixed.shortSlots;
    this.objective = this.fullObjective();
  }

  /** Shadowing at a point means the person's training there is `shadowing`. */
  isShadow(person: number, point: number): boolean {
    return this.inst.people[person]?.training[point] === "shadowing";
  }

  /** A slot without a lead on site where someone who may work then could be one. */
  missesLead(g: number): boolean {
    return this.leads[g] === 0 && Boolean(this.leadsPossible[g]);
  }

  /** An opening or closing slot without a keyholder where someone who may work then holds keys. */
  missesKeyholder(g: number): boolean {
    return Boolean(this.edge[g]) && this.keys[g] === 0 && Boolean(this.keysPossible[g]);
  }

  /** The person's hours against their target, with `more` slots worked than now. */
  hoursCost(p: number, more = 0): number {
    return hoursCost(this, p, more);
  }

  /** What the person being at `k` in `g` adds on its own (preferences, shadowing, stability). */
  placementCost(p: number, k: number, g: number): number {
    return OBJECTIVE.placement(this, p, k, g);
  }

  fullObjective(): number {
    return OBJECTIVE.total(this);
  }

  /** The person's current plan for a date (the slots of the shifts that belong to it). */
  dayPlan(p: number, day: number): DayPlan {
    const plan: DayPlan = [];
    const at = this.at[p] as Int16Array;
    for (const run of this.shifts[p]?.[day] ?? []) {
      for (let g = run.first; g >= 0; g = (this.inst.slots[g] as SlotInfo).next) {
        plan.push({ slot: g, point: at[g] as number });
        if (g === run.last) break;
      }
    }
    return plan;
  }

  /**
   * Replaces the person's shifts of one date by `plan` (slots in time order; back-to-back slots
   * form one shift) and updates every counter and the objective. Returns the plan it replaced.
   */
  setDay(p: number, day: number, plan: DayPlan): DayPlan {
    const old = this.dayPlan(p, day);
    this.versions[p] = (this.versions[p] as number) + 1;
    const shifts = this.shifts[p] as ShiftRun[][];
    let delta = 0;
    for (const run of shifts[day] ?? []) delta -= OBJECTIVE.shift(this, p, run);
    delta -= OBJECTIVE.person(this, p);
    for (const { slot, point } of old) delta += this.place(p, slot, point, NONE);
    for (const { slot, point } of plan) {
      // A slot another date's shift already holds would be counted twice: a search bug, never data.
      if (this.at[p]?.[slot] !== NONE)
        throw new DeskrotaInternalError(
          "DESKROTA_E_OVERLAP",
          `${this.inst.people[p]?.id} would be placed twice in slot ${slot} (date ${day})`,
        );
      delta += this.place(p, slot, NONE, point);
    }
    const runs: ShiftRun[] = [];
    for (const { slot } of plan) {
      const last = runs[runs.length - 1];
      if (last && (this.inst.slots[last.last] as SlotInfo).next === slot) last.last = slot;
      else runs.push({ first: slot, last: slot });
    }
    shifts[day] = runs;
    for (const run of runs) delta += OBJECTIVE.shift(this, p, run);
    delta += OBJECTIVE.person(this, p);
    this.objective += delta;
    return old;
  }

  /**
   * Undoes a series of `setDay` calls, given the plans they replaced in the order made. Every touched
   * person-day is cleared before any is restored: restoring one at a time could put a shift that
   * starts at midnight back while a new shift of the previous date still runs past midnight.
   */
  undo(journal: readonly { p: number; day: number; old: DayPlan }[]): void {
    const original = new Map<string, { p: number; day: number; old: DayPlan }>();
    for (const entry of journal)
      if (!original.has(`${entry.p}:${entry.day}`)) original.set(`${entry.p}:${entry.day}`, entry);
    for (const { p, day } of original.values()) this.setDay(p, day, []);
    for (const { p, day, old } of original.values()) this.setDay(p, day, old);
  }

  /** Moves the person in one slot from point `from` to point `to` (−1: not working); returns the objective change. */
  private place(p: number, g: number, from: number, to: number): number {
    const person = this.inst.people[p];
    if (!person || from === to) return 0;
    const at = this.at[p] as Int16Array;
    let delta = 0;
    const siteBefore = OBJECTIVE.slot(this, g);
    if (from !== NONE) {
      delta -=
        OBJECTIVE.placement(this, p, from, g) + OBJECTIVE.pair(this, p, from, g) + OBJECTIVE.partners(this, p, from, g);
      const before = OBJECTIVE.point(this, from, g);
      if (this.isShadow(p, from)) this.shadows[from * this.G + g]!--;
      else {
        this.counted[from * this.G + g]!--;
        this.visits[p * this.K + from]!--;
      }
      delta += OBJECTIVE.point(this, from, g) - before;
      this.adjustPresence(person, g, -1);
      at[g] = NONE;
      delta += OBJECTIVE.partners(this, p, from, g);
    }
    if (to !== NONE) {
      delta -= OBJECTIVE.partners(this, p, to, g);
      const before = OBJECTIVE.point(this, to, g);
      if (this.isShadow(p, to)) this.shadows[to * this.G + g]!++;
      else {
        this.counted[to * this.G + g]!++;
        this.visits[p * this.K + to]!++;
      }
      delta += OBJECTIVE.point(this, to, g) - before;
      this.adjustPresence(person, g, 1);
      at[g] = to;
      delta +=
        OBJECTIVE.placement(this, p, to, g) + OBJECTIVE.pair(this, p, to, g) + OBJECTIVE.partners(this, p, to, g);
    }
    delta += OBJECTIVE.slot(this, g) - siteBefore;
    return delta;
  }

  private adjustPresence(person: Instance["people"][number], g: number, by: number): void {
    const p = person.index;
    if (person.lead) this.leads[g]! += by;
    if (person.keyholder) this.keys[g]! += by;
    if (person.student) this.students[g]! += by;
    else this.staff[g]! += by;
    this.worked[p]! += by;
    if (this.unsocial[g]) this.unsocialSlots[p]! += by;
  }
}

type Allows = NonNullable<(typeof HARD_RULES)[number]["allows"]>;

type FixedTables = ViewTables & Pick<SearchState, "options" | "capacity" | "leadsPossible" | "keysPossible">;

/** The fixed tables (but the search's weights) depend on everything in an instance but its weights. */
function sameTables(a: Instance, b: Instance): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Instance)[];
  // The take-back prices changes apart (`changesFirst`): a reference's change costs are weights too.
  const sameReference = a.reference?.at === b.reference?.at && a.reference?.now === b.reference?.now;
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key === "weights" || a[key] === b[key] || (key === "reference" && sameReference))
  );
}

/** The tables of a state that depend on the instance alone: the view's, and who may work where. */
function fixedTables(inst: Instance): FixedTables {
  const G = inst.slots.length;
  const K = inst.points.length;
  const filters = HARD_RULES.flatMap((r) => (r.allows ? [r.allows] : []));
  const reference = inst.reference;
  // The lists are read, never written: one typed array per distinct list of a site's points (keyed
  // by which of them it holds) rather than one per person-slot, which on the large system was
  // 20 000 small buffers (44 distinct lists) for the collector per state (decisions.md §15, sixth round).
  const lists = inst.sites.map(() => new Map<number | string, Int16Array>());
  const allowed: number[] = [];
  const options = inst.people.map((person) => {
    const own: (Int16Array | undefined)[] = new Array(G);
    const published = reference?.at[person.index];
    for (const s of person.sites) {
      const site = inst.sites[s];
      if (!site) continue;
      const points = site.points;
      const listed = lists[s] as Map<number | string, Int16Array>;
      for (const g of site.slots) {
        // In a re-solve the past is fixed: before `now` a person may only be where they were.
        const past = reference !== undefined && (inst.slots[g] as SlotInfo).start < reference.now;
        allowed.length = 0;
        let held = 0;
        for (let i = 0; i < points.length; i++) {
          const k = points[i] as number;
          if (past && published?.[g] !== k) continue;
          let ok = true;
          for (let r = 0; ok && r < filters.length; r++) ok = (filters[r] as Allows)(inst, person.index, k, g);
          if (!ok) continue;
          allowed.push(k);
          held += 2 ** i;
        }
        if (allowed.length === 0) continue;
        // Exact as a number up to 53 points at a site.
        const key = points.length <= 53 ? held : allowed.join();
        let list = listed.get(key);
        if (!list) {
          list = Int16Array.from(allowed);
          listed.set(key, list);
        }
        own[g] = list;
      }
    }
    return own;
  });
  const capacity = new Int16Array(K * G);
  const leadsPossible = new Uint8Array(G);
  const keysPossible = new Uint8Array(G);
  options.forEach((own, p) => {
    const person = inst.people[p];
    own.forEach((points, g) => {
      if (!points || !person) return;
      if (person.lead) leadsPossible[g] = 1;
      if (person.keyholder) keysPossible[g] = 1;
      for (const k of points) if (person.training[k] === "independent") capacity[k * G + g]!++;
    });
  });
  return { ...viewTables(inst), options, capacity, leadsPossible, keysPossible };
}
