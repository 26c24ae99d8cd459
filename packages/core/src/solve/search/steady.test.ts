import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile } from "../../compile/instance";
import { random } from "./random";
import { SearchState } from "./state";
import { shortStintIn, shortStintNeighbourhood } from "./steady";

// Monday 09:00–13:00 with a desk and roving; Ann, Bob and Cat at the main site, Dan at another.
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({
  sites: [
    site("main", {
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
        point("roving", "roving", [band(["mon"], "09:00", "13:00", 1)]),
      ],
    }),
    site("annex"),
  ],
  people: [staff("ann", both), staff("bob", both), staff("cat", both), staff("dan", { sites: ["annex"] })],
});

/** The first of a site's Monday slots, one point each. */
const plan = (state: SearchState, site: number, points: number[]) => {
  const slots = state.inst.sites[site]?.slotsByDay[0] ?? [];
  return points.map((point, i) => ({ slot: slots[i] as number, point }));
};

describe("stints under an hour (the steady-desk moves' seeds)", () => {
  const start = () => {
    const state = new SearchState(compile(problem));
    const [desk, roving] = state.inst.sites[0]?.points ?? [];
    // Ann: desk 09:00–11:00, roving 11:00–11:30, desk 11:30–13:00. Bob: roving 09:00–11:00.
    state.setDay(
      0,
      0,
      plan(
        state,
        0,
        [0, 0, 0, 0, 1, 0, 0, 0].map((i) => (i ? roving : desk) as number),
      ),
    );
    state.setDay(1, 0, plan(state, 0, [roving, roving, roving, roving] as number[]));
    const annexDesk = state.inst.sites[1]?.points[0] as number;
    state.setDay(3, 0, plan(state, 1, [annexDesk, annexDesk, annexDesk, annexDesk]));
    return state;
  };

  it("finds the half hour Ann spends roving, and nothing in Bob's two hours at one point", () => {
    const state = start();
    const stint = shortStintIn(state, 0, state.shifts[0]?.[0] ?? []);
    expect(stint && [stint.first, stint.last]).toEqual([4, 4].map((i) => state.inst.sites[0]?.slotsByDay[0]?.[i]));
    expect(shortStintIn(state, 1, state.shifts[1]?.[0] ?? [])).toBeUndefined();
  });

  it("re-plans the short stint's day with colleagues at its site near it, not those elsewhere or off", () => {
    const state = start();
    for (let seed = 1; seed <= 10; seed++) {
      const picked = shortStintNeighbourhood(state, random(seed), 8);
      expect(picked).toEqual([
        [0, 0],
        [1, 0],
      ]);
    }
  });
});
