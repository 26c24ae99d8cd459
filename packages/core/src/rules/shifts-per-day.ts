import { defineRule } from "./rule";

/** Rule 5: at most the allowed number of shifts per day (default one: no split shifts). */
export const shiftsPerDay = defineRule<{ person: string; start: string; count: number; limit: number }>({
  id: "shifts-per-day",
  kind: "hard",
  title: "At most the allowed shifts per day",
  addToModel({ inst, milp, columnsByPerson }) {
    for (const person of inst.people) {
      const columns = columnsByPerson[person.index] ?? [];
      for (let day = 0; day < inst.dates.length; day++) {
        const today = columns.filter((c) => c.day === day).map((c) => c.variable);
        if (today.length > 0)
          milp.addRow(
            `shifts-per-day[${person.id}#${day}]`,
            today,
            today.map(() => 1),
            -Infinity,
            person.maxShiftsPerDay,
          );
      }
      // Two chosen shifts back to back would really be one longer shift. With one shift a day and
      // a rest rule of at least a slot, the other rules already forbid that.
      if (person.maxShiftsPerDay === 1 && inst.minRestMs >= inst.slotMinutes * 60_000) continue;
      const starting = new Map<number, number[]>();
      const ending = new Map<number, number[]>();
      for (const c of columns) {
        starting.set(c.first, [...(starting.get(c.first) ?? []), c.variable]);
        ending.set(c.last, [...(ending.get(c.last) ?? []), c.variable]);
      }
      for (const [slot, starts] of starting) {
        const prev = inst.slots[slot]?.prev ?? -1;
        const ends = prev >= 0 ? (ending.get(prev) ?? []) : [];
        if (ends.length > 0)
          milp.addRow(
            `adjacent-shifts[${person.id}#${slot}]`,
            [...starts, ...ends],
            [...starts, ...ends].map(() => 1),
            -Infinity,
            1,
          );
      }
    }
  },
  check(view) {
    const findings = [];
    for (const [person, shifts] of view.shiftsByPerson) {
      const limit = view.people.get(person)?.shifts?.maxPerDay ?? 1;
      const byDate = new Map<string, number>();
      for (const shift of shifts) byDate.set(shift.date, (byDate.get(shift.date) ?? 0) + 1);
      for (const [date, count] of byDate) if (count > limit) findings.push({ person, start: date, count, limit });
    }
    return findings;
  },
  explain: (v) => `${v.person} has ${v.count} shifts on ${v.start}; at most ${v.limit} allowed`,
  day: {
    builtIn: "a plan is one shift; a day of more shifts is never planned, only kept",
  },
});
