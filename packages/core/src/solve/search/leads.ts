import type { SlotInfo } from "../../compile/instance";
import { shuffle, type Random } from "./random";
import type { SearchState } from "./state";

/** leads drawn to find the one whose penalty one slot fewer lowers most */
const DRAWS = 8;

/** A lead's day to give away, the slot of it to hand over, and who could take it. */
export interface Handover {
  /** the giver's person-day (re-planned last, once the others have taken what they can), then the others */
  picked: [number, number][];
  /** a slot where the giver is the only lead at their site */
  slot: number;
  /** how many of `picked` after the giver could lead in `slot` */
  fillers: number;
}

/**
 * Lead hours handed from a lead above their target to another lead of the same site. Where a lead
 * is the only one on site, no move that re-plans their day alone can shorten it (the site would
 * be left without a lead), and a colleague re-planned first finds no lead gap to fill. Here the
 * giver's day is cleared, a colleague who could lead in one of its sole-lead slots is re-planned
 * first and made to take it, then the people working at that site that day, then the giver for
 * what is left: a carried target set low (issue 14) can then move hours between leads.
 */
export function leadHandover(state: SearchState, rng: Random, size: number): Handover | undefined {
  const inst = state.inst;
  const leads = inst.people.filter((person) => person.lead);
  let giver = -1;
  let gain = 1e-9;
  for (let draw = 0; draw < DRAWS && leads.length > 0; draw++) {
    const p = (leads[Math.floor(rng() * leads.length)] as (typeof leads)[number]).index;
    const saved = state.hoursCost(p) - state.hoursCost(p, -1);
    if (saved > gain) [giver, gain] = [p, saved];
  }
  const days = (state.shifts[giver] ?? []).flatMap((runs, day) => (runs.length > 0 ? [day] : []));
  if (days.length === 0) return undefined;
  const day = days[Math.floor(rng() * days.length)] as number;
  const sole: number[] = [];
  for (const run of state.shifts[giver]?.[day] ?? []) {
    for (let g = run.first; g >= 0; g = (inst.slots[g] as SlotInfo).next) {
      if (state.leads[g] === 1) sole.push(g);
      if (g === run.last) break;
    }
  }
  if (sole.length === 0) return undefined;
  const slot = sole[Math.floor(rng() * sole.length)] as number;
  const site = (inst.slots[slot] as SlotInfo).site;
  const able: number[] = [];
  const working: number[] = [];
  for (const person of inst.people) {
    const q = person.index;
    if (q === giver || !person.sites.includes(site)) continue;
    if (person.lead && state.options[q]?.[slot] !== undefined) able.push(q);
    else if (worksAt(state, q, day, site)) working.push(q);
  }
  if (able.length === 0) return undefined;
  const fillers = shuffle(rng, able).slice(0, Math.max(1, Math.ceil((size - 1) / 2)));
  const others = shuffle(rng, working).slice(0, Math.max(0, size - 1 - fillers.length));
  const picked = [giver, ...fillers, ...others].map((p): [number, number] => [p, day]);
  return { picked, slot, fillers: fillers.length };
}

function worksAt(state: SearchState, p: number, day: number, site: number): boolean {
  return (state.shifts[p]?.[day] ?? []).some((run) => (state.inst.slots[run.first] as SlotInfo).site === site);
}

/** Whether some site has two leads: only then can lead hours change hands. */
export function hasSharedLeads(state: SearchState): boolean {
  return state.inst.sites.some(
    (_, site) => state.inst.people.filter((p) => p.lead && p.sites.includes(site)).length > 1,
  );
}
