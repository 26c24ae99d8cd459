import { buildView, stepsOf } from "./check/view";
import { forEachSlot } from "./metrics";
import type { Problem } from "./model/problem";
import type { RotaInput } from "./model/rota";
import { preferenceAt } from "./rules/preferences";
import { isEvening } from "./rules/unsocial-fairness";

export type GapKind = "cover" | "supervision" | "keyholder" | "target";

/**
 * Where and whom a rota's headline figures come from, so that a trade-off can be said in people,
 * hours and places: gap hours by place ("Thu evening at Science"), and per person the distance
 * from their contracted hours and the hours of their wishes met.
 */
export interface TradeOffFacts {
  gaps: Record<GapKind, Map<string, number>>;
  deviation: Map<string, number>;
  wishesMet: Map<string, number>;
  names: Map<string, string>;
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const NIGHT_ENDS = 6 * 60;
const NOON = 12 * 60;

/** The part of the day a coordinator would name: night (before 06:00), morning, afternoon, evening. */
function partOf(problem: Problem, minute: number): string {
  if (minute < NIGHT_ENDS) return "night";
  if (minute < NOON) return "morning";
  return isEvening(problem, minute) ? "evening" : "afternoon";
}

/** The same gaps and hours as `metrics` counts them, broken down by place and person. */
export function tradeOffFacts(problem: Problem, rota: RotaInput): TradeOffFacts {
  const view = buildView(problem, rota);
  const hour = problem.slotMinutes / 60;
  const gaps: TradeOffFacts["gaps"] = {
    cover: new Map(),
    supervision: new Map(),
    keyholder: new Map(),
    target: new Map(),
  };
  const add = (kind: GapKind, place: string, hours: number) => {
    if (hours > 0) gaps[kind].set(place, (gaps[kind].get(place) ?? 0) + hours);
  };
  forEachSlot(problem, view, (site, slot, facts) => {
    const place = `${DAY_NAMES[slot.day]} ${partOf(problem, slot.minute)} at ${site.site.name}`;
    if (facts.noLead) add("supervision", place, hour);
    if (facts.noKeyholder) add("keyholder", place, hour);
    for (const { demand, counted } of facts.points) {
      add("cover", place, Math.max(0, demand.min - counted) * hour);
      add("target", place, Math.max(0, demand.target - counted) * hour);
    }
  });
  const deviation = new Map<string, number>();
  const wishesMet = new Map<string, number>();
  for (const [id, person] of view.people) {
    let hours = 0;
    let met = 0;
    for (const stint of view.stintsByPerson.get(id) ?? [])
      for (const step of stepsOf(view, stint)) {
        const h = (step.end - step.start) / 3_600_000;
        hours += h;
        if (preferenceAt(person, step.day, step.minute, problem.slotMinutes) > 0) met += h;
      }
    deviation.set(id, Math.abs(hours - person.hours.target));
    wishesMet.set(id, met);
  }
  return { gaps, deviation, wishesMet, names: new Map(problem.people.map((p) => [p.id, p.name])) };
}
