import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel } from "../../test/support/highs";
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
} from "../../test/support/tiny";

// The site is open Monday 09:00–13:00, but the help desk's only band runs 09:00–11:00; roving
// may take one person all morning.
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "11:00", 1)]),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
  ],
});
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({ sites: [main], people: [staff("ann", both)] });

describe("point-open", () => {
  it("reports work at a point outside its cover bands (no band: the point is closed)", () => {
    const report = check(problem, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["point-open"]);
    expect(report.violations).toEqual([
      {
        rule: "point-open",
        person: "ann",
        point: "desk",
        start: at("11:00"),
        end: at("13:00"),
        message: `ann is on desk at ${at("11:00")} but no cover band opens the point then`,
      },
    ]);
  });

  it("reports work while the site is closed", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "11:00"), stint("ann", "roving", "11:00", "14:00")]),
    );
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "point-open",
        point: "roving",
        start: at("13:00"),
        message:
          `ann is on roving at ${at("13:00")} but the site is not open then (or the time is off its 30-minute ` +
          `slots)`,
      }),
    ]);
  });

  it("reports a stint off the slot grid, and one that ends before it starts", () => {
    const offGrid = check(problem, rota([stint("ann", "desk", "09:10", "11:10")]));
    expect(offGrid.violations).toContainEqual(
      expect.objectContaining({
        rule: "point-open",
        start: at("09:10"),
        message: expect.stringContaining("off its 30-minute slots"),
      }),
    );
    const backwards = check(problem, rota([stint("ann", "desk", "11:00", "09:00")]));
    expect(backwards.violations).toContainEqual(
      expect.objectContaining({
        rule: "point-open",
        message: `ann is on desk at ${at("11:00")} but ends before it starts`,
      }),
    );
  });

  it("accepts work inside the bands", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("ann", "roving", "11:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("never gives the model a variable at a closed point", async () => {
    // Ann wants 4 h (target) but only roving is open after 11:00: the model never puts her on the desk then.
    const { rota: solved } = await solveModel(problem);
    expect(hardViolations(problem, solved)).toEqual([]);
    expect(solved.assignments.filter((a) => a.point === "desk" && a.end > at("11:00"))).toEqual([]);
  });
});
