import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile } from "../../compile/instance";
import { search } from "./search";
import { START_SWEEPS, startShare } from "./start";
import { SearchState } from "./state";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];
const open = Object.fromEntries(WEEKDAYS.map((d) => [d, [["09:00", "17:00"]]]));
// One desk, 40 hours a week, and two people with a target of 20 hours each who may work all 40.
const problem = tinyProblem({
  sites: [
    site("main", {
      open,
      servicePoints: [point("desk", "helpdesk", [band(WEEKDAYS, "09:00", "17:00", 1)])],
    }),
  ],
  people: ["ann", "bob"].map((id) => staff(id, { hours: { target: 20, max: 40, maxPerDay: 8 } })),
});

const hours = (state: SearchState, p: number) => ((state.worked[p] as number) * state.inst.slotMinutes) / 60;

describe("the capped construction", () => {
  it("lets each person work half their target in the first sweep, all of it in the second, then no cap", () => {
    const inst = compile(problem);
    expect([0, 1, 2].map((sweep) => startShare(inst, 0, sweep))).toEqual([20, 40, Infinity]);
    expect(START_SWEEPS).toBe(2);
  });

  it("never caps a week below one shortest shift", () => {
    const inst = compile(tinyProblem({ people: [staff("ann", { hours: { target: 1, max: 20 } })] }));
    expect(startShare(inst, 0, 0)).toBe(inst.people[0]?.minShiftSlots);
  });

  it("shares the desk's hours between the two: the first planned does not take all 40", () => {
    const state = new SearchState(compile(problem));
    // Eight moves: the first sweep (Ann takes all 40 h), then the construction again with two capped
    // sweeps and one without; no move of the search after them.
    search(state, new Map(), { moves: 8 });
    expect([hours(state, 0), hours(state, 1)]).toEqual([20, 20]);
  });
});
