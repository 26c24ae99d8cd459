import type { SlotInfo } from "../../compile/instance";
import { bestDay, dayOptions, requiredOf } from "./dp";
import { gapLevelsAt } from "./gap-levels";
import type { Pins } from "./search";
import type { DayPlan, SearchState } from "./state";
import { WINDOW_BUDGET, windowRelabels } from "./steady-window";

/** One stint of a day plan: its point and the plan's indices it spans. */
interface Stint {
  point: number;
  from: number;
  to: number;
}

/**
 * A change tried: person-days and the plan each must keep (slot → point), the rest left to the day DP;
 * or, `exact`, the plans themselves (a window re-labelled, each person keeping the slots they work).
 */
type Candidate = { p: number; day: number; plan: DayPlan }[] & { exact?: true };

const EPSILON = 1e-9;

/**
 * The steady finish: after the search, each stint under an hour that closes no gap (taking it away
 * leaves every point's minimum, lead and keyholder as they are) is re-planned away where that makes
 * the rota no worse. The search removes a short stint only by re-planning whole person-days one
 * after another, so the coordinated relabels that remove one (the person stays at the desk before
 * it while the colleague it interrupts carries on at its point) lie behind a worse rota it rarely
 * walks through. Each change is taken only if every touched day is one the day DP builds (so every
 * hard rule holds), no kind of gap grows, the objective does not rise and there are fewer short
 * stints. Deterministic: people, days and candidates in index order.
 */
export function finishSteady(state: SearchState, pins: Pins): number {
  let removed = 0;
  const budget = { steps: WINDOW_BUDGET };
  for (let p = 0; p < state.P; p++) {
    for (let day = 0; day < state.inst.dates.length; day++) {
      // Each accepted change removes a short stint, so this ends.
      for (;;) {
        const plan = state.dayPlan(p, day);
        const stints = stintsOf(state, plan);
        const chosen = stints.findIndex(
          (s, i) =>
            s.to - s.from + 1 < state.shortSlots &&
            !closesGap(state, p, plan, s) &&
            tried(state, pins, budget, p, day, stints, i),
        );
        if (chosen < 0) break;
        removed++;
      }
    }
  }
  return removed;
}

/** Tries the candidates that remove stint `i` of the person's day; keeps the best acceptable one. */
function tried(
  state: SearchState,
  pins: Pins,
  budget: { steps: number },
  p: number,
  day: number,
  stints: Stint[],
  i: number,
): boolean {
  let best: { candidate: Candidate; objective: number } | undefined;
  const judge = (candidates: Candidate[]) => {
    for (const candidate of candidates) {
      const outcome = apply(state, pins, candidate);
      if (outcome && (!best || outcome.objective < best.objective - EPSILON))
        best = { candidate, objective: outcome.objective };
    }
  };
  judge(candidatesOf(state, p, day, stints, i));
  // The window is the last resort: it moves several people's turns, which a re-solve of the rota
  // then works from, so it is tried only where no change of one or two person-days is taken.
  if (!best) judge(windowsOf(state, p, day, stints[i] as Stint, budget));
  if (!best) return false;
  return apply(state, pins, best.candidate, true) !== undefined;
}

/**
 * Applies a candidate, judges it against the rota before it and undoes it unless `keep` (and it
 * passes). Returns the objective it leads to, or undefined when it is not acceptable.
 */
