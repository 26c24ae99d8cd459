import { DEFAULT_MIN_SHIFT_MINUTES } from "../model/defaults";
import type { Person } from "../model/problem";
import type { ShareBlock } from "./share-blocks";

/** The least hours a person works at a site on a date because the rules can have no one else in some of its slots. */
export interface ShiftFloor {
  person: string;
  site: string;
  date: string;
  /** hours of the date's slots where the person is the only one the supervision (keyholder) rule can have */
  soleHours: number;
  /** what they are needed for there: "lead", "keyholder" */
  needs: string[];
  /**
   * The least hours a rota without a gap in those slots gives them that date: a shift through each run of
   * slots they could work that holds such a slot, of at least their minimum shift length (within the run),
   * at most `maxPerDay`. Above `soleHours` only.
   */
  hours: number;
}

interface Run {
  person: Person;
  site: string;
  date: string;
  end: number;
  hours: number;
  sole: number;
  needs: Set<string>;
}

/**
 * Where one person alone can give a slot what the supervision or keyholder rule needs, a rota without
 * a gap there has them in it, on a shift of at least their minimum length: the hours of that shift
 * beyond the slot are theirs too, whatever their contract. A lower bound, per person and date, that
 * the fair share keeps (docs/setup.md, "Fair share").
 */
export function shiftFloors(blocks: ShareBlock[]): ShiftFloor[] {
  const floors = new Map<string, ShiftFloor & { perDay: number }>();
  const runs = new Map<string, Run>();
  const close = (run: Run) => {
    if (run.sole <= 0) return;
    const minimum = (run.person.shifts?.minMinutes ?? DEFAULT_MIN_SHIFT_MINUTES) / 60;
    const key = `${run.person.id} ${run.site} ${run.date}`;
    const perDay = run.person.hours.maxPerDay ?? Number.POSITIVE_INFINITY;
    const floor = floors.get(key) ?? {
      person: run.person.id,
      site: run.site,
      date: run.date,
      soleHours: 0,
      needs: [],
      hours: 0,
      perDay,
    };
    floor.soleHours += run.sole;
    floor.hours += Math.min(run.hours, Math.max(run.sole, minimum));
    floor.needs = [...new Set([...floor.needs, ...run.needs])];
    floors.set(key, floor);
  };
  for (const block of blocks) {
    const { site, slot } = block.desk;
    const sole = block.qualified.length === 1 ? block.qualified[0] : undefined;
    for (const person of new Set(block.desk.points.flatMap((point) => point.people))) {
      let run = runs.get(person.id);
      if (!run || run.site !== site || run.date !== slot.date || run.end !== slot.start) {
        if (run) close(run);
        run = { person, site, date: slot.date, end: slot.start, hours: 0, sole: 0, needs: new Set() };
        runs.set(person.id, run);
      }
      run.end = block.end;
      run.hours += block.hours;
      if (sole === person) {
        run.sole += block.hours;
        for (const need of block.needs) run.needs.add(need);
      }
    }
  }
  for (const run of runs.values()) close(run);
  return [...floors.values()].flatMap(({ perDay, ...floor }) => {
    const hours = Math.min(floor.hours, perDay);
    return hours > floor.soleHours ? [{ ...floor, hours }] : [];
  });
}
