import { buildView, type RotaView, stepsOf } from "../check/view";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { isUnsocial } from "../rules/unsocial-fairness";
import { deskSlots } from "./desk-slots";
import { fairShares, shareFloors } from "./fair-share";
import { shareBounds, waterFill } from "./share-bounds";
import type { ShiftFloor } from "./shift-floors";
import type { Setup } from "./schema";

/** What one published week says about one person, in hours (shadowing in minutes, per point id). */
export interface PersonWeek {
  person: string;
  /** the contracted target of the setup, not the shifted target the week was solved with */
  contract: number;
  worked: number;
  unsocial: number;
  /** hours the person could have worked at a desk (see `availableHours`) */
  available: number;
  /** the share a rota could give: slot by slot, and the shifts of at least the minimum a sole lead's slots force */
  fairShare: number;
  /** issue 14's share, slot by slot: below `fairShare` for a person the `floors` hold above it */
  slotShare: number;
  /**
   * issue 14's share as it words it: the week's desk hours in proportion to contracts, each capped by
   * `available`, what the caps free shared by the others (`waterFill`)
   */
  plainShare: number;
  /** the plain share clamped into [forced, attainable] from the problem alone (`shareBounds`) */
  clampedShare: number;
  /** the least the problem forces on them and the most it lets them have (`shareBounds`) */
  forced: number;
  attainable: number;
  /** the dates where the rules can have no one else in some slots, and the shift that then takes */
  floors: ShiftFloor[];
  unsocialShare: number;
  shadowingMinutes: Record<string, number>;
}

/**
 * Hours each person of `problem` could work at a desk that week: slots where a point they work on
 * their own has demand, inside their availability and outside absences; at most `maxPerDay` a day
 * and `max` a week.
 */
export function availableHours(problem: Problem, slots = deskSlots(problem)): Map<string, number> {
  const byDate = new Map<string, Map<string, Set<number>>>(problem.people.map((p) => [p.id, new Map()]));
  for (const desk of slots) {
    for (const p of new Set(desk.points.flatMap((point) => point.people))) {
      const dates = byDate.get(p.id) as Map<string, Set<number>>;
      const starts = dates.get(desk.slot.date) ?? new Set<number>();
      starts.add(desk.slot.start);
      dates.set(desk.slot.date, starts);
    }
  }
  const hour = problem.slotMinutes / 60;
  return new Map(
    problem.people.map((person) => {
      const perDay = person.hours.maxPerDay ?? Number.POSITIVE_INFINITY;
      const dates = [...(byDate.get(person.id)?.values() ?? [])];
      const week = dates.reduce((sum, starts) => sum + Math.min(perDay, starts.size * hour), 0);
      return [person.id, Math.min(week, person.hours.max ?? week)];
    }),
  );
}

/**
 * Hours each person could be rostered that week, shadowing included: the ceiling of a carried target,
 * since a target counts every hour on the rota (training too), not only the desk hours of `availableHours`.
 */
export function rosterableHours(problem: Problem): Map<string, number> {
  return availableHours(problem, deskSlots(problem, { shadowing: true }));
}

/**
 * The facts of one solved week: hours worked, unsocial hours, shadowing per point, and each
 * person's fair share of the desk hours and of the unsocial hours actually worked. Shadowing is
 * training beside someone, not a place at a desk: it is not shared out, and counts in the
 * shadowing person's own share.
 */
