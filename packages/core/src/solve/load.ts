import type { SlotInfo } from "../compile/instance";
import type { DayPlan, SearchState } from "./search/state";

export type Plans = Map<string, { p: number; day: number; plan: DayPlan }>;

/**
 * Puts a rota (as placements per person and slot) into the search state, shift by shift: each run
 * of back-to-back slots at a site belongs to the date it starts on.
 */
export function loadPlacements(state: SearchState, at: readonly Int16Array[]): Plans {
  const inst = state.inst;
  const plans: Plans = new Map();
  at.forEach((own, p) => {
    let day = -1;
    // The entry of the last slot's date: looked up again only when the date changes (a plain loop
    // and no key per slot: this ran over every person-slot of the week several times a re-solve).
    let entry: { p: number; day: number; plan: DayPlan } | undefined;
    for (let g = 0; g < own.length; g++) {
      const k = own[g] as number;
      if (k < 0) continue;
      const slot = inst.slots[g] as SlotInfo;
      if (slot.prev < 0 || (own[slot.prev] ?? -1) < 0) day = slot.day;
      if (entry?.day !== day) {
        const key = `${p}:${day}`;
        entry = plans.get(key) ?? { p, day, plan: [] };
        plans.set(key, entry);
      }
      entry.plan.push({ slot: g, point: k });
    }
  });
  for (const { p, day, plan } of plans.values()) state.setDay(p, day, plan);
  return plans;
}
