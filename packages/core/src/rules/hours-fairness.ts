import type { Person } from "../model/problem";
import type { RotaView } from "../check/view";
import { defineRule, hoursText, type Penalty } from "./rule";
import type { SearchView } from "./search-view";

/**
 * Tiers of the shortfall (and excess) against a person's target, as shares of that target. Each
 * tier costs more per hour than the one before, so shortfall is shared in proportion to targets
 * rather than dumped on a few people.
 */
export const UNDER_TIERS = [
  { share: 0.1, factor: 1 },
  { share: 0.15, factor: 2 },
  { share: 0.25, factor: 4 },
  { share: Infinity, factor: 8 },
] as const;
export const OVER_TIERS = [
  { share: 0.1, factor: 1 },
  { share: Infinity, factor: 3 },
] as const;

/** Soft: hours close to each person's contracted target, and not below their `min` where that can be helped. */
export const hoursFairness = defineRule({
  id: "hours-fairness",
  kind: "soft",
  title: "Hours close to contract",
  addToModel({ inst, milp, columnsByPerson, slotHours }) {
    const { hoursUnder, hoursOver, hoursBelowMin } = inst.weights;
    for (const person of inst.people) {
      const columns = columnsByPerson[person.index] ?? [];
      const target = person.targetSlots;
      const worked = columns.map((c) => c.variable);
      const lengths = columns.map((c) => c.length);
      if (worked.length === 0) {
        milp.offset += penalty(0, target * slotHours, person.minSlots * slotHours, inst.weights);
        continue;
      }
      const tiers = (list: readonly { share: number; factor: number }[], weight: number, sign: number) =>
        list.map((t, i) => ({
          v: milp.continuous(
            `hours-${sign > 0 ? "under" : "over"}${i}[${person.id}]`,
            0,
            Number.isFinite(t.share) ? t.share * target : Infinity,
            t.factor * weight * slotHours,
          ),
          sign,
        }));
      const under = target > 0 ? tiers(UNDER_TIERS, hoursUnder, 1) : [];
      const over = tiers(OVER_TIERS, hoursOver, -1);
      const deviations = [...under, ...over];
      milp.addRow(
        `hours-fairness[${person.id}]`,
        [...worked, ...deviations.map((d) => d.v)],
        [...lengths, ...deviations.map((d) => d.sign)],
        target,
        target,
      );
      if (person.minSlots > 0) {
        const below = milp.continuous(`hours-below-min[${person.id}]`, 0, person.minSlots, hoursBelowMin * slotHours);
        milp.addRow(`hours-min[${person.id}]`, [...worked, below], [...lengths, 1], person.minSlots, Infinity);
      }
    }
  },
  score(view) {
    const out: Penalty[] = [];
    for (const person of view.people.values()) {
      const worked = workedMinutes(view, person) / 60;
      const { target, min = 0 } = person.hours;
      const points = penalty(worked, target, min, view.weights);
      if (points === 0) continue;
      const off =
        worked < target ? `${hoursText(target - worked)} under target` : `${hoursText(worked - target)} over target`;
      const floor = worked < min ? `, below their minimum of ${hoursText(min)}` : "";
      out.push({
        person: person.id,
        points,
        message: `${person.name} ${off} (${hoursText(worked)} of ${hoursText(target)})${floor}`,
      });
    }
    return out;
  },
  search: {
    person: (view, p) => hoursCost(view, p),
  },
  day: {
    hours(view, p) {
      const now = hoursCost(view, p);
      return (extra) => hoursCost(view, p, extra) - now;
    },
  },
});

/** The person's hours against their target in the search, with `more` slots worked than now. */
export function hoursCost(view: SearchView, p: number, more = 0): number {
  const person = view.inst.people[p];
  if (!person) return 0;
  const slotHours = view.inst.slotMinutes / 60;
  return penalty(
    ((view.worked[p] as number) + more) * slotHours,
    person.targetSlots * slotHours,
    person.minSlots * slotHours,
    view.inst.weights,
  );
}

/** The penalty of working `worked` hours against a target (and a floor), tier by tier. */
export function penalty(
  worked: number,
  target: number,
  min: number,
  w: { hoursUnder: number; hoursOver: number; hoursBelowMin: number },
): number {
  const under = target > 0 ? tiered(Math.max(0, target - worked), target, UNDER_TIERS, w.hoursUnder) : 0;
  return (
    under +
    tiered(Math.max(0, worked - target), target, OVER_TIERS, w.hoursOver) +
    Math.max(0, min - worked) * w.hoursBelowMin
  );
}

function tiered(
  amount: number,
  target: number,
  tiers: readonly { share: number; factor: number }[],
  weight: number,
): number {
  let left = amount;
  let cost = 0;
  for (const tier of tiers) {
    // The last tier is unbounded; Infinity × a target of 0 would be NaN.
    const part = Math.min(left, Number.isFinite(tier.share) ? tier.share * target : Infinity);
    cost += part * tier.factor * weight;
    left -= part;
  }
  return cost;
}

export function workedMinutes(view: RotaView, person: Person): number {
  return (view.shiftsByPerson.get(person.id) ?? []).reduce((sum, s) => sum + (s.end - s.start) / 60_000, 0);
}
