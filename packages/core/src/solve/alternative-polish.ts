import { check } from "../check";
import { placementsOf, type Instance } from "../compile/instance";
import type { Problem } from "../model/problem";
import type { Rota, RotaInput } from "../model/rota";
import { goalFigure, UNREPORTED } from "./alternative-exact";
import { loadPlacements } from "./load";
import { rotaOf, unchecked } from "./output";
import { gapLevelsOf } from "./search/gap-levels";
import { type DayPlan, SearchState } from "./search/state";

/**
 * An alternative with what its trade-off did not need taken back (docs/decisions.md, "Alternatives
 * take back what their goal does not need"): each group of person-days it plans differently from the
 * balanced rota goes back to the balanced plan together, where minimum cover, a lead, a keyholder
 * and the profile's goal stay no worse than the alternative's and the independent checker finds no
 * hard rule broken. Passes repeat while one takes something back, as a group refused at first may
 * fit once others have gone back. Undefined when nothing could be taken back.
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
  for (let pass = 0, took = 1; pass < PASSES && took > 0 && !stop(); pass++) {
    took = 0;
    for (const group of swapGroups(judge, state, reference)) {
      if (stop()) break;
      const journal = group.map(({ p, day }) => ({ p, day, old: state.dayPlan(p, day) }));
      // Cleared first: a balanced shift past midnight takes slots the alternative plans on the next date.
      for (const { p, day } of group) state.setDay(p, day, []);
      for (const { p, day } of group) state.setDay(p, day, reference.dayPlan(p, day));
      if (holds() && valid()) took++;
      else state.undo(journal);
    }
    taken += took;
  }
  if (taken === 0) return undefined;
  return rotaOf(state, { ...(alternative.solver ?? UNREPORTED), objective: round(state.objective) });
}

/** Passes over the groups at most: each after the first only retries what an earlier one refused. */
const PASSES = 3;

type PersonDay = { p: number; day: number };

/**
 * The person-days planned differently from the balanced rota, in groups that go back together:
 * people who changed places (their differences share a point and slot), as a swap of two people is
 * undone only by both going back, and one person's consecutive dates where a shift past midnight in
 * one plan runs into the other date's plan in the other.
 */
function swapGroups(judge: Instance, state: SearchState, reference: SearchState): PersonDay[][] {
  const changed: PersonDay[] = [];
  judge.dates.forEach((_, day) => {
    for (const { index: p } of judge.people)
      if (!samePlan(state.dayPlan(p, day), reference.dayPlan(p, day))) changed.push({ p, day });
  });
  const key = ({ p, day }: PersonDay) => `${p}:${day}`;
  const up = new Map(changed.map((d) => [key(d), key(d)]));
  const root = (k: string): string => {
    const parent = up.get(k) ?? k;
    return parent === k ? k : root(parent);
  };
  const join = (a: string, b: string) => {
    if (up.has(a) && up.has(b)) up.set(root(a), root(b));
  };
  const firstAt = new Map<string, string>();
  for (const d of changed) {
    for (const plan of [state.dayPlan(d.p, d.day), reference.dayPlan(d.p, d.day)])
      for (const { slot, point } of plan) {
        if (state.at[d.p]?.[slot] === reference.at[d.p]?.[slot]) continue;
        const at = `${point}@${slot}`;
        const other = firstAt.get(at);
        if (other === undefined) firstAt.set(at, key(d));
        else join(key(d), other);
      }
    for (const next of [d.day - 1, d.day + 1]) {
      const theirs = new Set(state.dayPlan(d.p, next).map((s) => s.slot));
      if (reference.dayPlan(d.p, d.day).some((s) => theirs.has(s.slot))) join(key(d), key({ p: d.p, day: next }));
    }
  }
  const groups = new Map<string, PersonDay[]>();
  for (const d of changed) groups.set(root(key(d)), [...(groups.get(root(key(d))) ?? []), d]);
  return [...groups.values()];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function samePlan(a: DayPlan, b: DayPlan): boolean {
  return a.length === b.length && a.every((s, i) => s.slot === b[i]?.slot && s.point === b[i]?.point);
}
