import { penalty } from "../../rules/hours-fairness";
import type { SlotInfo } from "../instance";
import type { DayPlan, SearchState } from "./state";

const NONE = -1;
const ANY = -2;

/** Slots the person must keep working on this date (and at which point, or any). */
export type Required = Map<number, number>;

/**
 * What the rest of the rota needs from a person's current day: students who would be left without
 * staff, shadowing colleagues who would lose their only independent colleague, pinned stints.
 */
export function requiredOf(state: SearchState, p: number, day: number, pinned: ReadonlyMap<number, number> | undefined): Required {
  const required: Required = new Map();
  const person = state.inst.people[p];
  for (const { slot, point } of state.dayPlan(p, day)) {
    const pin = pinned?.get(slot);
    if (pin !== undefined) required.set(slot, pin);
    else if (!state.isShadow(p, point) && (state.shadows[point * state.G + slot] as number) > 0 && state.counted[point * state.G + slot] === 1) required.set(slot, point);
    else if (person && !person.student && (state.students[slot] as number) > 0 && state.staff[slot] === 1) required.set(slot, ANY);
  }
  return required;
}

export interface DpResult {
  plan: DayPlan;
  /** the DP's own estimate of the day's cost (exact but for unsocial and rotation terms) */
  estimate: number;
}

/**
 * The best single shift for person `p` on date `day` given everyone else, by dynamic programming
 * over the day's slots with (point, stint length, shift length) as state. Every hard rule holds for
 * the plan it returns. The person's current shifts of that date must already be removed.
 * Returns null when no plan satisfies `required`; an empty plan when not working is best.
 */
export function bestDay(state: SearchState, p: number, day: number, required: Required): DpResult | null {
  const inst = state.inst;
  const person = inst.people[p];
  if (!person) return null;
  const slotHours = inst.slotMinutes / 60;
  const at = state.at[p] as Int16Array;
  const G = state.G;

  // Limits from the person's other dates: rest both ways, the weekly cap, time already taken.
  let earliest = -Infinity;
  let latest = Infinity;
  const busy: [number, number][] = [];
  (state.shifts[p] ?? []).forEach((runs, d) => {
    for (const run of runs) {
      const start = (inst.slots[run.first] as SlotInfo).start;
      const end = (inst.slots[run.last] as SlotInfo).end;
      busy.push([start, end]);
      if (d < day) earliest = Math.max(earliest, end + inst.minRestMs);
      if (d > day) latest = Math.min(latest, start - inst.minRestMs);
    }
  });
  const workedOther = state.worked[p] as number;
  const maxLen = Math.min(person.maxDaySlots, person.maxWeekSlots - workedOther);
  if (maxLen < person.minShiftSlots) return required.size === 0 ? { plan: [], estimate: 0 } : null;
  const basePenalty = penalty(workedOther * slotHours, person.targetSlots * slotHours, person.minSlots * slotHours, inst.weights);
  const hoursDelta = (len: number) => penalty((workedOther + len) * slotHours, person.targetSlots * slotHours, person.minSlots * slotHours, inst.weights) - basePenalty;
  const unsocialMarginal = state.unsocialSlots[p]! * slotHours >= state.share[p]! ? state.w.unsocial * slotHours : 0;
  const requiredSlots = [...required.keys()];

  let best: DpResult | null = required.size === 0 ? { plan: [], estimate: 0 } : null;
  for (const s of person.sites) {
    const site = inst.sites[s];
    if (!site) continue;
    const sitePoints = site.points;
    const J = sitePoints.length;
    // r counts the stint so far, exactly up to a point's limit, saturating where only "short or not" matters.
    const stintLimit = sitePoints.map((k) => inst.points[k]?.maxStintSlots ?? Infinity);
    const R = Math.max(1, state.shortSlots, ...stintLimit.filter(Number.isFinite));
    if (requiredSlots.some((g) => inst.slots[g]?.site !== s)) continue;

    for (const chain of chainsOf(state, p, s, day, maxLen, busy, at)) {
      const n = chain.length;
      const position = new Map(chain.map((g, i) => [g, i]));
      if (requiredSlots.some((g) => !position.has(g))) continue;
      const firstReq = requiredSlots.length ? Math.min(...requiredSlots.map((g) => position.get(g) as number)) : n;
      const lastReq = requiredSlots.length ? Math.max(...requiredSlots.map((g) => position.get(g) as number)) : -1;

      // value[i*J + j]: cost of being at site point j in chain slot i (Infinity: not allowed)
      const value = new Float64Array(n * J).fill(Infinity);
      chain.forEach((g, i) => {
        const options = state.options[p]?.[g];
        if (!options) return;
        const need = required.get(g);
        for (const k of options) {
          if (need !== undefined && need !== ANY && need !== k) continue;
          const j = sitePoints.indexOf(k);
          const v = slotValue(state, p, k, g, unsocialMarginal);
          if (j >= 0) value[i * J + j] = v;
        }
      });

      const S = J * R * maxLen;
      const cost = new Float64Array(n * S).fill(Infinity);
      const from = new Int32Array(n * S).fill(-1);
      const index = (j: number, r: number, len: number) => (j * R + (r - 1)) * maxLen + (len - 1);
      let bestEnd = Infinity;
      let bestState = -1;
      for (let i = 0; i < n; i++) {
        const g = chain[i] as number;
        const slot = inst.slots[g] as SlotInfo;
        const base = i * S;
        // start a shift here
        if (slot.date === inst.dates[day] && slot.start >= earliest && i <= firstReq && !occupied(at, slot.prev)) {
          for (let j = 0; j < J; j++) {
            const v = value[i * J + j] as number;
            if (v === Infinity) continue;
            const t = base + index(j, 1, 1);
            if (v < (cost[t] as number)) {
              cost[t] = v;
              from[t] = -1;
            }
          }
        }
        const canEnd = i >= lastReq && slot.end <= latest && !occupied(at, slot.next);
        const hasNext = i + 1 < n && chain[i + 1] === slot.next;
        for (let j = 0; j < J; j++) {
          for (let r = 1; r <= R; r++) {
            for (let len = 1; len <= maxLen; len++) {
              const t = base + index(j, r, len);
              const c = cost[t] as number;
              if (c === Infinity) continue;
              const shortHere = r < state.shortSlots ? state.w.shortStints : 0;
              if (canEnd && len >= person.minShiftSlots) {
                const total = c + shortHere + state.w.shifts + hoursDelta(len);
                if (total < bestEnd) {
                  bestEnd = total;
                  bestState = t;
                }
              }
              if (!hasNext || len >= maxLen) continue;
              const nextBase = (i + 1) * S;
              for (let j2 = 0; j2 < J; j2++) {
                const v = value[(i + 1) * J + j2] as number;
                if (v === Infinity) continue;
                let r2: number;
                let step = v;
                if (j2 === j) {
                  if (r + 1 > (stintLimit[j] as number)) continue;
                  r2 = Math.min(r + 1, R);
                } else {
                  r2 = 1;
                  step += state.w.pointChanges + shortHere;
                }
                const t2 = nextBase + index(j2, r2, len + 1);
                if (c + step < (cost[t2] as number)) {
                  cost[t2] = c + step;
                  from[t2] = t;
                }
              }
            }
          }
        }
      }
      if (bestState < 0 || !(best === null || bestEnd < best.estimate)) continue;
      const plan: DayPlan = [];
      for (let t = bestState; t >= 0; t = from[t] as number) {
        const i = Math.floor(t / S);
        const j = Math.floor((t % S) / (R * maxLen));
        plan.push({ slot: chain[i] as number, point: sitePoints[j] as number });
      }
      plan.reverse();
      best = { plan, estimate: bestEnd };
    }
  }
  return best;

  function occupied(own: Int16Array, slot: number): boolean {
    return slot >= 0 && slot < G && (own[slot] as number) !== NONE;
  }
}

