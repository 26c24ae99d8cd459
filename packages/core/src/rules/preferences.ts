import { DAYS, minutesOf } from "../model/primitives";
import type { Person } from "../model/problem";
import { stepsOf } from "../check/view";
import { defineRule, hoursText, type Penalty } from "./rule";

/** Soft: preferences met ("wants" rewarded), "would rather not" slots avoided. Negative when wishes are met. */
export const preferences = defineRule({
  id: "preferences",
  kind: "soft",
  title: "Preferences met",
  addToModel({ inst, milp, workByPerson, slotHours }) {
    for (const person of inst.people) {
      for (const [slot, here] of workByPerson[person.index] ?? []) {
        const wish = person.preference[slot] ?? 0;
        if (wish !== 0) for (const w of here) milp.addCost(w.variable, -wish * inst.weights.preferences * slotHours);
      }
    }
  },
  score(view) {
    // Per person: the hours worked at times they asked for (a reward) and at times they would rather not.
    const byPerson = new Map<string, { liked: number; likedHours: number; disliked: number; dislikedHours: number }>();
    for (const stint of view.stints) {
      const person = view.people.get(stint.person);
      if (!person) continue;
      const sums = byPerson.get(person.id) ?? { liked: 0, likedHours: 0, disliked: 0, dislikedHours: 0 };
      byPerson.set(person.id, sums);
      for (const step of stepsOf(view, stint)) {
        const hours = (step.end - step.start) / 3_600_000;
        const points =
          -preferenceAt(person, step.day, step.minute, view.slotMinutes) * view.weights.preferences * hours;
        if (points < 0) {
          sums.liked += points;
          sums.likedHours += hours;
        } else if (points > 0) {
          sums.disliked += points;
          sums.dislikedHours += hours;
        }
      }
    }
    const out: Penalty[] = [];
    for (const [id, sums] of byPerson) {
      const name = view.people.get(id)?.name ?? id;
      if (sums.liked !== 0)
        out.push({
          person: id,
          points: sums.liked,
          message: `${name} ${hoursText(sums.likedHours)} at times they asked for`,
        });
      if (sums.disliked !== 0)
        out.push({
          person: id,
          points: sums.disliked,
          message: `${name} ${hoursText(sums.dislikedHours)} at times they would rather not work`,
        });
    }
    return out;
  },
  search: {
    placement: (view, p, _k, g) => -(view.inst.people[p]?.preference[g] ?? 0) * view.w.preferences,
  },
  day: {
    join(view, p) {
      const preference = view.inst.people[p]?.preference;
      const weight = view.w.preferences;
      return preference && weight !== 0 ? (_k, g) => -(preference[g] ?? 0) * weight : undefined;
    },
  },
});

/** The sum of the person's preference weights covering a slot (local day and minute). */
export function preferenceAt(person: Person, day: number, minute: number, slotMinutes: number): number {
  let total = 0;
  for (const p of person.preferences ?? []) {
    if (
      p.days.includes(DAYS[day] as (typeof DAYS)[number]) &&
      minutesOf(p.from) <= minute &&
      minute + slotMinutes <= minutesOf(p.to)
    )
      total += p.weight;
  }
  return total;
}
