import { at, hours } from "../check/view";
import { DEFAULT_MIN_REST_MINUTES } from "../model/defaults";
import { defineRule } from "./rule";

/** Rule 4: a minimum rest between the end of one date's last shift and the start of any later date's first. */
export const rest = defineRule<{ person: string; start: string; end: string; minutes: number; limit: number }>({
  id: "rest",
  kind: "hard",
  title: "Minimum rest between days",
  addToModel({ inst, milp, columnsByPerson }) {
    const rest = inst.minRestMs;
    if (rest <= 0) return;
    for (const person of inst.people) {
      const columns = columnsByPerson[person.index] ?? [];
      for (let day = 0; day < inst.dates.length; day++) {
        const today = columns.filter((c) => c.day === day);
        const later = columns.filter((c) => c.day > day).sort((a, b) => a.start - b.start);
        if (today.length === 0 || later.length === 0) continue;
        const conflicting = (end: number) => later.filter((b) => b.start < end + rest).map((b) => b.variable);
        if (person.maxShiftsPerDay > 1) {
          // Several shifts a day: only the day's last shift must rest, so one row per shift.
          for (const a of today) {
            const after = conflicting(a.end);
            if (after.length > 0)
              milp.addRow(
                `rest[${milp.labels[a.variable]}]`,
                [a.variable, ...after],
                [1, ...after.map(() => 1)],
                -Infinity,
                1,
              );
          }
          continue;
        }
        // One shift a day: for each end time e, no shift ending at or after e together with a later
        // shift starting before e + rest. A row whose later set equals the previous one is dominated.
        let previous = 0;
        for (const end of [...new Set(today.map((c) => c.end))].sort((a, b) => a - b)) {
          const after = conflicting(end);
          if (after.length === previous) continue;
          previous = after.length;
          const before = today.filter((c) => c.end >= end).map((c) => c.variable);
          milp.addRow(
            `rest[${person.id}#${day}@${end}]`,
            [...before, ...after],
            [...before, ...after].map(() => 1),
            -Infinity,
            1,
          );
        }
      }
    }
  },
  check(view) {
    const findings = [];
    for (const [person, shifts] of view.shiftsByPerson) {
      const limit = view.problem.rules?.minRestMinutes ?? DEFAULT_MIN_REST_MINUTES;
      const lastEnd = new Map<string, { end: number; site: string }>();
      for (const shift of shifts) {
        const known = lastEnd.get(shift.date);
        if (!known || shift.end > known.end) lastEnd.set(shift.date, { end: shift.end, site: shift.site });
      }
      for (const shift of shifts) {
        for (const [date, last] of lastEnd) {
          if (date >= shift.date) continue;
          const minutes = (shift.start - last.end) / 60_000;
          if (minutes < limit)
            findings.push({
              person,
              start: at(view, last.site, last.end),
              end: at(view, shift.site, shift.start),
              minutes,
              limit,
            });
        }
      }
    }
    return findings;
  },
  explain: (v) =>
    `${v.person} finishes at ${v.start} and starts again at ${v.end}: ${hours(Math.max(0, v.minutes))} of rest, at ` +
    `least ${hours(v.limit)} needed`,
  day: {
    restMs: (view) => view.inst.minRestMs,
  },
});
