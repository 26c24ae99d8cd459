import type { Instance } from "../../compile/instance";

/**
 * Sweeps of the construction in which a person may work only part of their target: 1/n of it in
 * the first, 2/n in the second. A first best response with no cap gives the people planned first
 * as many hours as cover can use (up to their maximum) and those planned later nothing to do, and
 * later sweeps cannot hand the hours over: each person alone keeps what they hold, since dropping
 * it opens a gap. The search uses these sweeps where that matters: where the hours against targets
 * are most of the objective after a first sweep with no cap (large-system 52 %, gen-20x600 51 %;
 * typical-week 24 %, dst-week 27 %). Large-system, 10 000 moves, seed 1: objective 52 103 after two
 * capped sweeps, 55 410 after three, 59 993 with none (docs/decisions.md §17).
 */
export const START_SWEEPS = 2;

/** The most slots the person's week may hold in construction sweep `sweep`. */
export function startShare(inst: Instance, p: number, sweep: number): number {
  const person = inst.people[p];
  if (!person || sweep >= START_SWEEPS) return Infinity;
  return Math.max(person.minShiftSlots, Math.round((person.targetSlots * (sweep + 1)) / START_SWEEPS));
}
