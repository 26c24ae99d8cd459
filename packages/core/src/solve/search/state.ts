import { edgeSlots } from "../../rules/keyholder";
import { HARD_RULES } from "../../rules";
import { DeskrotaInternalError } from "../errors";
import { penalty } from "../../rules/hours-fairness";
import { isUnsocial, unsocialShares } from "../../rules/unsocial-fairness";
import type { Instance, SlotInfo } from "../../compile/instance";

/** A shift in the search state: a run of back-to-back slots at one site, on the date it starts. */
export interface ShiftRun {
  first: number;
  last: number;
}

/** One person's placements for the shifts of one date: slot → point, in time order. */
export type DayPlan = { slot: number; point: number }[];

const NONE = -1;
const SHORT_MINUTES = 60;

/**
 * The rota under search, with the counters every goal needs kept up to date, so that changing one
 * person's day is evaluated exactly in time proportional to that day. `objective` equals the
 * MILP's objective and the checker's total score for the same rota (property-tested).
 */
export class SearchState {
  readonly inst: Instance;
  readonly G: number;
  readonly K: number;
  readonly P: number;
  /** per person: point per global slot, −1 where not working */
  readonly at: Int16Array[];
  /** per person, per date: the shifts belonging to that date */
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
  /** counted slots per person and point */
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
  /** per person: the points a student rotates across (independent, at their sites) */
  readonly rotationPoints: number[][];
  /** per person: the people whose mentor they are */
  readonly mentees: number[][];
  readonly w: {
    cover: number;
    target: number;
    supervision: number;
    keyholder: number;
    unsocial: number;
    preferences: number;
    shadowing: number;
    mentor: number;
    shifts: number;
    pointChanges: number;
    shortStints: number;
    rotation: number;
  };
  readonly shortSlots: number;
  objective = 0;

  /**
   * An empty rota. `like`, a state of the same instance, lends its fixed tables (demand, who may
   * work where): working out the structural rules for every person and slot again is the dearest
   * part of a new state, and they never change.
   */
  constructor(inst: Instance, like?: SearchState) {
    this.inst = inst;
    const G = inst.slots.length;
    const K = inst.points.length;
    const P = inst.people.length;
    this.G = G;
    this.K = K;
    this.P = P;
    const slotHours = inst.slotMinutes / 60;
    const weights = inst.weights;
    this.w = {
      cover: weights.cover * slotHours,
      target: weights.coverTarget * slotHours,
      supervision: weights.supervision * slotHours,
      keyholder: weights.keyholder * slotHours,
      unsocial: weights.unsocial,
      preferences: weights.preferences * slotHours,
      shadowing: weights.shadowing * slotHours,
      mentor: weights.mentor * slotHours,
      shifts: weights.shifts,
      pointChanges: weights.pointChanges,
      shortStints: weights.shortStints,
      rotation: weights.rotation,
    };
    this.shortSlots = Math.ceil(SHORT_MINUTES / inst.slotMinutes);
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
    const fixed = like?.inst === inst ? like : fixedTables(inst);
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
    this.objective = this.fullObjective();
  }

  /** Shadowing at a point means the person's training there is `shadowing`. */
  isShadow(person: number, point: number): boolean {
    return this.inst.people[person]?.training[point] === "shadowing";
  }

  pointCost(k: number, g: number): number {
    const i = k * this.G + g;
    if ((this.demandMax[i] as number) < 0) return 0;
    const c = this.counted[i] as number;
    return (
      this.w.cover * Math.max(0, (this.demandMin[i] as number) - c) +
      this.w.target * Math.max(0, (this.demandTarget[i] as number) - c)
    );
  }

  siteCost(g: number): number {
    let cost = (this.leads[g] as number) === 0 ? this.w.supervision : 0;
    if (this.edge[g] && (this.keys[g] as number) === 0) cost += this.w.keyholder;
    return cost;
  }

  /** The person's hours against their target, with `more` slots worked than now. */
  hoursCost(p: number, more = 0): number {
    const person = this.inst.people[p];
    if (!person) return 0;
    const slotHours = this.inst.slotMinutes / 60;
    return penalty(
      (this.worked[p]! + more) * slotHours,
      person.targetSlots * slotHours,
      person.minSlots * slotHours,
      this.inst.weights,
    );
  }

