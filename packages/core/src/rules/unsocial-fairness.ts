import type { Problem } from "../model/problem";
import { minutesOf } from "../model/primitives";
import { stepsOf } from "../check/view";
import { DEFAULT_EVENING_FROM } from "../model/defaults";
import { siteSlots, weeklyCovers, type Slot } from "../time/week";
import { demandAt } from "../check/demand";
import { defineRule, hoursText, type Penalty } from "./rule";
import type { Instance } from "../compile/instance";

const NIGHT_ENDS = 6 * 60;

/** Evening (from `rules.eveningFrom`, default 18:00) or night (before 06:00), local wall clock. */
export function isEvening(problem: Problem, minute: number): boolean {
  return minute >= minutesOf(problem.rules?.eveningFrom ?? DEFAULT_EVENING_FROM) || minute < NIGHT_ENDS;
}

/** Evening, night and weekend slots (day 5 = Saturday, 6 = Sunday). */
export function isUnsocial(problem: Problem, day: number, minute: number): boolean {
  return day >= 5 || isEvening(problem, minute);
}

/**
 * Each person's fair share of unsocial hours: the week's unsocial minimum cover, split among the
 * people who could work some of it, in proportion to their contracted targets.
 */
export function unsocialShares(problem: Problem): Map<string, number> {
  let demand = 0;
  const unsocialSlots = new Map<string, Slot[]>();
  for (const site of problem.sites) {
    const slots = siteSlots(problem, site).filter((s) => isUnsocial(problem, s.day, s.minute));
    unsocialSlots.set(site.id, slots);
    for (const slot of slots)
      for (const point of site.servicePoints) demand += demandAt(point, slot, problem.slotMinutes)?.min ?? 0;
  }
  const eligible = problem.people.filter((p) =>
    p.sites.some((s) =>
      (unsocialSlots.get(s) ?? []).some((slot) =>
        weeklyCovers(p.availability, slot.day, slot.minute, problem.slotMinutes),
      ),
    ),
  );
  const totalTarget = eligible.reduce((sum, p) => sum + p.hours.target, 0);
  const hours = (demand * problem.slotMinutes) / 60;
  return new Map(eligible.map((p) => [p.id, totalTarget > 0 ? (hours * p.hours.target) / totalTarget : 0]));
}

/** The search's tables: which global slots are unsocial, and each person's fair share in hours. */
export function unsocialTables(inst: Instance): { unsocial: Uint8Array; share: Float64Array } {
  const unsocial = new Uint8Array(inst.slots.length);
  for (const slot of inst.slots) if (isUnsocial(inst.problem, slot.day, slot.minute)) unsocial[slot.index] = 1;
  const shares = unsocialShares(inst.problem);
  return { unsocial, share: Float64Array.from(inst.people, (p) => shares.get(p.id) ?? 0) };
}

/** Soft: evening and weekend hours spread evenly across those who can work them. */
export const unsocialFairness = defineRule({
  id: "unsocial-fairness",
  kind: "soft",
  title: "Evening and weekend hours shared fairly",
  addToModel({ inst, milp, workByPerson, slotHours }) {
    const shares = unsocialShares(inst.problem);
    for (const person of inst.people) {
      const unsocial: number[] = [];
      for (const [slot, here] of workByPerson[person.index] ?? []) {
        const info = inst.slots[slot];
        if (info && isUnsocial(inst.problem, info.day, info.minute)) for (const w of here) unsocial.push(w.variable);
      }
      if (unsocial.length === 0) continue;
      const share = (shares.get(person.id) ?? 0) / slotHours;
      const excess = milp.continuous(`unsocial-excess[${person.id}]`, 0, Infinity, inst.weights.unsocial * slotHours);
      milp.addRow(
        `unsocial-fairness[${person.id}]`,
        [...unsocial, excess],
        [...unsocial.map(() => 1), -1],
        -Infinity,
        share,
      );
    }
  },
  score(view) {
    const shares = unsocialShares(view.problem);
    const out: Penalty[] = [];
    for (const [person, stints] of view.stintsByPerson) {
      let minutes = 0;
      for (const stint of stints)
        for (const step of stepsOf(view, stint))
          if (isUnsocial(view.problem, step.day, step.minute)) minutes += (step.end - step.start) / 60_000;
      const share = shares.get(person) ?? 0;
      const points = Math.max(0, minutes / 60 - share) * view.weights.unsocial;
      if (points === 0) continue;
      const name = view.people.get(person)?.name ?? person;
      out.push({
        person,
        points,
        message:
          `${name} ${hoursText(minutes / 60 - share)} of evenings and weekends ` +
          `over a fair share of ${hoursText(share)}`,
      });
    }
    return out;
  },
  search: {
    person(view, p) {
      const slots = view.unsocialSlots[p] as number;
      if (slots === 0) return 0;
      const hours = slots * (view.inst.slotMinutes / 60);
      return view.w.unsocial * Math.max(0, hours - (view.share[p] as number));
    },
  },
  day: {
    // Each unsocial slot of the day is priced as the first would be: nothing until over the share.
    join(view, p) {
      const slotHours = view.inst.slotMinutes / 60;
      if ((view.unsocialSlots[p] as number) * slotHours < (view.share[p] as number)) return undefined;
      const price = view.w.unsocial * slotHours;
      return (_k, g) => (view.unsocial[g] ? price : 0);
    },
    inexact: "a day that crosses the fair share is priced by where the person stood before it",
  },
});
