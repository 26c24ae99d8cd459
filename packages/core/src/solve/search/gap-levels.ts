import type { SlotInfo } from "../../compile/instance";
import type { SearchState } from "./state";

/** Person-slots short of minimum cover, slots without a lead, opening and closing slots without a keyholder. */
export interface GapLevels {
  cover: number;
  lead: number;
  keyholder: number;
}

export function gapLevelsOf(state: SearchState): GapLevels {
  return levelsFrom(state, state.counted, state.leads, state.keys, everySlot(state));
}

/** The gap levels of these slots alone: what a change to a few person-days can move. */
export function gapLevelsAt(state: SearchState, slots: Iterable<number>): GapLevels {
  return levelsFrom(state, state.counted, state.leads, state.keys, slots);
}

/**
 * The gap levels of placements (per person, the point per slot) counted straight from them: a
 * state loaded with the whole rota would also work out every soft goal, ten times the time on
 * the large system. `like` gives the instance's demand and who counts where.
 */
export function gapLevelsOfPlacements(like: SearchState, at: readonly ArrayLike<number>[]): GapLevels {
  const { G, inst } = like;
  const counted = new Int16Array(like.K * G);
  const leads = new Int16Array(G);
  const keys = new Int16Array(G);
  at.forEach((own, p) => {
    const person = inst.people[p];
    for (let g = 0; g < G; g++) {
      const k = own[g] ?? -1;
      if (k < 0) continue;
      if (!like.isShadow(p, k)) counted[k * G + g] = (counted[k * G + g] as number) + 1;
      if (person?.lead) leads[g] = (leads[g] as number) + 1;
      if (person?.keyholder) keys[g] = (keys[g] as number) + 1;
    }
  });
  return levelsFrom(like, counted, leads, keys, everySlot(like));
}

function everySlot(like: SearchState): number[] {
  return like.inst.sites.flatMap((site) => site.slots);
}

function levelsFrom(
  like: SearchState,
  counted: Int16Array,
  leads: Int16Array,
  keys: Int16Array,
  slots: Iterable<number>,
): GapLevels {
  const levels = { cover: 0, lead: 0, keyholder: 0 };
  for (const g of slots) {
    if (leads[g] === 0) levels.lead++;
    if (like.edge[g] && keys[g] === 0) levels.keyholder++;
    for (const k of like.inst.sites[(like.inst.slots[g] as SlotInfo).site]?.points ?? [])
      levels.cover += Math.max(0, (like.demandMin[k * like.G + g] as number) - (counted[k * like.G + g] as number));
  }
  return levels;
}
