import { buildView } from "../../src/check/view";
import { compile, placementsOf } from "../../src/compile/instance";
import { buildModel } from "../../src/compile/model";
import type { Problem } from "../../src/model/problem";
import type { RotaInput } from "../../src/model/rota";
import { DEFAULT_WEIGHTS, type WeightName } from "../../src/model/weights";
import { GAP_RULES, RULES, SOFT_GOALS } from "../../src/rules";
import { pointsOf, type RuleModule } from "../../src/rules/rule";
import type { MilpBackend } from "../../src/solve/backends/backend";
import { loadPlacements } from "../../src/solve/load";
import { DAY_PRICES, type DayPrices } from "../../src/solve/search/day-prices";
import { dayOptions } from "../../src/solve/search/dp";
import { Objective } from "../../src/solve/search/objective";
import { SearchState } from "../../src/solve/search/state";

/** The weights each gap rule and soft goal charges by (every other weight is 0 while it is verified). */
export const WEIGHTS_OF: Record<string, readonly WeightName[]> = {
  cover: ["cover"],
  supervision: ["supervision"],
  keyholder: ["keyholder"],
  "cover-target": ["coverTarget"],
  "hours-fairness": ["hoursUnder", "hoursOver", "hoursBelowMin"],
  "unsocial-fairness": ["unsocial"],
  preferences: ["preferences"],
  rotation: ["rotation"],
  shadowing: ["shadowing", "mentor"],
  "shift-shape": ["shifts"],
  "steady-desks": ["pointChanges", "shortStints"],
};

/** The rules the verifier covers: every gap rule and soft goal but stability (a re-solve's own). */
export const VERIFIED_RULES: readonly RuleModule[] = [...GAP_RULES, ...SOFT_GOALS].filter((r) => r.id !== "stability");

const SAYS: Record<keyof Views, string> = {
  checker: "the checker says",
  search: "the search says",
  terms: "its search terms say",
  milp: "the milp says",
};

/** What one rule charges a rota, seen four ways. */
export interface Views {
  checker: number;
  /** the whole search objective (every other weight 0) */
  search: number;
  /** the rule's own search terms alone, summed over the same state */
  terms: number;
  milp: number;
}

/**
 * In the style of Timefold's ConstraintVerifier: `verifyRule(rule, highs).given(problem, rota)`
 * scores the rota by that rule alone (every other weight 0) four ways: the checker's `score`, a
 * search state loaded with the rota (its whole objective, and the rule's own `search` terms summed
 * over it), and the MILP with the rota's placements fixed (its slacks free); `penalizesBy(x)`
 * throws, naming the rule, unless all four are `x`.
 */
export function verifyRule(rule: RuleModule, backend: MilpBackend) {
  return {
    given(problem: Problem, rota: RotaInput) {
      const views = viewsOf(rule, backend, problem, rota);
      return {
        views,
        penalizesBy(expected: number, tolerance = 1e-6) {
          const off = (Object.entries(views) as [keyof Views, number][]).filter(
            ([, value]) => !(Math.abs(value - expected) <= tolerance * Math.max(1, Math.abs(expected))),
          );
          if (off.length > 0)
            throw new Error(
              `rule ${rule.id}: expected ${expected}, but ` +
                off.map(([view, value]) => `${SAYS[view]} ${value}`).join(", "),
            );
        },
        /** the four views agree, whatever the amount */
        agrees(tolerance = 1e-6) {
          this.penalizesBy(views.checker, tolerance);
        },
        /**
         * The day DP's view: each person's every date of the rota re-planned by the DP with everyone
         * else as they are; each plan it offers must change the rule's terms by the DP's price of it.
         * Throws, naming the rule and the first plans that do not.
         */
        pricesDaysAlike(prices: DayPrices = DAY_PRICES, tolerance = 1e-6) {
          const drifts = dayDrifts(rule, problem, rota, prices, tolerance);
          if (drifts.length > 0)
            throw new Error(
              `rule ${rule.id}: the day DP's price drifts from the rule's: ${drifts.slice(0, 3).join("; ")}`,
            );
        },
      };
    },
  };
}

/** The problem with every weight but the rule's at 0. */
function onlyRule(rule: RuleModule, given: Problem): Problem {
  const only = WEIGHTS_OF[rule.id];
  if (!only) throw new Error(`rule ${rule.id}: the verifier does not know its weights`);
  const weights = Object.fromEntries(
    (Object.keys(DEFAULT_WEIGHTS) as WeightName[]).map((name) => [
      name,
      only.includes(name) ? (given.weights?.[name] ?? DEFAULT_WEIGHTS[name]) : 0,
    ]),
  );
  return { ...given, weights };
}

/** "person on date, n slots: the DP says a, the terms change by b", for each plan the two disagree on. */
function dayDrifts(rule: RuleModule, given: Problem, rota: RotaInput, prices: DayPrices, tolerance: number): string[] {
  const inst = compile(onlyRule(rule, given));
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, rota.assignments));
  const drifts: string[] = [];
  for (let p = 0; p < inst.people.length; p++)
    for (let day = 0; day < inst.dates.length; day++) {
      const old = state.setDay(p, day, []);
      const before = state.objective;
      const hours = prices.hours(state, p);
      // The DP's best plan of each length, and the rota's own plan (every slot of it required).
      const free = dayOptions(state, p, day, new Map(), new Set([day]), undefined, prices);
      const own = new Map(old.map(({ slot, point }) => [slot, point]));
      const kept = dayOptions(state, p, day, own, new Set([day]), undefined, prices)[old.length];
      for (const [slots, option] of [...free.entries(), [old.length, kept] as const]) {
        if (!option) continue;
        const price = option.cost + hours(slots);
        state.setDay(p, day, option.plan);
        const change = state.objective - before;
        state.setDay(p, day, []);
        if (!(Math.abs(price - change) <= tolerance * Math.max(1, Math.abs(change))))
          drifts.push(
            `${inst.people[p]?.id} on ${inst.dates[day]}, ${slots} slots: ` +
              `the DP says ${price}, the terms change by ${change}`,
          );
      }
      state.setDay(p, day, old);
    }
  return drifts;
}

function viewsOf(rule: RuleModule, backend: MilpBackend, given: Problem, rota: RotaInput): Views {
  const problem = onlyRule(rule, given);
  const checker = pointsOf(rule.score?.(buildView(problem, rota)) ?? []);

  const inst = compile(problem);
  const at = placementsOf(inst, rota.assignments);
  const state = new SearchState(inst);
  loadPlacements(state, at);

  const ctx = buildModel(inst, RULES);
  const { milp } = ctx;
  // The rota's work variables at 1, every other one at 0: the MILP only chooses its slacks.
  ctx.workByPerson.forEach((own, p) => {
    for (const [g, list] of own)
      for (const w of list) {
        const value = at[p]?.[g] === w.point ? 1 : 0;
        milp.lower[w.variable] = value;
        milp.upper[w.variable] = value;
      }
  });
  let objective = milp.offset;
  if (milp.numCols > 0) {
    const result = backend.solve(milp, { relativeGap: 0 });
    if (result.status !== "optimal" || !result.x)
      throw new Error(`rule ${rule.id}: the MILP with the rota's placements fixed is ${result.status}`);
    objective = milp.objectiveOf(result.x);
  }
  const terms = new Objective(rule.search ? [rule.search] : []).total(state);
  return { checker, search: state.objective, terms, milp: objective };
}