  personCost(p: number): number {
    const person = this.inst.people[p];
    if (!person) return 0;
    const slotHours = this.inst.slotMinutes / 60;
    let cost = this.hoursCost(p);
    const unsocialHours = this.unsocialSlots[p]! * slotHours;
    const share = this.share[p]!;
    if (this.unsocialSlots[p]! > 0) cost += this.w.unsocial * Math.max(0, unsocialHours - share);
    const points = this.rotationPoints[p] ?? [];
    if (points.length >= 2 && this.worked[p]! > 0) {
      let missing = 0;
      for (const k of points) if (this.visits[p * this.K + k] === 0) missing++;
      cost += missing * this.w.rotation;
    }
    return cost;
  }

  /** What the person being at `k` in `g` adds on its own: preferences and shadowing rewards. */
  placementCost(p: number, k: number, g: number): number {
    const wish = this.inst.people[p]?.preference[g] ?? 0;
    return -wish * this.w.preferences + (this.isShadow(p, k) ? -this.w.shadowing : 0) + this.stabilityCost(p, k, g);
  }

  /**
   * Re-solve only (rule `stability`): every published placement is first counted as changed (the
   * constant in `fullObjective`); keeping it refunds that, and a placement not in the published
   * rota is a change of its own.
   */
  stabilityCost(p: number, k: number, g: number): number {
    const reference = this.inst.reference;
    if (!reference) return 0;
    const published = reference.at[p]?.[g] ?? NONE;
    const cost = reference.changeCost[g] ?? 0;
    return published === NONE ? cost : published === k ? -cost : 0;
  }

  /** Mentor reward of shadower `s` at (k, g): their mentor is counted at the same point and slot. */
  mentorCost(s: number, k: number, g: number): number {
    const mentor = this.inst.people[s]?.mentor ?? NONE;
    if (mentor < 0 || !this.isShadow(s, k) || this.at[s]?.[g] !== k) return 0;
    return this.at[mentor]?.[g] === k && !this.isShadow(mentor, k) ? -this.w.mentor : 0;
  }

  shiftCost(p: number, run: ShiftRun): number {
    const at = this.at[p] as Int16Array;
    let stints = 0;
    let short = 0;
    let length = 0;
    let current = NONE;
    for (let g = run.first; g >= 0; g = (this.inst.slots[g] as SlotInfo).next) {
      const k = at[g] as number;
      if (k !== current) {
        if (current !== NONE && length < this.shortSlots) short++;
        stints++;
        current = k;
        length = 0;
      }
      length++;
      if (g === run.last) break;
    }
    if (length < this.shortSlots) short++;
    return this.w.shifts + this.w.pointChanges * (stints - 1) + this.w.shortStints * short;
  }

  fullObjective(): number {
    let total = 0;
    const reference = this.inst.reference;
    if (reference)
      for (const at of reference.at)
        at.forEach((k, g) => {
          total += k === NONE ? 0 : (reference.changeCost[g] ?? 0);
        });
    for (let k = 0; k < this.K; k++) {
      const site = this.inst.sites[this.inst.points[k]?.site ?? 0];
      for (const g of site?.slots ?? []) total += this.pointCost(k, g);
    }
    for (let g = 0; g < this.G; g++) total += this.siteCost(g);
    for (let p = 0; p < this.P; p++) {
      total += this.personCost(p);
      const at = this.at[p] as Int16Array;
      for (let g = 0; g < this.G; g++) {
        const k = at[g] as number;
        if (k !== NONE) total += this.placementCost(p, k, g) + this.mentorCost(p, k, g);
      }
      for (const day of this.shifts[p] ?? []) for (const run of day) total += this.shiftCost(p, run);
    }
    return total;
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
    for (const run of shifts[day] ?? []) delta -= this.shiftCost(p, run);
    delta -= this.personCost(p);
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
    for (const run of runs) delta += this.shiftCost(p, run);
    delta += this.personCost(p);
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
    const siteBefore = this.siteCost(g);
    if (from !== NONE) {
      delta -= this.placementCost(p, from, g) + this.mentorCost(p, from, g) + this.menteeCosts(p, from, g);
      const before = this.pointCost(from, g);
      if (this.isShadow(p, from)) this.shadows[from * this.G + g]!--;
      else {
        this.counted[from * this.G + g]!--;
        this.visits[p * this.K + from]!--;
      }
      delta += this.pointCost(from, g) - before;
      this.adjustPresence(person, g, -1);
      at[g] = NONE;
      delta += this.menteeCosts(p, from, g);
    }
    if (to !== NONE) {
      delta -= this.menteeCosts(p, to, g);
      const before = this.pointCost(to, g);
      if (this.isShadow(p, to)) this.shadows[to * this.G + g]!++;
      else {
        this.counted[to * this.G + g]!++;
        this.visits[p * this.K + to]!++;
      }
      delta += this.pointCost(to, g) - before;
      this.adjustPresence(person, g, 1);
      at[g] = to;
      delta += this.placementCost(p, to, g) + this.mentorCost(p, to, g) + this.menteeCosts(p, to, g);
    }
    delta += this.siteCost(g) - siteBefore;
    return delta;
  }

