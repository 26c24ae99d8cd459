import type { SlotInfo } from "../../compile/instance";
import type { Random } from "./random";
import type { SearchState } from "./state";

/** people drawn to find the one whose penalty one more slot lowers most */
const DRAWS = 8;

/** Whether anyone works at more than one site: only then can a site move change anything. */
export function hasTwoSiteStaff(state: SearchState): boolean {
  return state.inst.people.some((person) => person.sites.length > 1);
}

/**
 * Someone below their target and a colleague at two sites who works at a site they share this week:
 * their weeks are re-planned together, the first person's before the colleague's.
 */
export function sitePair(state: SearchState, rng: Random): [number, number] | undefined {
  const inst = state.inst;
  let chosen = -1;
  let gain = 1e-9;
  for (let draw = 0; draw < DRAWS; draw++) {
    const p = Math.floor(rng() * state.P);
    const saved = state.hoursCost(p) - state.hoursCost(p, 1);
    if (saved > gain) [chosen, gain] = [p, saved];
  }
  const person = inst.people[chosen];
  if (!person) return undefined;
  const shares = (q: number) =>
    (state.shifts[q] ?? []).some((runs) =>
      runs.some((run) => person.sites.includes((inst.slots[run.first] as SlotInfo).site)),
    );
  const colleagues = inst.people
    .filter((o) => o.index !== chosen && o.sites.length > 1 && shares(o.index))
    .map((o) => o.index);
  if (colleagues.length === 0) return undefined;
  return [chosen, colleagues[Math.floor(rng() * colleagues.length)] as number];
}
