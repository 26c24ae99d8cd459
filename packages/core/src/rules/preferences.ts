import { DAYS, minutesOf } from "../model/primitives";
import type { Person } from "../model/problem";
import { stepsOf } from "../check/view";
import { defineRule } from "./rule";

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
    let total = 0;
    for (const stint of view.stints) {
      const person = view.people.get(stint.person);
      if (!person) continue;
      for (const step of stepsOf(view, stint))
        total -=
          preferenceAt(person, step.day, step.minute, view.slotMinutes) *
          view.weights.preferences *
          ((step.end - step.start) / 3_600_000);
    }
    return total;
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
