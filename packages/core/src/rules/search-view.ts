import type { Instance } from "../compile/instance";

/** A shift in the search state: a run of back-to-back slots at one site, on the date it starts. */
export interface ShiftRun {
  first: number;
  last: number;
}

/** The weights as the search charges them: per slot worked where a weight is per hour. */
export interface SearchWeights {
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
}

export function searchWeights(inst: Pick<Instance, "slotMinutes" | "weights">): SearchWeights {
  const slotHours = inst.slotMinutes / 60;
  const weights = inst.weights;
  return {
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
}

/**
 * The rota under search as the rules read it: arrays indexed by person, point (k) and global slot
 * (g), with the counters kept up to date by the search state (`solve/search/state.ts`). Rules
 * price it through their `search` terms and never change it.
 */
export interface SearchView {
  readonly inst: Instance;
  /** global slots */
  readonly G: number;
  /** service points */
  readonly K: number;
  /** per person: point per global slot, −1 where not working */
  readonly at: Int16Array[];
  /** per person, per date: the shifts belonging to that date */
  readonly shifts: ShiftRun[][][];
  /** per point and slot (k·G + g): people counted there (independent, not shadowing), and those shadowing */
  readonly counted: Int16Array;
  readonly shadows: Int16Array;
  /** per slot: leads and keyholders present at the slot's site */
  readonly leads: Int16Array;
  readonly keys: Int16Array;
  /** per slot: staff and students present at the slot's site */
  readonly staff: Int16Array;
  readonly students: Int16Array;
  /** per person: slots worked, and those of them unsocial */
  readonly worked: Int32Array;
  readonly unsocialSlots: Int32Array;
  /** counted slots per person and point (p·K + k) */
  readonly visits: Int32Array;
  /** per point and slot: the demand band (max −1 where the point is closed) */
  readonly demandMin: Int16Array;
  readonly demandTarget: Int16Array;
  readonly demandMax: Int16Array;
  /** per slot: 1 at a site's opening or closing */
  readonly edge: Uint8Array;
  /** per slot: 1 in the evening, at night or at the weekend */
  readonly unsocial: Uint8Array;
  /** per person: their fair share of unsocial hours */
  readonly share: Float64Array;
  /** per person: the points a student rotates across (independent, at their sites) */
  readonly rotationPoints: number[][];
  /** per person: the people whose mentor they are */
  readonly mentees: number[][];
  readonly w: SearchWeights;
  /** stints shorter than this many slots are short */
  readonly shortSlots: number;
  isShadow(person: number, point: number): boolean;
}

/**
 * A rule's part of the search's objective, split by what it depends on, so that the search state
 * re-prices only the parts a change touches. The state sums each kind over every rule that has it
 * (in the rules' order); together they equal the rule's `score` and its MILP terms on the same
 * rota (the per-rule verifier holds them to that).
 */
export interface SearchTerms {
  /** charged once, whatever the rota (a re-solve counts every published placement as changed) */
  constant?(view: SearchView): number;
  /** one service point in one slot, from the people counted there */
  point?(view: SearchView, k: number, g: number): number;
  /** one slot at its site, from who is present */
  slot?(view: SearchView, g: number): number;
  /** one person over the week, from their counters */
  person?(view: SearchView, p: number): number;
  /** the person being at k in g, on its own */
  placement?(view: SearchView, p: number, k: number, g: number): number;
  /**
   * The person at k in g beside a partner (a shadower and their mentor), charged to the person;
   * `partnersOf(p)` are those whose `pair` term p's own placement changes.
   */
  pair?(view: SearchView, p: number, k: number, g: number): number;
  partnersOf?(view: SearchView, p: number): readonly number[];
  /** one shift of the person */
  shift?(view: SearchView, p: number, run: ShiftRun): number;
}

/** A person's price of being at point k in slot g. */
export type SlotPrice = (k: number, g: number) => number;

/** `DayTerms.keeps`: the placement may move to any point of the site, as long as the person stays. */
export const ANY_POINT = -2;
/** `DayTerms.keeps`: nothing relies on the placement. */
export const FREE = -1;

/**
 * A rule's part of the day DP (`solve/search/dp.ts`), which plans one person's day (one shift at
 * one site) with everyone else as they are. The DP composes these over every rule that has them,
 * so that a rule's price, or the limit it puts on a day, is changed in the rule's module alone.
 * For a gap rule or soft goal, the DP's price of a plan (its `join`s, its shape prices and `hours`)
 * is the change the plan makes to the rule's `search` terms, unless `inexact` says why not (the
 * per-rule verifier holds every other rule to that).
 */
export interface DayTerms {
  /**
   * For person p: the change in the rule's terms when p, not working in slot g, joins point k
   * there, everyone else as they are; Infinity where a hard rule forbids it. Undefined where the
   * rule cannot touch p's day (the DP then leaves it out for p). A rule without one is priced by
   * its `search.placement` term.
   */
  join?(view: SearchView, p: number): SlotPrice | undefined;
  /** per shift the plan makes */
  shift?(view: SearchView): number;
  /** per change of point inside a shift */
  pointChange?(view: SearchView): number;
  /** per stint shorter than `view.shortSlots` slots */
  shortStint?(view: SearchView): number;
  /** the change in the rule's person term when p works `extra` slots more than now */
  hours?(view: SearchView, p: number): (extra: number) => number;
  /**
   * Whether the rest of the rota relies on p being at k in g: the point p must stay at, `ANY_POINT`,
   * or `FREE`.
   */
  keeps?(view: SearchView, p: number, k: number, g: number): number;
  /** the most slots p may work on one date, and in the rest of the week (beyond what p works now) */
  maxDaySlots?(view: SearchView, p: number): number;
  maxWeekSlots?(view: SearchView, p: number): number;
  /** the fewest slots a shift of p's may have */
  minShiftSlots?(view: SearchView, p: number): number;
  /** the most back-to-back slots at point k */
  maxStintSlots?(view: SearchView, k: number): number;
  /** the least time between shifts of different dates */
  restMs?(view: SearchView): number;
  /** why the DP's price of a day is not the change in the rule's terms (it sees one day at a time) */
  inexact?: string;
}
