import { DAYS } from "../model/primitives";
import { at, stepsOf } from "../check/view";
import { parseDated, weeklyCovers } from "../time/week";
import { defineRule } from "./rule";

/** Rule 1: nobody works outside their weekly availability or during an absence. */
export const availability = defineRule<{ person: string; point: string; start: string; end: string; why: string }>({
  id: "availability",
  kind: "hard",
  title: "People work only when available and not absent",
  allows: (inst, person, _point, slot) => inst.people[person]?.available[slot] === 1,
  check(view) {
    const findings = [];
    // Each person's absences read once, not once per stint (reading a date is the dear part).
    const absencesOf = new Map<string, { from: number; to: number; reason: string | undefined }[]>();
    for (const stint of view.stints) {
      const person = view.people.get(stint.person);
      if (!person) continue;
      let absences = absencesOf.get(person.id);
      if (!absences) {
        absences = (person.absences ?? []).map((a) => ({
          from: parseDated(a.from, view.problem.timeZone),
          to: parseDated(a.to, view.problem.timeZone),
          reason: a.reason,
        }));
        absencesOf.set(person.id, absences);
      }
      for (const step of stepsOf(view, stint)) {
        const absence = absences.find((a) => a.from < step.end && step.start < a.to);
        const outside = !weeklyCovers(person.availability, step.day, step.minute, view.slotMinutes);
        if (!absence && !outside) continue;
        findings.push({
          person: stint.person,
          point: stint.point,
          start: at(view, stint.site, step.start),
          end: at(view, stint.site, step.end),
          why: absence
            ? `is absent${absence.reason ? ` (${absence.reason})` : ""}`
            : `is not available on ${DAYS[step.day]} at that time`,
        });
        break;
      }
    }
    return findings;
  },
  explain: (v) => `${v.person} is on ${v.point} from ${v.start} but ${v.why}`,
});
