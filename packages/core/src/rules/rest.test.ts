import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows } from "../../test/support/highs";
import {
  at,
  band,
  brokenRules,
  hardViolations,
  point,
  rota,
  site,
  staff,
  stint,
  tinyProblem,
  TUESDAY,
} from "../../test/support/tiny";

// The help desk needs one person Monday 18:00–22:00 and Tuesday 07:00–09:00.
const lateThenEarly = site("main", {
  open: { mon: [["18:00", "22:00"]], tue: [["07:00", "09:00"]] },
  servicePoints: [point("desk", "helpdesk", [band(["mon"], "18:00", "22:00", 1), band(["tue"], "07:00", "09:00", 1)])],
});
const problem = tinyProblem({ sites: [lateThenEarly], people: [staff("ann"), staff("bob")] });

describe("rest", () => {
  it("reports too short a rest between one date's last shift and the next date's first", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "18:00", "22:00"), stint("ann", "desk", "07:00", "09:00", TUESDAY)]),
    );
    expect(brokenRules(report)).toEqual(["rest"]);
    expect(report.violations).toEqual([
      {
        rule: "rest",
        person: "ann",
        start: at("22:00"),
        end: at("07:00", TUESDAY),
        message:
          `ann finishes at ${at("22:00")} and starts again at ${at("07:00", TUESDAY)}: 9 h of rest, at least ` +
          `11 h needed`,
      },
    ]);
  });

  it("uses the problem's own minimum rest", () => {
    const shortRest = tinyProblem({ sites: [lateThenEarly], people: [staff("ann")], rules: { minRestMinutes: 540 } });
    expect(
      check(shortRest, rota([stint("ann", "desk", "18:00", "22:00"), stint("ann", "desk", "07:00", "09:00", TUESDAY)]))
        .valid,
    ).toBe(true);
  });

  it("accepts the same cover by two people", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "18:00", "22:00"), stint("bob", "desk", "07:00", "09:00", TUESDAY)]))
        .valid,
    ).toBe(true);
  });

  it("keeps the model from giving one person a late then an early shift", async () => {
    const alone = tinyProblem({ sites: [lateThenEarly], people: [staff("ann")] });
    const loose = await solveModel(alone, withoutRows("rest"));
    expect(hardViolations(alone, loose.rota).map((v) => v.rule)).toEqual(["rest"]);

    // The best she can do rests exactly the 11 h: Monday 18:00–20:00, then Tuesday 07:00–09:00.
    const { rota: solved } = await solveModel(alone);
    expect(hardViolations(alone, solved)).toEqual([]);
    expect(solved.assignments.map((a) => [a.start, a.end])).toEqual([
      [at("18:00"), at("20:00")],
      [at("07:00", TUESDAY), at("09:00", TUESDAY)],
    ]);
  });
});
