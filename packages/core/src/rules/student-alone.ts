import { at, type Occupant } from "../check/view";
import { defineRule } from "./rule";
import { ANY_POINT, FREE } from "./search-view";

/** Rule 6: students are never on site without a staff member (unless `rules.studentAloneAllowed`). */
export const studentAlone = defineRule<{ site: string; start: string; end: string }>({
  id: "student-alone",
  kind: "hard",
  title: "Students never on site without staff",
  addToModel({ inst, milp, workBySlot }) {
    if (inst.studentAloneAllowed) return;
    for (const [slot, here] of workBySlot.entries()) {
      const students = here.filter((w) => inst.people[w.person]?.student);
      if (students.length === 0) continue;
      const staff = here.filter((w) => !inst.people[w.person]?.student);
      if (staff.length === 0) {
        for (const w of students) milp.upper[w.variable] = 0;
        continue;
      }
      const label = `${inst.sites[inst.slots[slot]?.site ?? 0]?.id}#${slot}`;
      const staffed = milp.continuous(`staff-present[${label}]`, 0, 1);
      milp.addRow(
        `student-alone[${label}]`,
        [staffed, ...staff.map((w) => w.variable)],
        [1, ...staff.map(() => -1)],
        -Infinity,
        0,
      );
      const byStudent = new Map<number, number[]>();
      for (const w of students) byStudent.set(w.person, [...(byStudent.get(w.person) ?? []), w.variable]);
      for (const [person, vars] of byStudent) {
        milp.addRow(
          `student-alone[${inst.people[person]?.id}#${slot}]`,
          [...vars, staffed],
          [...vars.map(() => 1), -1],
          -Infinity,
          0,
        );
      }
    }
  },
  check(view) {
    if (view.problem.rules?.studentAloneAllowed) return [];
    const findings: { site: string; start: string; end: string }[] = [];
    for (const { site, slots, occupancy } of view.sites.values()) {
      slots.forEach((slot, i) => {
        const here = occupancy[i] as Occupant[];
        if (here.length > 0 && here.every((o) => view.people.get(o.person)?.role === "student")) {
          findings.push({ site: site.id, start: at(view, site.id, slot.start), end: at(view, site.id, slot.end) });
        }
      });
    }
    return findings;
  },
  explain: (v) => `only students are on site at ${v.site} at ${v.start}; a staff member must be there`,
  day: {
    // A student joins only where staff are; the only staff member keeps the students' slots.
    join: (view, p) =>
      view.inst.people[p]?.student && !view.inst.studentAloneAllowed
        ? (_k, g) => ((view.staff[g] as number) === 0 ? Infinity : 0)
        : undefined,
    keeps: (view, p, _k, g) =>
      !view.inst.people[p]?.student &&
      !view.inst.studentAloneAllowed &&
      (view.students[g] as number) > 0 &&
      (view.staff[g] as number) === 1
        ? ANY_POINT
        : FREE,
  },
});