/** Cost of the person being at point k in slot g, everyone else as they are. Infinity: not allowed. */
export function slotValue(state: SearchState, p: number, k: number, g: number, unsocialMarginal: number): number {
  const inst = state.inst;
  const person = inst.people[p];
  if (!person) return Infinity;
  const i = k * state.G + g;
  const shadow = state.isShadow(p, k);
  if (person.student && (state.staff[g] as number) === 0) return Infinity;
  let v = state.placementCost(p, k, g);
  if (shadow) {
    if ((state.counted[i] as number) === 0) return Infinity;
    const mentor = person.mentor;
    if (mentor >= 0 && state.at[mentor]?.[g] === k && !state.isShadow(mentor, k)) v -= state.w.mentor;
  } else {
    const c = state.counted[i] as number;
    if (c >= (state.demandMax[i] as number)) return Infinity;
    if (c < (state.demandMin[i] as number)) v -= state.w.cover;
    if (c < (state.demandTarget[i] as number)) v -= state.w.target;
    for (const s of state.mentees[p] ?? []) if (state.at[s]?.[g] === k && state.isShadow(s, k)) v -= state.w.mentor;
  }
  if (person.lead && state.leads[g] === 0) v -= state.w.supervision;
  if (person.keyholder && state.edge[g] && state.keys[g] === 0) v -= state.w.keyholder;
  if (state.unsocial[g]) v += unsocialMarginal;
  return v;
}

/**
 * Runs of back-to-back slots at a site where the person could work, that start on the given date:
 * a shift may run past midnight at a 24-hour site, up to `maxLen` slots.
 */
function chainsOf(state: SearchState, p: number, s: number, day: number, maxLen: number, busy: [number, number][], at: Int16Array): number[][] {
  const inst = state.inst;
  const date = inst.dates[day];
  const chains: number[][] = [];
  const usable = (g: number) => {
    const slot = inst.slots[g] as SlotInfo;
    return state.options[p]?.[g] !== undefined && (at[g] as number) === NONE && !busy.some(([a, b]) => a < slot.end && slot.start < b);
  };
  let chain: number[] = [];
  let lastOfDate = -1;
  const flush = () => {
    if (chain.length > 0) chains.push(chain);
    chain = [];
  };
  for (const g of inst.sites[s]?.slots ?? []) {
    const slot = inst.slots[g] as SlotInfo;
    if (slot.date !== date) continue;
    if (!usable(g)) {
      flush();
      continue;
    }
    if (chain.length > 0 && (inst.slots[chain[chain.length - 1] as number] as SlotInfo).next !== g) flush();
    chain.push(g);
    lastOfDate = g;
  }
  // A shift starting late may continue past midnight.
  if (chain.length > 0 && chain[chain.length - 1] === lastOfDate) {
    for (let g = (inst.slots[lastOfDate] as SlotInfo).next, extra = 0; g >= 0 && extra < maxLen - 1 && usable(g); g = (inst.slots[g] as SlotInfo).next, extra++) chain.push(g);
  }
  flush();
  return chains;
}
