import { describe, expect, it } from "vitest";
import { repairState } from "../../test/support/repair";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";
import { compile } from "../compile/instance";
import { loadPlacements } from "./load";
import { takeBack } from "./repair-chain";
import { changesFrom } from "./repair-exact";
import { gapLevelsOf } from "./search/gap-levels";
import { SearchState } from "./search/state";

// Monday 09:00–13:00: a desk that needs one person and takes two; Ann alone is published there.
const problem = tinyProblem({
  sites: [
    site("main", {
      servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { target: 2, max: 2 })])],
    }),
  ],
  people: [staff("ann"), staff("bob")],
});
const published = rota([stint("ann", "desk", "09:00", "13:00")]);
const SUNDAY = Date.parse("2026-11-22T12:00:00Z");

/** A repair that also put Bob beside Ann: 8 person-slots changed that close no gap. */
function repairedWithBob(): SearchState {
  const withBob = rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "desk", "09:00", "13:00")]);
  return repairState(problem, published.assignments, withBob.assignments, SUNDAY);
}

describe("takeBack", () => {
  it("takes back a change the gap levels do not need", () => {
    const repaired = repairedWithBob();
    expect(changesFrom(repaired.inst, repaired.at)).toBe(8);
    const back = takeBack(repaired);
    expect(back && changesFrom(back.inst, back.at)).toBe(0);
    expect(back && gapLevelsOf(back)).toEqual(gapLevelsOf(repaired));
  });

  it("gives nothing back where nothing changed", () => {
    const inst = compile(problem, { reference: { assignments: published.assignments, now: SUNDAY } });
    const state = new SearchState(inst);
    loadPlacements(state, inst.reference?.at ?? []);
    expect(takeBack(state)).toBeUndefined();
  });
});
