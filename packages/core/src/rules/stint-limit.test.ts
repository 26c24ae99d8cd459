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
} from "../../test/support/tiny";

// The help desk needs one person and roving may take one, Monday 09:00–13:00; roving stints are
// limited to 2 h.
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { target: 2 })]),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })], { maxStintMinutes: 120 }),
  ],
});
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({ sites: [main], people: [staff("ann", both), staff("bob", both)] });

describe("stint-limit", () => {
  it("reports a stint longer than the point's limit", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "roving", "09:00", "12:00")]),
    );
    expect(brokenRules(report)).toEqual(["stint-limit"]);
    expect(report.violations).toEqual([
      {
        rule: "stint-limit",
        person: "bob",
        point: "roving",
        start: at("09:00"),
        end: at("12:00"),
        message: `bob would be on roving for 3 h from ${at("09:00")}; the limit is 2 h`,
      },
    ]);
  });

  it("joins back-to-back assignments at one point into one stint", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("bob", "roving", "09:00", "10:30"),
        stint("bob", "roving", "10:30", "12:00"),
      ]),
    );
    expect(report.violations).toEqual([
      expect.objectContaining({ rule: "stint-limit", person: "bob", start: at("09:00"), end: at("12:00") }),
    ]);
  });

  it("accepts a move to another point at the limit, and points without a limit", () => {
    expect(
      check(
        problem,
        rota([
          stint("ann", "desk", "09:00", "13:00"),
          stint("bob", "roving", "09:00", "11:00"),
          stint("bob", "desk", "11:00", "12:00"),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("keeps the model's stints within the limit", async () => {
    // Ann alone must rove 09:00–13:00 (min 1): without the rows one 4-hour stint would do.
    const roving = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [point("roving", "roving", [band(["mon"], "09:00", "13:00", 1)], { maxStintMinutes: 120 })],
        }),
      ],
      people: [staff("ann", { training: { roving: "independent" } })],
    });
    const loose = await solveModel(roving, withoutRows("stint-limit"));
    expect(hardViolations(roving, loose.rota).map((v) => v.rule)).toEqual(["stint-limit"]);

    const { rota: solved } = await solveModel(roving);
    expect(hardViolations(roving, solved)).toEqual([]);
    expect(solved.assignments).toEqual([expect.objectContaining({ person: "ann", point: "roving" })]);
  });
});
