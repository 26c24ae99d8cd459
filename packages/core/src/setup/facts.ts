import { buildView, stepsOf } from "../check/view";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { demandAt } from "../check/demand";
import { trainingFor } from "../rules/training";
import { isUnsocial } from "../rules/unsocial-fairness";
import { parseDated, siteSlots, weeklyCovers } from "../time/week";
import type { Setup } from "./schema";

/** What one published week says about one person, in hours (shadowing in minutes, per point id). */
export interface PersonWeek {
  person: string;
  /** the contracted target of the setup, not the shifted target the week was solved with */
  contract: number;
  worked: number;
  unsocial: number;
  /** hours the person could have worked: open slots of their sites inside availability, minus absences */
  available: number;
  fairShare: number;
  unsocialShare: number;
  shadowingMinutes: Record<string, number>;
}

/**
 * Hours each person of `problem` could work at a desk that week: slots of their sites where a point
 * they work on their own has demand, inside their availability and outside absences, at most
 * `maxPerDay` a day and `max` a week.
 */
export function availableHours(problem: Problem): Map<string, number> {
  const sites = new Map(problem.sites.map((s) => [s.id, s]));
  const hour = problem.slotMinutes / 60;
  const result = new Map<string, number>();
  for (const person of problem.people) {
    const absences = (person.absences ?? []).map((a) => [
      parseDated(a.from, problem.timeZone),
      parseDated(a.to, problem.timeZone),
    ]);
    const byDate = new Map<string, Set<number>>();
    for (const siteId of person.sites) {
      const site = sites.get(siteId);
      if (!site) continue;
      const points = site.servicePoints.filter((p) => trainingFor(person, p) === "independent");
      for (const slot of siteSlots(problem, site)) {
        if (!weeklyCovers(person.availability, slot.day, slot.minute, problem.slotMinutes)) continue;
        if (absences.some(([from, to]) => (from as number) < slot.end && slot.start < (to as number))) continue;
        if (!points.some((p) => (demandAt(p, slot, problem.slotMinutes)?.max ?? 0) > 0)) continue;
        const day = byDate.get(slot.date) ?? new Set<number>();
        day.add(slot.start);
        byDate.set(slot.date, day);
      }
    }
    const perDay = person.hours.maxPerDay ?? Number.POSITIVE_INFINITY;
    const week = [...byDate.values()].reduce((sum, starts) => sum + Math.min(perDay, starts.size * hour), 0);
    result.set(person.id, Math.min(week, person.hours.max ?? week));
  }
  return result;
}

/**
 * Split `total` hours in proportion to `weights`, no one above their cap; what a capped person
 * cannot take goes to the others in the same proportion (water-filling).
 */
export function shareOut(total: number, weights: Map<string, number>, caps: Map<string, number>): Map<string, number> {
  const shares = new Map<string, number>([...weights.keys()].map((id) => [id, 0]));
  let open = [...weights.keys()].filter((id) => (weights.get(id) ?? 0) > 0 && (caps.get(id) ?? 0) > 0);
  let left = total;
  while (left > 1e-9 && open.length > 0) {
    const weight = open.reduce((sum, id) => sum + (weights.get(id) ?? 0), 0);
    const capped: string[] = [];
    let given = 0;
    for (const id of open) {
      const offer = (left * (weights.get(id) ?? 0)) / weight;
      const room = (caps.get(id) ?? 0) - (shares.get(id) ?? 0);
      const take = Math.min(offer, room);
      shares.set(id, (shares.get(id) ?? 0) + take);
      given += take;
      if (offer >= room) capped.push(id);
    }
    left -= given;
    if (capped.length === 0) break;
    open = open.filter((id) => !capped.includes(id));
  }
  return shares;
}

/**
 * The facts of one solved week: hours worked, unsocial hours, shadowing per point, and each
 * person's fair share of the desk hours actually worked (docs/setup.md, "Fair share").
 */
export function weekFacts(problem: Problem, rota: RotaInput, setup: Pick<Setup, "people">): PersonWeek[] {
  const view = buildView(problem, rota);
  const contracts = new Map(setup.people.map((p) => [p.id, p.hours.target]));
  const available = availableHours(problem);
  const rows = problem.people.map((person) => {
    let worked = 0;
    let unsocial = 0;
    const shadowingMinutes: Record<string, number> = {};
    for (const stint of view.stintsByPerson.get(person.id) ?? []) {
      for (const step of stepsOf(view, stint)) {
        const hours = (step.end - step.start) / 3_600_000;
        worked += hours;
        if (isUnsocial(problem, step.day, step.minute)) unsocial += hours;
      }
      if (stint.shadowing) {
        shadowingMinutes[stint.point] = (shadowingMinutes[stint.point] ?? 0) + (stint.end - stint.start) / 60_000;
      }
    }
    return {
      person: person.id,
      contract: contracts.get(person.id) ?? person.hours.target,
      worked,
      unsocial,
      available: available.get(person.id) ?? 0,
      shadowingMinutes,
    };
  });
  const total = rows.reduce((sum, r) => sum + r.worked, 0);
  const fair = shareOut(
    total,
    new Map(rows.map((r) => [r.person, r.contract])),
    new Map(rows.map((r) => [r.person, r.available])),
  );
  const unsocialTotal = rows.reduce((sum, r) => sum + r.unsocial, 0);
  const unsocialWeights = new Map(rows.map((r) => [r.person, r.contract]));
  const unsocialCaps = unsocialCapacity(problem);
  const unsocialFair = shareOut(unsocialTotal, unsocialWeights, unsocialCaps);
  return rows.map((r) => ({
    ...r,
    fairShare: fair.get(r.person) ?? 0,
    unsocialShare: unsocialFair.get(r.person) ?? 0,
  }));
}

/** Unsocial hours each person could work (their available slots that are evening, night or weekend). */
function unsocialCapacity(problem: Problem): Map<string, number> {
  const sites = new Map(problem.sites.map((s) => [s.id, s]));
  const result = new Map<string, number>();
  for (const person of problem.people) {
    const starts = new Set<number>();
    for (const siteId of person.sites) {
      const site = sites.get(siteId);
      if (!site) continue;
      for (const slot of siteSlots(problem, site)) {
        if (
          isUnsocial(problem, slot.day, slot.minute) &&
          weeklyCovers(person.availability, slot.day, slot.minute, problem.slotMinutes)
        )
          starts.add(slot.start);
      }
    }
    result.set(person.id, (starts.size * problem.slotMinutes) / 60);
  }
  return result;
}