  private menteeCosts(p: number, k: number, g: number): number {
    let cost = 0;
    for (const s of this.mentees[p] ?? []) cost += this.mentorCost(s, k, g);
    return cost;
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

type FixedTables = Pick<
  SearchState,
  | "demandMin"
  | "demandTarget"
  | "demandMax"
  | "edge"
  | "unsocial"
  | "share"
  | "options"
  | "capacity"
  | "leadsPossible"
  | "keysPossible"
  | "rotationPoints"
  | "mentees"
>;

/** The tables of a state that depend on the instance alone. */
function fixedTables(inst: Instance): FixedTables {
  const G = inst.slots.length;
  const K = inst.points.length;
  const demandMin = new Int16Array(K * G);
  const demandTarget = new Int16Array(K * G);
  const demandMax = new Int16Array(K * G).fill(-1);
  for (const point of inst.points) {
    for (const g of inst.sites[point.site]?.slots ?? []) {
      const d = point.demand[g];
      if (!d) continue;
      demandMin[point.index * G + g] = d.min;
      demandTarget[point.index * G + g] = d.target;
      demandMax[point.index * G + g] = d.max;
    }
  }
  const edge = new Uint8Array(G);
  for (const g of edgeSlots(inst)) edge[g] = 1;
  const unsocial = new Uint8Array(G);
  for (const slot of inst.slots) if (isUnsocial(inst.problem, slot.day, slot.minute)) unsocial[slot.index] = 1;
  const shares = unsocialShares(inst.problem);
  const share = Float64Array.from(inst.people, (p) => shares.get(p.id) ?? 0);

  const filters = HARD_RULES.filter((r) => r.allows);
  const reference = inst.reference;
  const options = inst.people.map((person) => {
    const own: (Int16Array | undefined)[] = new Array(G);
    for (const s of person.sites) {
      const site = inst.sites[s];
      if (!site) continue;
      for (const g of site.slots) {
        let allowed = site.points.filter((k) => filters.every((r) => r.allows?.(inst, person.index, k, g)));
        // In a re-solve the past is fixed: before `now` a person may only be where they were.
        if (reference && (inst.slots[g] as SlotInfo).start < reference.now)
          allowed = allowed.filter((k) => reference.at[person.index]?.[g] === k);
        if (allowed.length > 0) own[g] = Int16Array.from(allowed);
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
  const rotationPoints = inst.people.map((person) =>
    person.student
      ? inst.points
          .filter((k) => person.sites.includes(k.site) && person.training[k.index] === "independent")
          .map((k) => k.index)
      : [],
  );
  const mentees: number[][] = inst.people.map(() => []);
  for (const person of inst.people) if (person.mentor >= 0) mentees[person.mentor]?.push(person.index);
  return {
    demandMin,
    demandTarget,
    demandMax,
    edge,
    unsocial,
    share,
    options,
    capacity,
    leadsPossible,
    keysPossible,
    rotationPoints,
    mentees,
  };
}
