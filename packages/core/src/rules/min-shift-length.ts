import { at, hours } from "../check/view";
import { DEFAULT_MIN_SHIFT_MINUTES } from "../model/defaults";
import { defineRule } from "./rule";

/**
 * Rule 5: every shift lasts at least the person's minimum. Modelled structurally: shorter shifts
 * are never candidates (see `enumerateColumns`).
 */
export const minShiftLength = defineRule<{
  person: string;
  start: string;
  end: string;
  minutes: number;
  limit: number;
}>({
  id: "min-shift-length",
  kind: "hard",
  title: "Every shift lasts at least the minimum shift length",
  check(view) {
    const findings = [];
    for (const [person, shifts] of view.shiftsByPerson) {
      const limit = view.people.get(person)?.shifts?.minMinutes ?? DEFAULT_MIN_SHIFT_MINUTES;
      for (const shift of shifts) {
        const minutes = (shift.end - shift.start) / 60_000;
        if (minutes < limit)
          findings.push({
            person,
            start: at(view, shift.site, shift.start),
            end: at(view, shift.site, shift.end),
            minutes,
            limit,
          });
      }
    }
    return findings;
  },
  explain: (v) => `${v.person}'s shift from ${v.start} lasts ${hours(v.minutes)}; the minimum is ${hours(v.limit)}`,
  day: {
    minShiftSlots: (view, p) => view.inst.people[p]?.minShiftSlots ?? 1,
  },
});
