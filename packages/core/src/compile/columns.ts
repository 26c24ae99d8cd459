import type { Instance, SlotInfo } from "./instance";

/** A candidate shift: one person, one site, a run of back-to-back slots. */
export interface Column {
  person: number;
  site: number;
  /** global slot ids of the first and last slot; the ones between follow `next` */
  first: number;
  last: number;
  length: number;
  /** day index (0 = Monday) of the first slot: the date the shift belongs to */
  day: number;
  start: number;
  end: number;
  variable: number;
}

/**
 * Every shift a person could work, given which of their slots are workable at all. This is where
 * the minimum shift length and the daily cap of a one-shift day are enforced: a shift that breaks
 * them is never a candidate. `workable(p, g)` says whether some point could take the person then;
 * `variableOf` gives each candidate its model variable. Each column is written out whole, as one
 * literal: a copy made by spreading (`{ ...column, variable }`) is a dictionary object in V8,
 * 480 bytes instead of 130 (the large system has 104 000 columns).
 */
export function enumerateColumns(
  inst: Instance,
  workable: (person: number, slot: number) => boolean,
  variableOf: (person: number, first: number, last: number) => number,
): Column[] {
  const columns: Column[] = [];
  for (const person of inst.people) {
    const longest = Math.min(
      person.maxWeekSlots,
      person.maxShiftsPerDay === 1 ? person.maxDaySlots : person.maxWeekSlots,
    );
    if (longest < person.minShiftSlots) continue;
    for (const site of person.sites) {
      const info = inst.sites[site];
      if (!info) continue;
      for (const g of info.slots) {
        if (!workable(person.index, g)) continue;
        const first = inst.slots[g] as SlotInfo;
        let length = 0;
        for (
          let cursor: number = g;
          cursor >= 0 && length < longest && workable(person.index, cursor);
          cursor = (inst.slots[cursor] as SlotInfo).next
        ) {
          length++;
          if (length >= person.minShiftSlots) {
            const last = inst.slots[cursor] as SlotInfo;
            columns.push({
              person: person.index,
              site,
              first: g,
              last: cursor,
              length,
              day: first.day,
              start: first.start,
              end: last.end,
              variable: variableOf(person.index, g, cursor),
            });
          }
        }
      }
    }
  }
  return columns;
}