function apply(state: SearchState, pins: Pins, candidate: Candidate, keep = false): { objective: number } | undefined {
  const before = state.objective;
  const days = candidate.map(({ p, day }) => ({ p, day, old: state.dayPlan(p, day) }));
  const slots = new Set(days.flatMap(({ old }) => old.map((x) => x.slot)));
  const gapsBefore = gapLevelsAt(state, slots);
  const shortBefore = days.reduce((n, { old }) => n + shortCount(state, old), 0);
  let ok = true;
  // Slots where someone outside the change relied on a point it moves (a shadower's only colleague):
  // the change may bring them company of its own, so their days are judged after it, not refused.
  const relied = new Set<number>();
  const requireds = candidate.map(({ p, day, plan }) => {
    const pinned = pins.get(p);
    const required = requiredOf(state, p, day, pinned);
    for (const { slot, point } of plan) {
      const need = required.get(slot);
      if (need !== undefined && need >= 0 && need !== point) {
        if (pinned?.has(slot)) ok = false;
        else relied.add(slot);
      }
      required.set(slot, point);
    }
    return required;
  });
  if (!ok) return undefined;
  // All cleared first: in a hand-over each of the two days needs the place the other leaves.
  for (const { p, day } of candidate) state.setDay(p, day, []);
  for (const [c, { p, day, plan }] of candidate.entries()) {
    // A re-labelled window keeps its slots: the DP may not lengthen one day into a slot another needs.
    const result = candidate.exact ? { plan } : bestDay(state, p, day, requireds[c] as Map<number, number>);
    if (!result) {
      ok = false;
      break;
    }
    state.setDay(p, day, result.plan);
  }
  // Each day was built with the others as they were then: each must still be one the DP builds now.
  if (ok && (candidate.length > 1 || candidate.exact)) ok = days.every(({ p, day }) => holds(state, pins, p, day));
  if (ok && relied.size > 0) ok = bystanders(state, candidate, relied).every(([q, day]) => holds(state, pins, q, day));
  if (ok) {
    for (const { p, day } of days) for (const x of state.dayPlan(p, day)) slots.add(x.slot);
    const gapsAfter = gapLevelsAt(state, slots);
    const shortAfter = days.reduce((n, { p, day }) => n + shortCount(state, state.dayPlan(p, day)), 0);
    ok =
      gapsAfter.cover <= gapsBefore.cover &&
      gapsAfter.lead <= gapsBefore.lead &&
      gapsAfter.keyholder <= gapsBefore.keyholder &&
      shortAfter < shortBefore &&
      state.objective <= before + EPSILON;
  }
  const objective = state.objective;
  if (!ok || !keep) state.undo(days);
  return ok ? { objective } : undefined;
}

/** The person-days outside the candidate that work in one of the slots (with the date of their shift). */
function bystanders(state: SearchState, candidate: Candidate, slots: Set<number>): [number, number][] {
  return shiftsHolding(state, slots, new Set(candidate.map(({ p }) => p)));
}

/**
 * Whether the day as it is is one the DP can build, with the rest of the rota as it is: every slot
 * required where it is, and no longer (a plan of its length holding them all is the plan itself).
 */
function holds(state: SearchState, pins: Pins, p: number, day: number): boolean {
  const plan = state.dayPlan(p, day);
  const required = requiredOf(state, p, day, pins.get(p));
  for (const { slot, point } of plan) {
    const need = required.get(slot);
    if (need !== undefined && need >= 0 && need !== point) return false;
    required.set(slot, point);
  }
  state.setDay(p, day, []);
  const options = dayOptions(state, p, day, required, new Set([day]));
  state.setDay(p, day, plan);
  return plan.length === 0 || options[plan.length] !== undefined;
}

/**
 * Ways to take the short stint away: relabel it to the point before or after it, drop it at the
 * shift's edge, or lengthen it to an hour into a neighbouring stint; each alone, and each with a
 * colleague working beside it at the site taking over what the person leaves (the slots and
 * points the person no longer covers), as a hand-over does; or exchange points with such a
 * colleague from the stint on, or up to its end.
 */
function candidatesOf(state: SearchState, p: number, day: number, stints: Stint[], i: number): Candidate[] {
  const plan = state.dayPlan(p, day);
  const stint = stints[i] as Stint;
  const prev = stints[i - 1];
  const next = stints[i + 1];
  const inWindow = (j: number) => j >= stint.from && j <= stint.to;
  const relabel = (point: number) => plan.map((x, j) => (inWindow(j) ? { ...x, point } : x));
  const own: DayPlan[] = [];
  for (const side of [prev, next]) if (side) own.push(relabel(side.point));
  if (!prev || !next) own.push(plan.filter((_, j) => !inWindow(j)));
  const need = state.shortSlots - (stint.to - stint.from + 1);
  if (prev) own.push(plan.map((x, j) => (j >= stint.from - need && j < stint.from ? { ...x, point: stint.point } : x)));
  if (next) own.push(plan.map((x, j) => (j > stint.to && j <= stint.to + need ? { ...x, point: stint.point } : x)));
  const candidates: Candidate[] = [];
  for (const mine of own) {
    candidates.push([{ p, day, plan: mine }]);
    const kept = new Map(mine.map((x) => [x.slot, x.point]));
    const left = plan.filter((x) => kept.get(x.slot) !== x.point);
    for (const [q, qDay] of beside(state, p, left)) {
      const taken = new Set(left.map((x) => x.slot));
      const theirs = [...state.dayPlan(q, qDay).filter((x) => !taken.has(x.slot)), ...left].sort(
        (a, b) => (state.inst.slots[a.slot] as SlotInfo).start - (state.inst.slots[b.slot] as SlotInfo).start,
      );
      candidates.push([
        { p, day, plan: mine },
        { p: q, day: qDay, plan: theirs },
      ]);
    }
  }
  // Or the person and a colleague beside them exchange points from the stint on, or up to its end:
  // two people taking turns at a desk with a stint limit, each turn moved by half an hour.
  const first = (state.inst.slots[(plan[stint.from] as DayPlan[number]).slot] as SlotInfo).start;
  const last = (state.inst.slots[(plan[stint.to] as DayPlan[number]).slot] as SlotInfo).end;
  const mine = new Map(plan.map((x) => [x.slot, x.point]));
  for (const [q, qDay] of beside(state, p, plan.slice(stint.from, stint.to + 1))) {
    const theirPlan = state.dayPlan(q, qDay);
    const theirs = new Map(theirPlan.map((x) => [x.slot, x.point]));
    for (const tail of [true, false]) {
      const swapped = (slot: number) => {
        const info = state.inst.slots[slot] as SlotInfo;
        return mine.has(slot) && theirs.has(slot) && (tail ? info.start >= first : info.end <= last);
      };
      const exchange = (own: DayPlan, other: Map<number, number>) =>
        own.map((x) => (swapped(x.slot) ? { ...x, point: other.get(x.slot) as number } : x));
      candidates.push([
        { p, day, plan: exchange(plan, theirs) },
        { p: q, day: qDay, plan: exchange(theirPlan, mine) },
      ]);
    }
  }
  return candidates;
}

