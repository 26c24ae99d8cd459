import type { SlotInfo } from "../../compile/instance";
import { type Random, shuffle } from "./random";
import type { SearchState } from "./state";

/** people drawn to find the one whose penalty one more slot lowers most */
const DRAWS = 8;
/** slots drawn at the receiver's sites, of which the one whose holder gives it up most cheaply is taken */
const SLOT_DRAWS = 12;

/** A counted place at a point and slot, to be handed from its holder to someone further below target. */
export interface Transfer {
  receiver: number;
  giver: number;
  slot: number;
  point: number;
}

/**
 * A place someone far below their target could take from whoever holds it: of a few people drawn,
 * the one whose penalty one more slot lowers most receives; of a few slots at their sites where
 * they could be counted and someone else is, the one whose holder loses least by giving it up
 * (above target, or free to work elsewhere) gives. The desks of a full site are the reason people
 * stay below target there: a person at two sites, or trained for a point the receiver is not,
 * holds a place the receiver could fill and could work elsewhere themselves — a chain of two
 * re-plans that moves seeded at a gap do not make, as the desk has no gap.
 */
export function transferOf(state: SearchState, rng: Random): Transfer | undefined {
  const inst = state.inst;
  let receiver = -1;
  let gain = 1e-9;
  for (let draw = 0; draw < DRAWS; draw++) {
    const p = Math.floor(rng() * state.P);
    const saved = state.hoursCost(p) - state.hoursCost(p, 1);
    if (saved > gain) [receiver, gain] = [p, saved];
  }
  const person = inst.people[receiver];
  if (!person || person.sites.length === 0) return undefined;
  const at = state.at[receiver] as Int16Array;
  let best: Transfer | undefined;
  let bestLoss = Infinity;
  for (let draw = 0; draw < SLOT_DRAWS; draw++) {
    const slots: readonly number[] =
      inst.sites[person.sites[Math.floor(rng() * person.sites.length)] as number]?.slots ?? [];
    const g = slots[Math.floor(rng() * slots.length)];
    if (g === undefined || (at[g] as number) >= 0) continue;
    const options = state.options[receiver]?.[g];
    if (!options) continue;
    for (const point of options) {
      if (person.training[point] !== "independent") continue;
      const giver = holderAt(state, (inst.slots[g] as SlotInfo).site, g, point, receiver);
      if (giver < 0) continue;
      const loss = state.hoursCost(giver, -1) - state.hoursCost(giver);
      if (loss < bestLoss) [best, bestLoss] = [{ receiver, giver, slot: g, point }, loss];
    }
  }
  return best;
}

/**
 * The person-days a hand-over re-plans: the receiver first, made to take the place, then the giver
 * (free to go elsewhere) and up to `colleagues` others working at that site that day, in any order.
 */
export function transferNeighbourhood(
  state: SearchState,
  rng: Random,
  colleagues: number,
): { picked: [number, number][]; seed: { slot: number; point: number }; fillers: number } | undefined {
  const transfer = transferOf(state, rng);
  if (!transfer) return undefined;
  const { receiver, giver, slot, point } = transfer;
  const { site, day } = state.inst.slots[slot] as SlotInfo;
  const date = Math.max(0, day);
  const working = state.inst.people
    .filter((o) => o.index !== receiver && o.index !== giver && o.sites.includes(site))
    .filter((o) => (state.shifts[o.index]?.[date]?.length ?? 0) > 0)
    .map((o) => o.index);
  const people = [receiver, giver, ...shuffle(rng, working).slice(0, colleagues)];
  return { picked: people.map((p): [number, number] => [p, date]), seed: { slot, point }, fillers: 1 };
}

/** Someone other than `not` counted at the point in that slot, or -1. */
function holderAt(state: SearchState, site: number, g: number, point: number, not: number): number {
  for (const other of state.inst.people) {
    const q = other.index;
    if (q !== not && other.sites.includes(site) && state.at[q]?.[g] === point && !state.isShadow(q, point)) return q;
  }
  return -1;
}