export function weekFacts(problem: Problem, rota: RotaInput, setup: Pick<Setup, "people">): PersonWeek[] {
  const view = buildView(problem, rota);
  const setupContracts = new Map(setup.people.map((p) => [p.id, p.hours.target]));
  const slots = deskSlots(problem);
  const available = availableHours(problem, slots);
  const workedAt = new Map<string, number>();
  const unsocialAt = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, hours: number) => map.set(key, (map.get(key) ?? 0) + hours);
  const rows = problem.people.map((person) => {
    let worked = 0;
    let unsocial = 0;
    let shadowing = 0;
    let unsocialShadowing = 0;
    const shadowingMinutes: Record<string, number> = {};
    for (const stint of view.stintsByPerson.get(person.id) ?? []) {
      for (const step of stepsOf(view, stint)) {
        const hours = (step.end - step.start) / 3_600_000;
        const late = isUnsocial(problem, step.day, step.minute);
        worked += hours;
        if (late) unsocial += hours;
        if (stint.shadowing) {
          shadowing += hours;
          if (late) unsocialShadowing += hours;
        } else {
          add(workedAt, stint.site, hours);
          if (late) add(unsocialAt, stint.site, hours);
        }
      }
      if (stint.shadowing) {
        shadowingMinutes[stint.point] = (shadowingMinutes[stint.point] ?? 0) + (stint.end - stint.start) / 60_000;
      }
    }
    return {
      person: person.id,
      contract: setupContracts.get(person.id) ?? person.hours.target,
      worked,
      unsocial,
      available: available.get(person.id) ?? 0,
      shadowing,
      unsocialShadowing,
      shadowingMinutes,
    };
  });
  const contracts = new Map(rows.map((r) => [r.person, r.contract]));
  const ownHours = new Map(rows.map((r) => [r.person, r.shadowing]));
  const ledBy = shadowingLeads(view);
  const shadowedAt = shadowingSites(view);
  const hoursInput = { problem, slots, worked: workedAt, contracts, ownHours, ledBy, shadowedAt };
  const fair = fairShares(hoursInput);
  const slotFair = fairShares({ ...hoursInput, floors: false });
  const floors = shareFloors(hoursInput);
  const unsocialFair = fairShares({
    problem,
    slots: slots.filter((s) => s.unsocial),
    worked: unsocialAt,
    contracts,
    ownHours: new Map(rows.map((r) => [r.person, r.unsocialShadowing])),
    ledBy,
    shadowedAt,
    // The minimum shift bounds a sole lead's hours, not which of them fall in the evening.
    floors: false,
  });
  const bounds = shareBounds(problem, slots);
  // As in the fair share, the ratio is of all a person's hours, shadowing included, to their contract.
  const hours = [...workedAt.values(), ...rows.map((r) => r.shadowing)].reduce((sum, h) => sum + h, 0);
  const byId = new Map(problem.people.map((p) => [p.id, p]));
  const claims = (clamped: boolean) =>
    rows.map((r) => {
      const room = Math.max(0, (byId.get(r.person)?.hours.max ?? Number.POSITIVE_INFINITY) - r.shadowing);
      const bound = bounds.get(r.person) ?? { forced: 0, attainable: 0 };
      const desk = Math.min(room, clamped ? bound.attainable : r.available);
      const low = r.shadowing + (clamped ? Math.min(bound.forced, desk) : 0);
      return { id: r.person, weight: Math.max(r.contract, 0.01), low, high: r.shadowing + desk };
    });
  const plain = waterFill(hours, claims(false));
  const clamped = waterFill(hours, claims(true));
  return rows.map(({ shadowing, unsocialShadowing, ...r }) => ({
    ...r,
    fairShare: (fair.get(r.person) ?? 0) + shadowing,
    slotShare: (slotFair.get(r.person) ?? 0) + shadowing,
    plainShare: plain.get(r.person) ?? 0,
    clampedShare: clamped.get(r.person) ?? 0,
    forced: bounds.get(r.person)?.forced ?? 0,
    attainable: bounds.get(r.person)?.attainable ?? 0,
    floors: floors.filter((f) => f.person === r.person),
    unsocialShare: (unsocialFair.get(r.person) ?? 0) + unsocialShadowing,
  }));
}

/** `site slotStart` of the slots where a lead was there shadowing (the supervision rule counts them). */
function shadowingLeads(view: RotaView): Set<string> {
  const led = new Set<string>();
  for (const [id, site] of view.sites) {
    site.occupancy.forEach((here, i) => {
      if (here.some((o) => o.shadowing && view.people.get(o.person)?.qualifications?.includes("lead"))) {
        led.add(`${id} ${site.slots[i]?.start}`);
      }
    });
  }
  return led;
}

/** `person day` → the site of their shadowing that day (by the day its first slot falls on). */
function shadowingSites(view: RotaView): Map<string, string> {
  const at = new Map<string, string>();
  for (const [person, stints] of view.stintsByPerson) {
    for (const stint of stints) {
      const [first] = stint.shadowing ? stepsOf(view, stint) : [];
      if (first) at.set(`${person} ${first.day}`, stint.site);
    }
  }
  return at;
}
