import { describe, expect, it, vi } from "vitest";
import { band, point, site, staff, tinyProblem, twoMornings } from "../../../test/support/tiny";
import { check, scoreRota } from "../../check";
import { compile } from "../../compile/instance";
import { solve } from "../solve";
import { hoursPair, neediest } from "./hours-pair";
import { random } from "./random";
import { SearchState } from "./state";

/** The pairs the search was given, to show that a search below took them. */
const given = vi.hoisted(() => ({ pairs: 0 }));
vi.mock("./hours-pair", async (original) => {
  const actual = await original<typeof import("./hours-pair")>();
  return {
    ...actual,
    hoursPair: (...args: Parameters<typeof actual.hoursPair>) => {
      const pair = actual.hoursPair(...args);
      if (pair) given.pairs++;
      return pair;
    },
  };
});

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

// The desk is open Monday and Tuesday mornings (4 hours each), the annex's on Monday morning.
// Ann's and Bob's targets are 4 hours, Cat's (at the annex only) 2 hours.
const problem = tinyProblem({
  sites: [twoMornings(), site("annex")],
  people: [staff("ann"), staff("bob"), staff("cat", { sites: ["annex"], hours: { target: 2, max: 20 } })],
});

/** Who works which morning at the main desk (0: Monday, 1: Tuesday), Cat every annex morning. */
const start = (mornings: [person: number, day: number][], of = problem) => {
  const state = new SearchState(compile(of));
  const desk = (s: number, day: number) => {
    const point = state.inst.sites[s]?.points[0] as number;
    return (state.inst.sites[s]?.slotsByDay[day] ?? []).map((slot) => ({ slot, point }));
  };
  for (const [p, day] of mornings) state.setDay(p, day, desk(0, day));
  state.setDay(2, 0, desk(1, 0));
  return state;
};

describe("hours pairs (a week for someone far below target, from a colleague who can spare it)", () => {
  it("pairs Ann, with no hours, with Bob, 4 hours over his target at her site", () => {
    const state = start([
      [1, 0],
      [1, 1],
    ]);
    const pairs = SEEDS.map((seed) => hoursPair(state, random(seed)));
    // Ann is the only one below target; a seed whose draws all miss her gives no pair.
    expect(pairs.filter((pair) => pair !== undefined).length).toBeGreaterThan(0);
    for (const pair of pairs) if (pair) expect(pair).toEqual([0, 1]);
  });

  it("gives no pair where the only colleague at her site would lose more than she gains", () => {
    // Targets of 8 hours: Ann and Bob each work one morning, 4 hours below; a slot from Bob would
    // take him as far below as it brings Ann up, where the penalty is at least as steep.
    const even = start(
      [
        [0, 0],
        [1, 1],
      ],
      {
        ...problem,
        people: problem.people.map((person) =>
          person.id === "cat" ? person : { ...person, hours: { ...person.hours, target: 8 } },
        ),
      },
    );
    expect(SEEDS.some((seed) => [0, 1].includes(neediest(even, random(seed)).p))).toBe(true);
    for (const seed of SEEDS) expect(hoursPair(even, random(seed))).toBeUndefined();
  });

  it("never pairs across sites nobody shares: Cat's 2 hours over at the annex are not Ann's to take", () => {
    const state = start([]);
    for (const seed of SEEDS) expect(hoursPair(state, random(seed))).toBeUndefined();
  });
});

describe("a search with hours pairs", () => {
  // 120 people with targets of 8 hours (960 in all) and a desk open every morning for at most 30
  // (840 hours): the hours against targets are most of the objective, so the pairs run.
  const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const crowded = tinyProblem({
    sites: [
      site("main", {
        open: Object.fromEntries(week.map((day) => [day, [["09:00", "13:00"]]])),
        servicePoints: [point("desk", "helpdesk", [band(week, "09:00", "13:00", 1, { max: 30 })])],
      }),
    ],
    people: Array.from({ length: 120 }, (_, i) =>
      staff(`p${String(i).padStart(3, "0")}`, { hours: { target: 8, max: 20 } }),
    ),
  });

  it("keeps every rota valid and its objective the checker's score", () => {
    const rota = solve(crowded, { seed: 3, workBudget: 3000 });
    expect(given.pairs).toBeGreaterThan(100);
    expect(check(crowded, rota).violations).toEqual([]);
    expect(rota.solver?.objective).toBeCloseTo(scoreRota(crowded, rota).soft, 3);
  });
});
