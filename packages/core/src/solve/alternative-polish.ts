import { check } from "../check";
import { placementsOf, type Instance } from "../compile/instance";
import type { Problem } from "../model/problem";
import type { Rota, RotaInput } from "../model/rota";
import { goalFigure } from "./alternative-exact";
import { loadPlacements } from "./load";
import { rotaOf, unchecked } from "./output";
import { gapLevelsOf } from "./repair-options";
import { type DayPlan, SearchState } from "./search/state";

/**
 * An alternative with what its trade-off did not need taken back (docs/decisions.md, "Alternatives
 * take back what their goal does not need"): each person-day it plans differently from the balanced
 * rota goes back to the balanced plan, together with those it changed places with that day, where
 * minimum cover, a lead, a keyholder and the profile's goal stay no worse than the alternative's and
 * the independent checker finds no hard rule broken. Undefined when nothing could be taken back.
 */
export function takeBack(
  problem: Problem,
  judge: Instance,
  balanced: RotaInput,
  alternative: RotaInput & Pick<Rota, "solver">,
  profile: string,
  stop: () => boolean,
): Rota | undefined {
  const state = new SearchState(judge);
  loadPlacements(state, placementsOf(judge, alternative.assignments));
  const reference = new SearchState(judge);
  loadPlacements(reference, placementsOf(judge, balanced.assignments));
  const levels = gapLevelsOf(state);
  const goal = goalFigure(judge, profile, state.at);
  if (goal === undefined) return undefined;
  const holds = () => {
    const now = gapLevelsOf(state);
    return (
      now.cover <= levels.cover &&
      now.lead <= levels.lead &&
      now.keyholder <= levels.keyholder &&
      (goalFigure(judge, profile, state.at) ?? Infinity) <= goal + 1e-9
    );
  };
  const valid = () => check(problem, unchecked(state)).valid;
  let taken = 0;
  judge.dates.forEach((_, day) => {
    for (const group of swapsOn(judge, state, reference, day)) {
      if (stop()) return;
      // A balanced shift past midnight may run into what the alternative plans the next date.
      const free = (p: number) => {
        const own = new Set(state.dayPlan(p, day).map((s) => s.slot));
        return reference.dayPlan(p, day).every(({ slot }) => own.has(slot) || (state.at[p]?.[slot] ?? -1) < 0);
      };
      if (!group.every(free)) continue;
      const old = group.map((p) => state.setDay(p, day, reference.dayPlan(p, day)));
      if (holds() && valid()) taken++;
      else
        group.forEach((p, i) => {
          state.setDay(p, day, old[i] as DayPlan);
        });
    }
  });
  if (taken === 0) return undefined;
  return rotaOf(state, { ...(alternative.solver ?? defaultReport), objective: round(state.objective) });
}

/**
 * The people whose plans on a day differ from the balanced rota's, in groups that changed places
 * with each other (their differences share a point and slot): a group goes back together, as a
 * swap of two people is undone only by both going back.
 */
function swapsOn(judge: Instance, state: SearchState, reference: SearchState, day: number): number[][] {
  const changed = judge.people
    .map((person) => person.index)
    .filter((p) => !samePlan(state.dayPlan(p, day), reference.dayPlan(p, day)));
  const groupOf = new Map(changed.map((p) => [p, p]));
  const root = (p: number): number => {
    const up = groupOf.get(p) as number;
    return up === p ? p : root(up);
  };
  const firstAt = new Map<string, number>();
  for (const p of changed) {
    for (const plan of [state.dayPlan(p, day), reference.dayPlan(p, day)])
      for (const { slot, point } of plan) {
        if (state.at[p]?.[slot] === reference.at[p]?.[slot]) continue;
        const key = `${point}@${slot}`;
        const other = firstAt.get(key);
        if (other === undefined) firstAt.set(key, p);
        else groupOf.set(root(p), root(other));
      }
  }
  const groups = new Map<number, number[]>();
  for (const p of changed) groups.set(root(p), [...(groups.get(root(p)) ?? []), p]);
  return [...groups.values()];
}

const defaultReport = {
  status: "feasible" as const,
  backend: "search",
  timeMs: 0,
  objective: 0,
  bestBound: null,
  gap: null,
  iterations: 0,
};

const round = (x: number) => Math.round(x * 1000) / 1000;

function samePlan(a: DayPlan, b: DayPlan): boolean {
  return a.length === b.length && a.every((s, i) => s.slot === b[i]?.slot && s.point === b[i]?.point);
}
