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

// The help desk needs one person Monday 09:00–13:00; the default minimum shift is 2 h.
const problem = tinyProblem({ people: [staff("ann"), staff("bob")] });

describe("min-shift-length", () => {
  it("reports a shift shorter than the minimum", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "10:00"), stint("bob", "desk", "10:00", "13:00")]),
    );
    expect(brokenRules(report)).toEqual(["min-shift-length"]);
    expect(report.violations).toEqual([
      {
        rule: "min-shift-length",
        person: "ann",
        start: at("09:00"),
        end: at("10:00"),
        message: `ann's shift from ${at("09:00")} lasts 1 h; the minimum is 2 h`,
      },
    ]);
  });

  it("measures the whole shift, across points", () => {
    const two = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
            point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
          ],
        }),
      ],
      people: [staff("ann", { training: { helpdesk: "independent", roving: "independent" } })],
    });
    expect(
      check(two, rota([stint("ann", "desk", "09:00", "10:00"), stint("ann", "roving", "10:00", "11:00")])).byRule[
        "min-shift-length"
      ],
    ).toBe(0);
  });

  it("uses the person's own minimum", () => {
    const brief = tinyProblem({ people: [staff("ann", { shifts: { minMinutes: 60 } }), staff("bob")] });
    expect(
      check(brief, rota([stint("ann", "desk", "09:00", "10:00"), stint("bob", "desk", "10:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("accepts shifts of at least the minimum", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("never offers the model a shift shorter than the minimum: a 1-hour opening stays a gap", async () => {
    const hour = tinyProblem({ sites: [site("main", { open: { mon: [["09:00", "10:00"]] } })] });
    const { rota: solved, ctx } = await solveModel(hour);
    expect(ctx.columns).toEqual([]);
    expect(solved.assignments).toEqual([]);
    expect(hardViolations(hour, solved)).toEqual([]);
  });
});
