import { at, hours } from "../check/view";
import type { SlotInfo } from "../compile/instance";
import { defineRule } from "./rule";

/** Rule 5: a continuous stint at one point lasts at most the point's `maxStintMinutes`. */
export const stintLimit = defineRule<{
  person: string;
  point: string;
  start: string;
  end: string;
  minutes: number;
  limit: number;
}>({
  id: "stint-limit",
  kind: "hard",
  title: "Continuous stints within the point's stint limit",
  addToModel({ inst, milp, workByPerson }) {
    for (const person of inst.people) {
      for (const [slot, here] of workByPerson[person.index] ?? []) {
        for (const w of here) {
          const limit = inst.points[w.point]?.maxStintSlots ?? Infinity;
          if (!Number.isFinite(limit)) continue;
          // Any limit+1 consecutive slots at the point would be a stint over the limit.
          const window = [w.variable];
          for (
            let cursor = (inst.slots[slot] as SlotInfo).next;
            cursor >= 0 && window.length <= limit;
            cursor = (inst.slots[cursor] as SlotInfo).next
          ) {
            const next = (workByPerson[person.index]?.get(cursor) ?? []).find((v) => v.point === w.point);
            if (!next) break;
            window.push(next.variable);
          }
          if (window.length > limit)
            milp.addRow(
              `stint-limit[${milp.labels[w.variable]}]`,
              window,
              window.map(() => 1),
              -Infinity,
              limit,
            );
        }
      }
    }
  },
  check(view) {
    const findings = [];
    for (const [person, stints] of view.stintsByPerson) {
      // Shadowing or not, time at the same point in one run is one stint.
      const runs: { point: string; site: string; start: number; end: number }[] = [];
      for (const s of stints) {
        const last = runs[runs.length - 1];
        if (last && last.point === s.point && last.end === s.start) last.end = s.end;
        else runs.push({ point: s.point, site: s.site, start: s.start, end: s.end });
      }
      for (const run of runs) {
        const limit = view.points.get(run.point)?.point.maxStintMinutes;
        const minutes = (run.end - run.start) / 60_000;
        if (limit !== undefined && minutes > limit)
          findings.push({
            person,
            point: run.point,
            start: at(view, run.site, run.start),
            end: at(view, run.site, run.end),
            minutes,
            limit,
          });
      }
    }
    return findings;
  },
  explain: (v) =>
    `${v.person} would be on ${v.point} for ${hours(v.minutes)} from ${v.start}; the limit is ${hours(v.limit)}`,
  day: {
    maxStintSlots: (view, k) => view.inst.points[k]?.maxStintSlots ?? Infinity,
  },
});
