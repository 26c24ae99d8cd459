import type { Person, ServicePoint, TrainingState } from "../model/problem";
import { at, type Occupant } from "../check/view";
import { defineRule } from "./rule";
import { FREE } from "./search-view";

export function trainingFor(person: Person, point: ServicePoint): TrainingState {
  return person.training?.[point.id] ?? person.training?.[point.kind] ?? "none";
}

/**
 * Rule 3: `none` never works a point; `shadowing` only beside an independent colleague at the same
 * point and slot, marked as shadowing, and never counted.
 */
export const training = defineRule<{ person: string; point: string; start: string; end: string; why: string }>({
  id: "training",
  kind: "hard",
  title: "Only trained people work a point; shadowing only beside an independent colleague",
  allows: (inst, person, point) => (inst.people[person]?.training[point] ?? "none") !== "none",
  addToModel({ inst, milp, workBySlot, counted }) {
    for (const [slot, here] of workBySlot.entries()) {
      const byPoint = new Map<number, number[]>();
      for (const w of here) if (w.shadowing) byPoint.set(w.point, [...(byPoint.get(w.point) ?? []), w.variable]);
      for (const [point, shadows] of byPoint) {
        const mates = counted(point, slot);
        const label = `${inst.points[point]?.id}#${slot}`;
        if (mates.length === 0) {
          for (const v of shadows) milp.upper[v] = 0;
          continue;
        }
        // One "a colleague is here" indicator per point and slot keeps this sparse.
        const here = milp.continuous(`independent-present[${label}]`, 0, 1);
        milp.addRow(
          `training[${label}]`,
          [here, ...mates.map((m) => m.variable)],
          [1, ...mates.map(() => -1)],
          -Infinity,
          0,
        );
        for (const v of shadows) milp.addRow(`shadowing[${milp.labels[v]}]`, [v, here], [1, -1], -Infinity, 0);
      }
    }
  },
  check(view) {
    const findings = [];
    for (const stint of view.stints) {
      const person = view.people.get(stint.person);
      const place = view.points.get(stint.point);
      if (!person || !place) continue;
      const state = trainingFor(person, place.point);
      const where = {
        person: stint.person,
        point: stint.point,
        start: at(view, stint.site, stint.start),
        end: at(view, stint.site, stint.end),
      };
      if (state === "none") {
        findings.push({ ...where, why: `is not trained for ${place.point.name}` });
      } else if (state === "shadowing" && !stint.shadowing) {
        findings.push({ ...where, why: `is only shadowing on ${place.point.name} but is not marked as shadowing` });
      } else if (state === "shadowing") {
        const { slots, occupancy } = place.site;
        slots.forEach((slot, i) => {
          if (slot.start < stint.start || slot.end > stint.end) return;
          const mates = (occupancy[i] as Occupant[]).filter(
            (o) =>
              o.point === stint.point &&
              !o.shadowing &&
              o.person !== stint.person &&
              isIndependent(view.people.get(o.person), place.point),
          );
          if (mates.length === 0)
            findings.push({
              ...where,
              start: at(view, stint.site, slot.start),
              end: at(view, stint.site, slot.end),
              why: `is shadowing on ${place.point.name} with no independent colleague there`,
            });
        });
      }
    }
    return findings;
  },
  explain: (v) => `${v.person} ${v.why} (${v.start})`,
  day: {
    // A shadower needs a counted colleague at the point; the only one keeps shadowers there.
    join: (view, p) =>
      view.inst.people[p]?.training.includes("shadowing")
        ? (k, g) => (view.isShadow(p, k) && (view.counted[k * view.G + g] as number) === 0 ? Infinity : 0)
        : undefined,
    keeps: (view, p, k, g) =>
      !view.isShadow(p, k) &&
      (view.shadows[k * view.G + g] as number) > 0 &&
      (view.counted[k * view.G + g] as number) === 1
        ? k
        : FREE,
  },
});

function isIndependent(person: Person | undefined, point: ServicePoint): boolean {
  return person !== undefined && trainingFor(person, point) === "independent";
}
