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
    own.forEach((k, g) => {
      if (k < 0) return;
      const slot = inst.slots[g] as SlotInfo;
      if (slot.prev < 0 || (own[slot.prev] ?? -1) < 0) day = slot.day;
      const key = `${p}:${day}`;
      const entry = plans.get(key) ?? { p, day, plan: [] };
      entry.plan.push({ slot: g, point: k });
      plans.set(key, entry);
    });
  });
  for (const { p, day, plan } of plans.values()) state.setDay(p, day, plan);
  return plans;
}
