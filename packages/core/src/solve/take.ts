import type { Instance, SlotInfo } from "../compile/instance";
import { bestDay, requiredOf, type Required } from "./search/dp";
import type { DayPlan, SearchState } from "./search/state";

/** Slot → point for every pinned slot, per person. */
export type PinnedSlots = Map<number, Map<number, number>>;

export function pinnedSlots(inst: Instance): PinnedSlots {
  const pins: PinnedSlots = new Map();
  for (const pin of inst.pins)
    for (const g of pin.slots)
      pins.set(pin.person, (pins.get(pin.person) ?? new Map<number, number>()).set(g, pin.point));
  return pins;
}

export interface Take {
  /** the date the plan is for: a gap over midnight is taken one date at a time */
  day: number;
  plan: DayPlan;
  /** the slots of the gap the plan takes: the longest run the person can */
  run: number[];
  old: DayPlan;
}

/**
 * The one fact both a gap's reason and its swap candidates rest on: the person's best day that
 * takes the longest run of the gap's slots they can, with what the rest of the rota needs from
 * their day held (pins, a shadowing colleague's only independent colleague, a student's only
 * staff member, and `held`). `usable` and `kept` say which slots were open to them and which they
 * must keep elsewhere. The state is left as it was.
 */
export function bestTake(
  state: SearchState,
  p: number,
  point: number,
  slots: number[],
  pins: PinnedSlots,
  held: Map<number, number> = new Map(),
  acceptable: (plan: DayPlan, day: number) => boolean = () => true,
  pieces = true,
): { take: Take | undefined; usable: number[]; kept: number[] } {
  const inst = state.inst;
  const dayOf = (g: number) => (inst.slots[g] as SlotInfo).day;
  const required = new Map<number, Required>();
  for (const day of new Set(slots.map(dayOf))) {
    const needs = requiredOf(state, p, day, pins.get(p));
    for (const [g, k] of held) if (dayOf(g) === day) needs.set(g, k);
    required.set(day, needs);
  }
  const kept = slots.filter((g) => neededElsewhere(required.get(dayOf(g)) as Required, g, point));
  const usable = slots.filter(
    (g) => state.options[p]?.[g]?.includes(point) && (state.at[p]?.[g] ?? -1) !== point && !kept.includes(g),
  );
  // A student cannot be where no staff member is: such slots end a run like a busy one does, so the
  // staffed middle of a gap is tried too, not only its ends.
  const alone = inst.people[p]?.student === true && !inst.studentAloneAllowed;
  const reachable = alone ? usable.filter((g) => (state.staff[g] as number) > 0) : usable;
  const runs = runsOf(inst, reachable, inst.points[point]?.maxStintSlots ?? Infinity);
  for (const run of pieces ? withPieces(runs) : runs) {
    const day = dayOf(run[0] as number);
    const needs = new Map(required.get(day));
    for (const g of run) needs.set(g, point);
    const old = state.setDay(p, day, []);
    const result = bestDay(state, p, day, needs);
    state.setDay(p, day, old);
    if (result && acceptable(result.plan, day)) return { take: { day, plan: result.plan, run, old }, usable, kept };
  }
  return { take: undefined, usable, kept };
}

/**
 * Each run, then halves, quarters… of it at either end, longest first: someone whose shift cannot
 * stretch over a whole run (length, daily hours, rest) may still take its first or last part.
 */
function withPieces(runs: number[][]): number[][] {
  const seen = new Set<string>();
  const all: number[][] = [];
  const add = (run: number[]) => {
    const key = `${run[0]}:${run.length}`;
    if (run.length > 0 && !seen.has(key)) {
      seen.add(key);
      all.push(run);
    }
  };
  for (const run of runs) {
    add(run);
    for (let n = Math.ceil(run.length / 2); n >= 1; n = n === 1 ? 0 : Math.ceil(n / 2)) {
      add(run.slice(0, n));
      add(run.slice(run.length - n));
    }
  }
  return all.sort((a, b) => b.length - a.length);
}

/** The slot is one the person's day must keep at another point. */
function neededElsewhere(required: Required, g: number, point: number): boolean {
  const need = required.get(g);
  return need !== undefined && need >= 0 && need !== point;
}

/**
 * Maximal runs of back-to-back slots, longest first; a run longer than the point's stint limit
 * is also offered in pieces of that limit, since nobody can take it whole.
 */
function runsOf(inst: Instance, slots: number[], stintLimit: number): number[][] {
  const runs: number[][] = [];
  for (const g of slots) {
    const last = runs[runs.length - 1];
    const previous = inst.slots[last?.[last.length - 1] as number] as SlotInfo | undefined;
    // A run stops at midnight too: each date's shift is planned on its own.
    if (last && previous?.next === g && previous.day === (inst.slots[g] as SlotInfo).day) last.push(g);
    else runs.push([g]);
  }
  const pieces = runs
    .filter((run) => run.length > stintLimit)
    .flatMap((run) =>
      Array.from({ length: Math.ceil(run.length / stintLimit) }, (_, i) =>
        run.slice(i * stintLimit, (i + 1) * stintLimit),
      ),
    );
  return [...runs, ...pieces].sort((a, b) => b.length - a.length);
}

/**
 * How much less minimum cover is missing (in person-slots) with the take in place of the person's
 * day: what the swap list calls taking a gap rather than moving it. The state is left as it was.
 */
export function coverGain(state: SearchState, p: number, take: Take): number {
  const day = take.day;
  const touched = [...take.old, ...take.plan];
  const missing = () =>
    [...new Set(touched.map(({ slot, point }) => point * state.G + slot))].reduce(
      (n, i) => n + Math.max(0, (state.demandMin[i] as number) - (state.counted[i] as number)),
      0,
    );
  const before = missing();
  const old = state.setDay(p, day, take.plan);
  const after = missing();
  state.setDay(p, day, old);
  return before - after;
}
