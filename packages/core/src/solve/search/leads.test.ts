import { describe, expect, it } from "vitest";
import { site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile } from "../../compile/instance";
import { hasSharedLeads, leadHandover } from "./leads";
import { random } from "./random";
import { SearchState } from "./state";

// Monday 09:00–13:00, one desk. Ann (a lead, target 0) holds it all morning; Bob (a lead) and Cy (no
// lead) have nothing; Dee (a lead) works only at the annex.
const problem = (bob: Record<string, unknown>) =>
  tinyProblem({
    sites: [site("main"), site("annex")],
    people: [
      staff("ann", { hours: { target: 0, max: 20 } }),
      staff("bob", bob),
      staff("cy", { qualifications: [] }),
      staff("dee", { sites: ["annex"] }),
    ],
  });

const start = (bob: Record<string, unknown> = {}) => {
  const state = new SearchState(compile(problem(bob)));
  const point = state.inst.sites[0]?.points[0] as number;
  state.setDay(
    0,
    0,
    (state.inst.sites[0]?.slotsByDay[0] ?? []).map((slot) => ({ slot, point })),
  );
  return state;
};

describe("lead hand-over moves", () => {
  it("take the day of the lead above target, with a lead of that site who could take a sole-lead slot first", () => {
    const state = start();
    expect(hasSharedLeads(state)).toBe(true);
    const moves = [1, 2, 3, 4, 5, 6].map((seed) => leadHandover(state, random(seed), 4));
    expect(moves.some((m) => m !== undefined)).toBe(true);
    for (const move of moves) {
      if (!move) continue;
      // Ann's Monday first; Bob the one filler; Cy may join as someone working there (she does not).
      expect(move.picked[0]).toEqual([0, 0]);
      expect(move.fillers).toBe(1);
      expect(move.picked[1]).toEqual([1, 0]);
      expect(state.at[0]?.[move.slot]).toBeGreaterThanOrEqual(0);
      expect(state.leads[move.slot]).toBe(1);
    }
  });

  it("offer nothing where no other lead of the site could be there", () => {
    const state = start({ availability: { tue: [["09:00", "13:00"]] } });
    for (let seed = 1; seed <= 6; seed++) expect(leadHandover(state, random(seed), 4)).toBeUndefined();
  });

  it("are not made where no site has two leads", () => {
    const state = new SearchState(
      compile(tinyProblem({ people: [staff("ann"), staff("cy", { qualifications: [] })] })),
    );
    expect(hasSharedLeads(state)).toBe(false);
  });
});
