import { parseDated } from "../time/week";
import type { RotaView } from "../check/view";
import type { Reference } from "../compile/instance";
import { defineRule, hoursText } from "./rule";
import type { SearchView } from "./search-view";

const DAY_MS = 86_400_000;

/**
 * The published rota's whole change cost, per compiled reference: every search state of a re-solve
 * starts from it (four or more a re-solve), and it ran over every person-slot of the week each time.
 */
const constants = new WeakMap<Reference, number>();

/**
 * Soft (re-solve only): fewest changes to the published rota. Each person-hour placed differently
 * from the published rota after `now` costs `stability`, and `stabilitySoon` times that within
 * 24 hours of `now` (people already told about tomorrow are the most disturbed). Before `now`
 * nothing may change at all: the search fixes the past.
 */
export const stability = defineRule({
  id: "stability",
  kind: "soft",
  title: "Fewest changes to the published rota",
  addToModel({ inst, milp, workByPerson }) {
    const reference = inst.reference;
    if (!reference) return;
    for (const at of reference.at)
      at.forEach((k, g) => {
        milp.offset += k < 0 ? 0 : (reference.changeCost[g] ?? 0);
      });
    workByPerson.forEach((own, p) => {
      for (const [g, list] of own) {
        const published = reference.at[p]?.[g] ?? -1;
        const cost = reference.changeCost[g] ?? 0;
        for (const w of list) milp.addCost(w.variable, published < 0 ? cost : published === w.point ? -cost : 0);
      }
    });
  },
  score(view: RotaView) {
    const reference = view.reference;
    if (!reference) return [];
    const step = view.slotMinutes * 60_000;
    const perStep = (view.weights.stability * view.slotMinutes) / 60;
    const placements = (
      assignments: RotaView["stints"] | { person: string; point: string; start: number; end: number }[],
    ) => {
      const out = new Map<string, string>();
      for (const a of assignments) for (let t = a.start; t < a.end; t += step) out.set(`${a.person}@${t}`, a.point);
      return out;
    };
    const before = placements(
      reference.assignments.map((a) => ({
        person: a.person,
        point: a.point,
        start: parseDated(a.start, view.problem.timeZone),
        end: parseDated(a.end, view.problem.timeZone),
      })),
    );
    const after = placements(view.stints);
    // Per person: the points of their changed slots, and the hours changed (within a day of `now`).
    const byPerson = new Map<string, { points: number; hours: number; soon: number }>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(key) === after.get(key)) continue;
      const at = key.lastIndexOf("@");
      const t = Number(key.slice(at + 1));
      if (t < reference.now) continue;
      const person = key.slice(0, at);
      const sums = byPerson.get(person) ?? { points: 0, hours: 0, soon: 0 };
      byPerson.set(person, sums);
      const soon = t < reference.now + DAY_MS;
      sums.points += soon ? perStep * view.weights.stabilitySoon : perStep;
      sums.hours += view.slotMinutes / 60;
      if (soon) sums.soon += view.slotMinutes / 60;
    }
    return [...byPerson].map(([person, { points, hours, soon }]) => ({
      person,
      points,
      message:
        `${view.people.get(person)?.name ?? person} ${hoursText(hours)} changed from the published rota` +
        (soon > 0 ? ` (${hoursText(soon)} within a day)` : ""),
    }));
  },
  // Every published placement is first counted as changed (the constant); keeping it refunds
  // that, and a placement not in the published rota is a change of its own.
  search: {
    constant(view) {
      const reference = view.inst.reference;
      if (!reference) return 0;
      let total = constants.get(reference);
      if (total === undefined) {
        total = 0;
        for (const at of reference.at)
          for (let g = 0; g < at.length; g++) if ((at[g] as number) >= 0) total += reference.changeCost[g] ?? 0;
        constants.set(reference, total);
      }
      return total;
    },
    placement: changePrice,
  },
  day: {
    join: (view, p) => (view.inst.reference ? (k, g) => changePrice(view, p, k, g) : undefined),
  },
});

/** The person at k in g against the published rota: a change costs, keeping a placement refunds its constant. */
function changePrice(view: SearchView, p: number, k: number, g: number): number {
  const reference = view.inst.reference;
  if (!reference) return 0;
  const published = reference.at[p]?.[g] ?? -1;
  const cost = reference.changeCost[g] ?? 0;
  return published < 0 ? cost : published === k ? -cost : 0;
}