/** The windows around the stint re-labelled exactly among the people counted beside it. */
function windowsOf(state: SearchState, p: number, day: number, stint: Stint, budget: { steps: number }): Candidate[] {
  const held = state
    .dayPlan(p, day)
    .slice(stint.from, stint.to + 1)
    .map((x) => x.slot);
  return windowRelabels(state, p, held, budget).map((relabel) => Object.assign(relabel, { exact: true as const }));
}

/** Colleagues (with the date of their shift) whose shift holds or touches one of the slots left. */
function beside(state: SearchState, p: number, left: DayPlan): [number, number][] {
  const near = new Set<number>();
  for (const { slot } of left) {
    const info = state.inst.slots[slot] as SlotInfo;
    for (const g of [slot, info.prev, info.next]) if (g >= 0) near.add(g);
  }
  return shiftsHolding(state, near, new Set([p]));
}

/** Everyone but `except` working in one of the slots, with the date of the shift that holds it. */
function shiftsHolding(state: SearchState, slots: Set<number>, except: Set<number>): [number, number][] {
  const found: [number, number][] = [];
  for (let q = 0; q < state.P; q++) {
    if (except.has(q)) continue;
    const at = state.at[q] as Int16Array;
    const worked = [...slots].find((g) => (at[g] as number) >= 0);
    if (worked === undefined) continue;
    const qDay = (state.shifts[q] ?? []).findIndex((runs) => runs.some((run) => covers(state, run, worked)));
    if (qDay >= 0) found.push([q, qDay]);
  }
  return found;
}

function covers(state: SearchState, run: { first: number; last: number }, slot: number): boolean {
  for (let g = run.first; g >= 0; g = (state.inst.slots[g] as SlotInfo).next) {
    if (g === slot) return true;
    if (g === run.last) break;
  }
  return false;
}

/** A day plan's stints: runs of back-to-back slots at one point. */
function stintsOf(state: SearchState, plan: DayPlan): Stint[] {
  const stints: Stint[] = [];
  plan.forEach((x, j) => {
    const last = stints[stints.length - 1];
    const onward = j > 0 && (state.inst.slots[(plan[j - 1] as DayPlan[number]).slot] as SlotInfo).next === x.slot;
    if (last && last.point === x.point && onward) last.to = j;
    else stints.push({ point: x.point, from: j, to: j });
  });
  return stints;
}

function shortCount(state: SearchState, plan: DayPlan): number {
  return stintsOf(state, plan).filter((s) => s.to - s.from + 1 < state.shortSlots).length;
}

/** Whether taking the stint away (the person not there) leaves a point below its minimum, or no lead or keyholder. */
function closesGap(state: SearchState, p: number, plan: DayPlan, stint: Stint): boolean {
  const person = state.inst.people[p];
  const counted = !state.isShadow(p, stint.point);
  for (let j = stint.from; j <= stint.to; j++) {
    const g = (plan[j] as DayPlan[number]).slot;
    const i = stint.point * state.G + g;
    if (
      counted &&
      (state.demandMax[i] as number) >= 0 &&
      (state.counted[i] as number) <= (state.demandMin[i] as number)
    )
      return true;
    if (person?.lead && state.leads[g] === 1) return true;
    if (person?.keyholder && state.edge[g] && state.keys[g] === 1) return true;
  }
  return false;
}
