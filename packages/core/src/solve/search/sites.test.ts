import { describe, expect, it } from "vitest";
import { site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile } from "../../compile/instance";
import { random } from "./random";
import { SearchState } from "./state";
import { hasTwoSiteStaff, sitePair } from "./sites";

// Monday 09:00–13:00 at two sites, one desk each. Ann works only at main and is below her target,
// Bob works at both, Cat only at the annex (at her target).
const problem = tinyProblem({
  sites: [site("main"), site("annex")],
  people: [staff("ann"), staff("bob", { sites: ["main", "annex"] }), staff("cat", { sites: ["annex"] })],
});

/** Bob at one site's desk all morning, Cat at the annex's. */
const start = (bobAt: number) => {
  const state = new SearchState(compile(problem));
  const desk = (s: number) => {
    const point = state.inst.sites[s]?.points[0] as number;
    return (state.inst.sites[s]?.slotsByDay[0] ?? []).map((slot) => ({ slot, point }));
  };
  state.setDay(1, 0, desk(bobAt));
  state.setDay(2, 0, desk(1));
  return state;
};

describe("two-site moves (hours for someone below target)", () => {
  it("pairs Ann with Bob when Bob works at her site", () => {
    const state = start(0);
    expect(hasTwoSiteStaff(state)).toBe(true);
    const pairs = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sitePair(state, random(seed)));
    // Ann is the only one below target; a seed whose draws all miss her gives no pair.
    expect(pairs.filter((pair) => pair !== undefined).length).toBeGreaterThan(0);
    for (const pair of pairs) if (pair) expect(pair).toEqual([0, 1]);
  });

  it("gives no pair while Bob works only where Ann cannot", () => {
    const state = start(1);
    for (let seed = 1; seed <= 8; seed++) expect(sitePair(state, random(seed))).toBeUndefined();
  });

  it("has no two-site staff where everyone works at one site", () => {
    const state = new SearchState(compile(tinyProblem({ people: [staff("ann"), staff("bob")] })));
    expect(hasTwoSiteStaff(state)).toBe(false);
  });
});
