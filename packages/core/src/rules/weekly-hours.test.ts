import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows } from "../../test/support/highs";
import {
  brokenRules,
  hardViolations,
  rota,
  staff,
  stint,
  tinyProblem,
  TUESDAY,
  twoMornings,
} from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann may work at most 3 h a week.
const problem = tinyProblem({ people: [staff("ann", { hours: { target: 3, max: 3 } }), staff("bob")] });

describe("weekly-hours", () => {
  it("reports a person over the weekly maximum, with the hours worked and the cap", () => {
    const report = check(problem, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["weekly-hours"]);
    expect(report.violations).toEqual([
      { rule: "weekly-hours", person: "ann", message: "ann works 4 h this week; the weekly maximum is 3 h" },
    ]);
  });

  it("takes the target as the cap when no max is given", () => {
    const capped = tinyProblem({ people: [staff("ann", { hours: { target: 2.5 } })] });
    expect(check(capped, rota([stint("ann", "desk", "09:00", "13:00")])).violations).toEqual([
      { rule: "weekly-hours", person: "ann", message: "ann works 4 h this week; the weekly maximum is 2.5 h" },
    ]);
  });

  it("accepts work up to the cap exactly", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "12:00"), stint("bob", "desk", "12:00", "13:00")])).byRule[
        "weekly-hours"
      ],
    ).toBe(0);
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("keeps the model's week within the cap even when every day's shift fits on its own", async () => {
    // Monday and Tuesday each need 4 h and only Ann (cap 5 h) can come: each day alone fits.
    const twoDays = tinyProblem({
      sites: [twoMornings()],
      people: [staff("ann", { hours: { target: 5, max: 5 } })],
    });
    const loose = await solveModel(twoDays, withoutRows("weekly-hours"));
    expect(hardViolations(twoDays, loose.rota).map((v) => v.rule)).toEqual(["weekly-hours"]);

    const { rota: solved } = await solveModel(twoDays);
    expect(hardViolations(twoDays, solved)).toEqual([]);
    const minutes = solved.assignments.reduce((sum, a) => sum + (Date.parse(a.end) - Date.parse(a.start)) / 60_000, 0);
    expect(minutes).toBe(5 * 60);
    expect(solved.assignments.some((a) => a.start.startsWith(TUESDAY))).toBe(true);
  });
});
