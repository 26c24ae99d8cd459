import { hours } from "../check/view";
import { defineRule } from "./rule";

/** Rule 4: the weekly maximum (`hours.max`, default the target) is never exceeded; it may be a legal limit. */
export const weeklyHours = defineRule<{ person: string; minutes: number; limit: number }>({
  id: "weekly-hours",
  kind: "hard",
  title: "Weekly hours within the weekly maximum",
  addToModel({ inst, milp, columnsByPerson }) {
    for (const person of inst.people) {
      const columns = columnsByPerson[person.index] ?? [];
      if (columns.length > 0)
        milp.addRow(
          `weekly-hours[${person.id}]`,
          columns.map((c) => c.variable),
          columns.map((c) => c.length),
          -Infinity,
          person.maxWeekSlots,
        );
    }
  },
  check(view) {
    const findings = [];
    for (const [id, person] of view.people) {
      const minutes = (view.shiftsByPerson.get(id) ?? []).reduce((sum, s) => sum + (s.end - s.start) / 60_000, 0);
      const limit = (person.hours.max ?? person.hours.target) * 60;
      if (minutes > limit + 1e-6) findings.push({ person: id, minutes, limit });
    }
    return findings;
  },
  explain: (v) => `${v.person} works ${hours(v.minutes)} this week; the weekly maximum is ${hours(v.limit)}`,
  day: {
    maxWeekSlots: (view, p) => (view.inst.people[p]?.maxWeekSlots ?? 0) - (view.worked[p] as number),
  },
});
