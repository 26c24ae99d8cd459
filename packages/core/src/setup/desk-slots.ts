import { demandAt } from "../check/demand";
import type { Person, Problem, ServicePoint } from "../model/problem";
import { trainingFor } from "../rules/training";
import { isUnsocial } from "../rules/unsocial-fairness";
import { parseDated, type Slot, siteSlots, weeklyCovers } from "../time/week";

/** One open slot of a site as the fair shares see it: who could take which place at a desk. */
export interface DeskSlot {
  site: string;
  slot: Slot;
  hours: number;
  /** the first or last slot of a run of open slots (where the keyholder rule asks for a keyholder) */
  edge: boolean;
  unsocial: boolean;
  /** the points with demand: how many people they take at most, and who could work them alone */
  points: { max: number; people: Person[] }[];
}

/**
 * Every open slot of the week with its points' room and the people who could fill it: at a site of
 * theirs, at a point they work on their own (`shadowing`: or shadow at), inside their availability,
 * outside absences.
 */
export function deskSlots(problem: Problem, { shadowing = false } = {}): DeskSlot[] {
  const can = (p: Person, point: ServicePoint) => {
    const state = trainingFor(p, point);
    return state === "independent" || (shadowing && state === "shadowing");
  };
  const hours = problem.slotMinutes / 60;
  const absent = new Map(problem.people.map((p) => [p.id, absenceTest(problem, p)]));
  return problem.sites.flatMap((site) => {
    const local = problem.people.filter((p) => p.sites.includes(site.id));
    const slots = siteSlots(problem, site);
    return slots.map((slot, i) => {
      const here = local.filter(
        (p) => weeklyCovers(p.availability, slot.day, slot.minute, problem.slotMinutes) && !absent.get(p.id)?.(slot),
      );
      const points = site.servicePoints.flatMap((point) => {
        const max = demandAt(point, slot, problem.slotMinutes)?.max ?? 0;
        return max > 0 ? [{ max, people: here.filter((p) => can(p, point)) }] : [];
      });
      const edge = slots[i - 1]?.end !== slot.start || slots[i + 1]?.start !== slot.end;
      return { site: site.id, slot, hours, edge, unsocial: isUnsocial(problem, slot.day, slot.minute), points };
    });
  });
}

function absenceTest(problem: Problem, person: Person): (slot: Slot) => boolean {
  const spans = (person.absences ?? []).map((a) => [
    parseDated(a.from, problem.timeZone),
    parseDated(a.to, problem.timeZone),
  ]);
  return (slot) => spans.some(([from, to]) => (from as number) < slot.end && slot.start < (to as number));
}
