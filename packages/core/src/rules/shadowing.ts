import type { Occupant } from "../check/view";
import { trainingFor } from "./training";
import { defineRule } from "./rule";

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
    let total = 0;
    const slotHours = view.slotMinutes / 60;
    for (const site of view.sites.values()) {
      site.occupancy.forEach((here: Occupant[]) => {
        for (const o of here) {
          const person = view.people.get(o.person);
          const point = view.points.get(o.point)?.point;
          if (!o.shadowing || !person || !point || trainingFor(person, point) !== "shadowing") continue;
          total -= view.weights.shadowing * slotHours;
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
            total -= view.weights.mentor * slotHours;
        }
      });
    }
    return total;
  },
});
