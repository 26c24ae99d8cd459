import type { Random } from "./random";
import type { SearchState } from "./state";

/** people drawn to find the one whose penalty one more slot lowers most */
export const NEEDY_DRAWS = 8;
/** colleagues drawn to find the one whose penalty one slot less raises least */
const GIVER_DRAWS = 8;

/** Of a few people drawn, the one whose penalty one more slot lowers most, and by how much (−1: nobody gains). */
export function neediest(state: SearchState, rng: Random): { p: number; gain: number } {
  let p = -1;
  let gain = 1e-9;
  for (let draw = 0; draw < NEEDY_DRAWS; draw++) {
    const q = Math.floor(rng() * state.P);
    const saved = state.hoursCost(q) - state.hoursCost(q, 1);
    if (saved > gain) [p, gain] = [q, saved];
  }
  return { p, gain };
}

/**
 * Someone far below their target and a colleague at one of their sites who can spare hours (of a
 * few drawn who work this week, the one whose penalty one slot less raises least, and less than the
 * first person's falls). The search re-plans both on each day the colleague works, the first
 * person first. Where the desks cannot hold everyone's target (large-system: 1 870 desk-hours a
 * week against 3 328 contracted), the hours against targets are a fair division of too few hours;
 * the move hands a colleague's shifts over on several days at once, where a move over a few
 * person-days at one slot (`hoursNeighbourhood`) hands over one shift and fails when that slot's
 * desk is held by someone it did not free.
 */
export function hoursPair(state: SearchState, rng: Random): [number, number] | undefined {
  const inst = state.inst;
  const { p, gain } = neediest(state, rng);
  const person = inst.people[p];
  if (!person || person.sites.length === 0) return undefined;
  const site = person.sites[Math.floor(rng() * person.sites.length)] as number;
  const givers = inst.people.filter(
    (o) => o.index !== p && (state.worked[o.index] as number) > 0 && o.sites.includes(site),
  );
  let giver = -1;
  let loss = gain;
  for (let draw = 0; draw < GIVER_DRAWS && givers.length > 0; draw++) {
    const q = (givers[Math.floor(rng() * givers.length)] as (typeof givers)[number]).index;
    const lost = state.hoursCost(q, -1) - state.hoursCost(q);
    if (lost < loss) [giver, loss] = [q, lost];
  }
  return giver >= 0 ? [p, giver] : undefined;
}
