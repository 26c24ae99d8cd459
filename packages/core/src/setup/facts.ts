import { demandAt } from "../check/demand";
import { buildView, stepsOf } from "../check/view";
import type { Person, Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { trainingFor } from "../rules/training";
import { isUnsocial } from "../rules/unsocial-fairness";
import { parseDated, type Slot, siteSlots, weeklyCovers } from "../time/week";
import type { Setup } from "./schema";

/** What one published week says about one person, in hours (shadowing in minutes, per point id). */
export interface PersonWeek {
  person: string;
  /** the contracted target of the setup, not the shifted target the week was solved with */
  contract: number;
  worked: number;
  unsocial: number;
  /** hours the person could have worked at a desk (see `capacity`) */
  available: number;
  fairShare: number;
  unsocialShare: number;
  shadowingMinutes: Record<string, number>;
}

/** Hours a person could work at a desk in the week: in all and at each of their sites, all and unsocial. */
interface Capacity {
  total: number;
  bySite: Map<string, number>;
  unsocialBySite: Map<string, number>;
}

/**
 * What each person of `problem` could work that week: slots of their sites where a point they work
 * on their own has demand, inside their availability and outside absences; the total at most
 * `maxPerDay` a day and `max` a week.
 */
function capacity(problem: Problem): Map<string, Capacity> {
  const sites = new Map(problem.sites.map((s) => [s.id, s]));
  const hour = problem.slotMinutes / 60;
  const result = new Map<string, Capacity>();
  for (const person of problem.people) {
    const absent = absenceTest(problem, person);
    const byDate = new Map<string, Set<number>>();
    const bySite = new Map<string, number>();
    const unsocialBySite = new Map<string, number>();
    for (const siteId of person.sites) {
      const site = sites.get(siteId);
      if (!site) continue;
      const points = site.servicePoints.filter((p) => trainingFor(person, p) === "independent");
      let here = 0;
      let unsocial = 0;
      for (const slot of siteSlots(problem, site)) {
        if (!weeklyCovers(person.availability, slot.day, slot.minute, problem.slotMinutes) || absent(slot)) continue;
        if (!points.some((p) => (demandAt(p, slot, problem.slotMinutes)?.max ?? 0) > 0)) continue;
        here += hour;
        if (isUnsocial(problem, slot.day, slot.minute)) unsocial += hour;
        const day = byDate.get(slot.date) ?? new Set<number>();
        day.add(slot.start);
        byDate.set(slot.date, day);
      }
      bySite.set(siteId, here);
      unsocialBySite.set(siteId, unsocial);
    }
    const perDay = person.hours.maxPerDay ?? Number.POSITIVE_INFINITY;
    const week = [...byDate.values()].reduce((sum, starts) => sum + Math.min(perDay, starts.size * hour), 0);
    result.set(person.id, { total: Math.min(week, person.hours.max ?? week), bySite, unsocialBySite });
  }
  return result;
}

function absenceTest(problem: Problem, person: Person): (slot: Slot) => boolean {
  const spans = (person.absences ?? []).map((a) => [
    parseDated(a.from, problem.timeZone),
    parseDated(a.to, problem.timeZone),
  ]);
  return (slot) => spans.some(([from, to]) => (from as number) < slot.end && slot.start < (to as number));
}

/** Hours each person of `problem` could work at a desk that week (see `capacity`). */
export function availableHours(problem: Problem): Map<string, number> {
  return new Map([...capacity(problem)].map(([id, c]) => [id, c.total]));
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
 * Fair shares desk by desk: the hours worked at each site split among the people who could work
 * there, in proportion to their contract (split across their sites by the hours they could work at
 * each), no one above what they could work there (docs/setup.md, "Fair share").
 */
function fairShares(
  worked: Map<string, number>,
  contracts: Map<string, number>,
  caps: Map<string, Map<string, number>>,
): Map<string, number> {
  const fair = new Map<string, number>([...contracts.keys()].map((id) => [id, 0]));
  for (const [site, hours] of worked) {
    const weights = new Map<string, number>();
    const room = new Map<string, number>();
    for (const [id, bySite] of caps) {
      const here = bySite.get(site) ?? 0;
      const all = [...bySite.values()].reduce((a, b) => a + b, 0);
      if (here <= 0 || all <= 0) continue;
      weights.set(id, ((contracts.get(id) ?? 0) * here) / all);
      room.set(id, here);
    }
    for (const [id, share] of shareOut(hours, weights, room)) fair.set(id, (fair.get(id) ?? 0) + share);
  }
  return fair;
}

/**
 * The facts of one solved week: hours worked, unsocial hours, shadowing per point, and each
 * person's fair share of the desk hours and of the unsocial hours actually worked.
 */
export function weekFacts(problem: Problem, rota: RotaInput, setup: Pick<Setup, "people">): PersonWeek[] {
  const view = buildView(problem, rota);
  const setupContracts = new Map(setup.people.map((p) => [p.id, p.hours.target]));
  const caps = capacity(problem);
  const workedAt = new Map<string, number>();
  const unsocialAt = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, hours: number) => map.set(key, (map.get(key) ?? 0) + hours);
  const rows = problem.people.map((person) => {
    let worked = 0;
    let unsocial = 0;
    const shadowingMinutes: Record<string, number> = {};
    for (const stint of view.stintsByPerson.get(person.id) ?? []) {
      for (const step of stepsOf(view, stint)) {
        const hours = (step.end - step.start) / 3_600_000;
        worked += hours;
        add(workedAt, stint.site, hours);
        if (isUnsocial(problem, step.day, step.minute)) {
          unsocial += hours;
          add(unsocialAt, stint.site, hours);
        }
      }
      if (stint.shadowing) {
        shadowingMinutes[stint.point] = (shadowingMinutes[stint.point] ?? 0) + (stint.end - stint.start) / 60_000;
      }
    }
    const cap = caps.get(person.id);
    return {
      person: person.id,
      contract: setupContracts.get(person.id) ?? person.hours.target,
      worked,
      unsocial,
      available: cap?.total ?? 0,
      shadowingMinutes,
    };
  });
  const contracts = new Map(rows.map((r) => [r.person, r.contract]));
  const fair = fairShares(workedAt, contracts, new Map([...caps].map(([id, c]) => [id, c.bySite])));
  const unsocialFair = fairShares(unsocialAt, contracts, new Map([...caps].map(([id, c]) => [id, c.unsocialBySite])));
  return rows.map((r) => ({
    ...r,
    fairShare: Math.min(r.available, fair.get(r.person) ?? 0),
    unsocialShare: unsocialFair.get(r.person) ?? 0,
  }));
}
