import type { Occupant } from "../check/view";
import type { Instance } from "../compile/instance";
import { trainingFor } from "./training";
import { defineRule, hoursText, type Penalty } from "./rule";

/**
 * Soft (development): people who are shadowing get shadowing hours, ideally beside their named
 * mentor. A reward, so its score is negative.
 */
export const shadowing = defineRule({
  id: "shadowing",
  kind: "soft",
  title: "Shadowing hours given, beside the mentor",
  addToModel({ inst, milp, workBySlot, counted, slotHours }) {
    for (const [slot, here] of workBySlot.entries()) {
      for (const w of here) {
        if (!w.shadowing) continue;
        milp.addCost(w.variable, -inst.weights.shadowing * slotHours);
        const mentor = inst.people[w.person]?.mentor ?? -1;
        const beside = counted(w.point, slot).find((m) => m.person === mentor);
        if (!beside || inst.weights.mentor === 0) continue;
        const together = milp.continuous(
          `with-mentor[${milp.labels[w.variable]}]`,
          0,
          1,
          -inst.weights.mentor * slotHours,
        );
        milp.addRow(`mentor-a[${milp.labels[w.variable]}]`, [together, w.variable], [1, -1], -Infinity, 0);
        milp.addRow(`mentor-b[${milp.labels[w.variable]}]`, [together, beside.variable], [1, -1], -Infinity, 0);
      }
    }
  },
  score(view) {
    // Per person: the hours spent shadowing, and those of them beside their own mentor.
    const byPerson = new Map<string, { shadowing: number; mentored: number }>();
    const slotHours = view.slotMinutes / 60;
    for (const site of view.sites.values()) {
      site.occupancy.forEach((here: Occupant[]) => {
        for (const o of here) {
          const person = view.people.get(o.person);
          const point = view.points.get(o.point)?.point;
          if (!o.shadowing || !person || !point || trainingFor(person, point) !== "shadowing") continue;
          const sums = byPerson.get(person.id) ?? { shadowing: 0, mentored: 0 };
          byPerson.set(person.id, sums);
          sums.shadowing += slotHours;
          const mentor = person.mentor === undefined ? undefined : view.people.get(person.mentor);
          if (
            mentor &&
            here.some(
              (m) =>
                m.person === mentor.id &&
                m.point === o.point &&
                !m.shadowing &&
                trainingFor(mentor, point) === "independent",
            )
          )
            sums.mentored += slotHours;
        }
      });
    }
    const out: Penalty[] = [];
    for (const [id, { shadowing, mentored }] of byPerson) {
      const name = view.people.get(id)?.name ?? id;
      out.push({
        person: id,
        points: -view.weights.shadowing * shadowing,
        message: `${name} shadows ${hoursText(shadowing)}`,
      });
      if (mentored > 0)
        out.push({
          person: id,
          points: -view.weights.mentor * mentored,
          message: `${name} ${hoursText(mentored)} of it beside their mentor`,
        });
    }
    return out;
  },
  search: {
    placement: (view, p, k) => (view.isShadow(p, k) ? -view.w.shadowing : 0),
    pair(view, s, k, g) {
      const mentor = view.inst.people[s]?.mentor ?? -1;
      if (mentor < 0 || !view.isShadow(s, k) || view.at[s]?.[g] !== k) return 0;
      return view.at[mentor]?.[g] === k && !view.isShadow(mentor, k) ? -view.w.mentor : 0;
    },
    partnersOf: (view, p) => view.mentees[p] ?? [],
  },
  day: {
    // A shadower gains by their mentor being there; a mentor by their mentees shadowing beside them.
    join(view, p) {
      const mentees = view.mentees[p] ?? [];
      if (mentees.length === 0 && !view.inst.people[p]?.training.includes("shadowing")) return undefined;
      const mentor = view.inst.people[p]?.mentor ?? -1;
      return (k, g) => {
        if (view.isShadow(p, k)) {
          const beside = mentor >= 0 && view.at[mentor]?.[g] === k && !view.isShadow(mentor, k);
          return beside ? -view.w.shadowing - view.w.mentor : -view.w.shadowing;
        }
        let v = 0;
        for (const s of mentees) if (view.at[s]?.[g] === k && view.isShadow(s, k)) v -= view.w.mentor;
        return v;
      };
    },
  },
});

/** Per person: the people whose mentor they are. */
export function menteesOf(inst: Instance): number[][] {
  const mentees: number[][] = inst.people.map(() => []);
  for (const person of inst.people) if (person.mentor >= 0) mentees[person.mentor]?.push(person.index);
  return mentees;
}
