import { demandAt } from "./check/demand";
import { buildView, stepsOf, type Occupant } from "./check/view";
import type { Problem } from "./model/problem";
import type { RotaInput } from "./model/rota";
import type { RotaMetrics } from "./model/results";
import { preferenceAt } from "./rules/preferences";
import { trainingFor } from "./rules/training";
import { isEvening } from "./rules/unsocial-fairness";

type View = ReturnType<typeof buildView>;
type SiteView = View["sites"] extends Map<string, infer S> ? S : never;
type Demand = NonNullable<ReturnType<typeof demandAt>>;

/** What one open slot of a site lacks: a lead, a keyholder at an edge, and each point's demand against who counts. */
export interface SlotFacts {
  noLead: boolean;
  noKeyholder: boolean;
  points: { demand: Demand; counted: number }[];
}

/** Each open slot of each site, as the metrics and the trade-off sentences both count it. */
export function forEachSlot(
  problem: Problem,
  view: View,
  visit: (site: SiteView, slot: SiteView["slots"][number], facts: SlotFacts) => void,
): void {
  for (const site of view.sites.values()) {
    site.slots.forEach((slot, i) => {
      const here = site.occupancy[i] as Occupant[];
      const has = (q: string) => here.some((o) => view.people.get(o.person)?.qualifications?.includes(q));
      const edge = site.slots[i - 1]?.end !== slot.start || site.slots[i + 1]?.start !== slot.end;
      const points: SlotFacts["points"] = [];
      for (const point of site.site.servicePoints) {
        const demand = demandAt(point, slot, problem.slotMinutes);
        if (!demand) continue;
        const counted = here.filter((o) => {
          const person = view.people.get(o.person);
          return (
            o.point === point.id && !o.shadowing && person !== undefined && trainingFor(person, point) === "independent"
          );
        }).length;
        points.push({ demand, counted });
      }
      visit(site, slot, { noLead: !has("lead"), noKeyholder: edge && !has("keyholder"), points });
    });
  }
}

/** What a coordinator compares rotas by (docs/api.md lists each field). */
export type { RotaMetrics } from "./model/results";

export function metrics(problem: Problem, rota: RotaInput): RotaMetrics {
  const view = buildView(problem, rota);
  const hour = problem.slotMinutes / 60;
  let need = 0;
  let met = 0;
  let needTarget = 0;
  let metTarget = 0;
  let coverGap = 0;
  let leadGap = 0;
  let keyGap = 0;
  forEachSlot(problem, view, (_site, _slot, facts) => {
    if (facts.noLead) leadGap += hour;
    if (facts.noKeyholder) keyGap += hour;
    for (const { demand, counted } of facts.points) {
      need += demand.min;
      met += Math.min(counted, demand.min);
      needTarget += demand.target;
      metTarget += Math.min(counted, demand.target);
      coverGap += Math.max(0, demand.min - counted) * hour;
    }
  });
  let assigned = 0;
  let prefMet = 0;
  let prefViolated = 0;
  let shadowing = 0;
  const deviations: number[] = [];
  const evening: number[] = [];
  const weekend: number[] = [];
  for (const [id, person] of view.people) {
    let hours = 0;
    let eve = 0;
    let wkd = 0;
    for (const stint of view.stintsByPerson.get(id) ?? []) {
      for (const step of stepsOf(view, stint)) {
        const h = (step.end - step.start) / 3_600_000;
        hours += h;
        if (isEvening(problem, step.minute)) eve += h;
        if (step.day >= 5) wkd += h;
        const wish = preferenceAt(person, step.day, step.minute, problem.slotMinutes);
        if (wish > 0) prefMet += h;
        if (wish < 0) prefViolated += h;
        if (stint.shadowing) shadowing += h;
      }
    }
    assigned += hours;
    deviations.push(Math.abs(hours - person.hours.target));
    if (eve > 0) evening.push(eve);
    if (wkd > 0) weekend.push(wkd);
  }
  const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    minCoverPct: r(need ? (100 * met) / need : 100),
    targetCoverPct: r(needTarget ? (100 * metTarget) / needTarget : 100),
    gapHours: { cover: r(coverGap), supervision: r(leadGap), keyholder: r(keyGap) },
    assignedHours: r(assigned),
    meanHoursDeviation: r(deviations.length ? deviations.reduce((a, b) => a + b, 0) / deviations.length : 0),
    maxHoursDeviation: r(deviations.length ? Math.max(...deviations) : 0),
    eveningHoursSpread: r(spread(evening)),
    weekendHoursSpread: r(spread(weekend)),
    preferenceHoursMet: r(prefMet),
    preferenceHoursViolated: r(prefViolated),
    shadowingHours: r(shadowing),
    shifts: [...view.shiftsByPerson.values()].reduce((n, s) => n + s.length, 0),
  };
}
