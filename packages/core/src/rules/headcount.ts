import { at, type Occupant } from "../check/view";
import { demandAt } from "../check/demand";
import { trainingFor } from "./training";
import { defineRule } from "./rule";

/** Rule 8: the people counted at a point never exceed the band's max: nobody is parked at a desk. */
export const headcount = defineRule<{ point: string; start: string; end: string; count: number; limit: number }>({
  id: "headcount",
  kind: "hard",
  title: "Counted people within the band's max",
  allows: (inst, _person, point, slot) => (inst.points[point]?.demand[slot]?.max ?? 0) > 0,
  addToModel({ inst, milp, counted }) {
    for (const point of inst.points) {
      for (const slot of inst.sites[point.site]?.slots ?? []) {
        const max = point.demand[slot]?.max ?? 0;
        const here = counted(point.index, slot);
        if (here.length > max)
          milp.addRow(
            `headcount[${point.id}#${slot}]`,
            here.map((w) => w.variable),
            here.map(() => 1),
            -Infinity,
            max,
          );
      }
    }
  },
  check(view) {
    const findings: { point: string; start: string; end: string; count: number; limit: number }[] = [];
    for (const { site, zone: _zone, slots, occupancy } of view.sites.values()) {
      for (const point of site.servicePoints) {
        slots.forEach((slot, i) => {
          // Outside every band the point is closed: working it then is point-open's violation, not a headcount.
          const demand = demandAt(point, slot, view.slotMinutes);
          if (!demand) return;
          const count = (occupancy[i] as Occupant[]).filter(
            (o) => o.point === point.id && !o.shadowing && isCounted(view.people.get(o.person), point),
          ).length;
          if (count > demand.max)
            findings.push({
              point: point.id,
              start: at(view, site.id, slot.start),
              end: at(view, site.id, slot.end),
              count,
              limit: demand.max,
            });
        });
      }
    }
    return findings;
  },
  explain: (v) =>
    `${v.count} ${v.count === 1 ? "person is" : "people are"} counted on ${v.point} at ${v.start}; the band allows ` +
    `${v.limit}`,
  day: {
    join: (view, p) => (k, g) =>
      !view.isShadow(p, k) && (view.counted[k * view.G + g] as number) >= (view.demandMax[k * view.G + g] as number)
        ? Infinity
        : 0,
  },
});

function isCounted(
  person: Parameters<typeof trainingFor>[0] | undefined,
  point: Parameters<typeof trainingFor>[1],
): boolean {
  return person !== undefined && trainingFor(person, point) === "independent";
}
