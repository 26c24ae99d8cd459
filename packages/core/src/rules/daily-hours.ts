import { hours } from "../check/view";
import { defineRule } from "./rule";

/** Rule 4: the daily maximum (`hours.maxPerDay`) is never exceeded, per the date a shift starts on. */
export const dailyHours = defineRule<{ person: string; start: string; minutes: number; limit: number }>({
  id: "daily-hours",
  kind: "hard",
  title: "Daily hours within the daily maximum",
  addToModel({ inst, milp, columnsByPerson }) {
    for (const person of inst.people) {
      // A one-shift day longer than the cap is never a candidate (see `enumerateColumns`).
      if (person.maxShiftsPerDay === 1 || !Number.isFinite(person.maxDaySlots)) continue;
      for (let day = 0; day < inst.dates.length; day++) {
        const today = (columnsByPerson[person.index] ?? []).filter((c) => c.day === day);
        if (today.length > 0)
          milp.addRow(
            `daily-hours[${person.id}#${day}]`,
            today.map((c) => c.variable),
            today.map((c) => c.length),
            -Infinity,
            person.maxDaySlots,
          );
      }
    }
  },
  check(view) {
    const findings = [];
    for (const [person, shifts] of view.shiftsByPerson) {
      const cap = view.people.get(person)?.hours.maxPerDay;
      if (cap === undefined) continue;
      const byDate = new Map<string, number>();
      for (const shift of shifts)
        byDate.set(shift.date, (byDate.get(shift.date) ?? 0) + (shift.end - shift.start) / 60_000);
      for (const [date, minutes] of byDate)
        if (minutes > cap * 60 + 1e-6) findings.push({ person, start: date, minutes, limit: cap * 60 });
    }
    return findings;
  },
  explain: (v) => `${v.person} works ${hours(v.minutes)} on ${v.start}; the daily maximum is ${hours(v.limit)}`,
  day: {
    maxDaySlots: (view, p) => view.inst.people[p]?.maxDaySlots ?? 0,
  },
});
