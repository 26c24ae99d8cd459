import type { SlotInfo } from "../../compile/instance";
import { shuffle, type Random } from "./random";
import type { SearchState, ShiftRun } from "./state";

/** person-days drawn to find one with a stint under an hour */
const SHORT_DRAWS = 40;
/** how far from a short stint a colleague's shift may be and still join its move */
const NEAR_MS = 2 * 3_600_000;

/** The first and last slot of a stint under an hour in one of these shifts, if there is one. */
export function shortStintIn(state: SearchState, p: number, runs: readonly ShiftRun[]): ShiftRun | undefined {
  const at = state.at[p] as Int16Array;
  const slots = state.inst.slots;
  for (const run of runs) {
    let first = run.first;
    for (let g = run.first; g >= 0; g = (slots[g] as SlotInfo).next) {
      const next = (slots[g] as SlotInfo).next;
      const ends = g === run.last || at[next] !== at[g];
      if (ends) {
        let length = 1;
        for (let h = first; h !== g; h = (slots[h] as SlotInfo).next) length++;
        if (length < state.shortSlots) return { first, last: g };
        first = next;
      }
      if (g === run.last) break;
    }
  }
  return undefined;
}

/**
 * A stint under an hour and the colleagues at its site whose shifts that day are near it, to be
 * re-planned together. A short stint is usually a desk's cover handed over for half an hour (a
 * stint limit reached, a break in a colleague's run): removing it takes someone else's shift to
 * change too, which a move seeded at a gap rarely picks, since the desk has no gap.
 */
export function shortStintNeighbourhood(state: SearchState, rng: Random, size: number): [number, number][] | undefined {
  const inst = state.inst;
  for (let draw = 0; draw < SHORT_DRAWS; draw++) {
    const p = Math.floor(rng() * state.P);
    const day = Math.floor(rng() * inst.dates.length);
    const stint = shortStintIn(state, p, state.shifts[p]?.[day] ?? []);
    if (!stint) continue;
    const first = inst.slots[stint.first] as SlotInfo;
    const from = first.start - NEAR_MS;
    const to = (inst.slots[stint.last] as SlotInfo).end + NEAR_MS;
    const near: number[] = [];
    for (const person of inst.people) {
      const q = person.index;
      if (q === p || !person.sites.includes(first.site)) continue;
      const close = (run: ShiftRun) => {
        const a = inst.slots[run.first] as SlotInfo;
        return a.site === first.site && a.start < to && (inst.slots[run.last] as SlotInfo).end > from;
      };
      if (state.shifts[q]?.[day]?.some(close)) near.push(q);
    }
    return [p, ...shuffle(rng, near).slice(0, size - 1)].map((q): [number, number] => [q, day]);
  }
  return undefined;
}
