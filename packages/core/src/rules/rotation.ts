import type { RotaView } from "../check/view";
import { trainingFor } from "./training";
import type { Instance } from "../compile/instance";
import { defineRule, type Penalty } from "./rule";

/**
 * Soft (development): student staff rotate across the service points they are trained for. A
 * student who works pays `rotation` for each point they are independent at but did not work.
 */
export const rotation = defineRule({
  id: "rotation",
  kind: "soft",
  title: "Students rotate across their points",
  addToModel({ inst, milp, columnsByPerson, workByPerson }) {
    for (const person of inst.people) {
      if (!person.student) continue;
      const points = rotationPointsOf(inst, person);
      const columns = columnsByPerson[person.index] ?? [];
      if (points.length < 2 || columns.length === 0) continue;
      const works = milp.binary(`works[${person.id}]`, points.length * inst.weights.rotation);
      const perDay = inst.dates.length * person.maxShiftsPerDay;
      milp.addRow(
        `works[${person.id}]`,
        [...columns.map((c) => c.variable), works],
        [...columns.map(() => 1), -perDay],
        -Infinity,
        0,
      );
      for (const point of points) {
        const there = [...(workByPerson[person.index]?.values() ?? [])]
          .flat()
          .filter((w) => w.point === point)
          .map((w) => w.variable);
        if (there.length === 0) continue;
        const visited = milp.continuous(
          `visited[${person.id}@${inst.points[point]?.id}]`,
          0,
          1,
          -inst.weights.rotation,
        );
        milp.addRow(
          `rotation[${person.id}@${inst.points[point]?.id}]`,
          [visited, ...there],
          [1, ...there.map(() => -1)],
          -Infinity,
          0,
        );
        milp.addRow(`rotation-works[${person.id}@${inst.points[point]?.id}]`, [visited, works], [1, -1], -Infinity, 0);
      }
    }
  },
  score(view: RotaView) {
    const out: Penalty[] = [];
    for (const [id, person] of view.people) {
      if (person.role !== "student") continue;
      const stints = view.stintsByPerson.get(id) ?? [];
      if (stints.length === 0) continue;
      const points = [...view.points.values()].filter(
        ({ point, site }) => person.sites.includes(site.site.id) && trainingFor(person, point) === "independent",
      );
      if (points.length < 2) continue;
      const worked = new Set(stints.filter((s) => !s.shadowing).map((s) => s.point));
      const missed = points.filter(({ point }) => !worked.has(point.id)).map(({ point }) => point.name);
      if (missed.length === 0) continue;
      out.push({
        person: id,
        points: missed.length * view.weights.rotation,
        message: `${person.name} does not work ${missed.join(", ")} this week`,
      });
    }
    return out;
  },
  search: {
    person(view, p) {
      const points = view.rotationPoints[p] ?? [];
      if (points.length < 2 || (view.worked[p] as number) === 0) return 0;
      let missing = 0;
      for (const k of points) if (view.visits[p * view.K + k] === 0) missing++;
      return missing * view.w.rotation;
    },
  },
  day: {
    inexact: "a student's spread over desks is the week's, which the week's moves weigh",
  },
});

/** The points a student rotates across: those they are independent at, at their sites (none for staff). */
export function rotationPointsOf(inst: Instance, person: Instance["people"][number]): number[] {
  if (!person.student) return [];
  return inst.points
    .filter((k) => person.sites.includes(k.site) && person.training[k.index] === "independent")
    .map((k) => k.index);
}
