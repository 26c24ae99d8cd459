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

// The help desk needs one person Monday 09:00–13:00; roving may take one (min 0, target 1).
// Ann and Bob are independent on both; Zed is still shadowing on roving; Cat is untrained there.
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)], { name: "Help Desk" }),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })], { name: "Roving" }),
  ],
});
const problem = tinyProblem({
  sites: [main],
  people: [
    staff("ann", { training: { helpdesk: "independent", roving: "independent" } }),
    staff("bob", { training: { helpdesk: "independent", roving: "independent" } }),
    staff("zed", { training: { helpdesk: "independent", roving: "shadowing" }, qualifications: [] }),
    staff("cat", { training: { helpdesk: "independent" } }),
  ],
});
const shadowing = { shadowing: true };

describe("training", () => {
  it("reports a person at a point they are not trained for", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "13:00"), stint("cat", "roving", "09:00", "11:00")]),
    );
    expect(brokenRules(report)).toEqual(["training"]);
    expect(report.violations).toEqual([
      {
        rule: "training",
        person: "cat",
        point: "roving",
        start: at("09:00"),
        end: at("11:00"),
        message: `cat is not trained for Roving (${at("09:00")})`,
      },
    ]);
  });

  it("reports a shadowing person who is not marked as shadowing", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("bob", "roving", "09:00", "11:00"),
        stint("zed", "roving", "09:00", "11:00"),
      ]),
    );
    expect(brokenRules(report)).toEqual(["training"]);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "training",
        person: "zed",
        point: "roving",
        message: `zed is only shadowing on Roving but is not marked as shadowing (${at("09:00")})`,
      }),
    ]);
  });

  it("reports every slot a shadowing person spends without an independent colleague at the point", () => {
    // Bob leaves roving at 11:00; Zed stays until 12:00.
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("bob", "roving", "09:00", "11:00"),
        stint("zed", "roving", "09:00", "12:00", undefined, shadowing),
      ]),
    );
    expect(brokenRules(report)).toEqual(["training"]);
    expect(report.violations).toEqual(
      ["11:00", "11:30"].map((time, i) => ({
        rule: "training",
        person: "zed",
        point: "roving",
        start: at(time),
        end: at(["11:30", "12:00"][i] as string),
        message: `zed is shadowing on Roving with no independent colleague there (${at(time)})`,
      })),
    );
  });

  it("does not accept a colleague at another point as the independent colleague", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "13:00"), stint("zed", "roving", "09:00", "11:00", undefined, shadowing)]),
    );
    expect(report.byRule.training).toBe(4);
  });

  it("accepts shadowing beside an independent colleague", () => {
    expect(
      check(
        problem,
        rota([
          stint("ann", "desk", "09:00", "13:00"),
          stint("bob", "roving", "09:00", "11:00"),
          stint("zed", "roving", "09:00", "11:00", undefined, shadowing),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("keeps the model's shadowing beside an independent colleague, and never places the untrained", async () => {
    // Ann can rove only 09:00–11:00; Zed wants his hours (target 4) and is rewarded for shadowing.
    const small = tinyProblem({
      sites: [site("main", { servicePoints: [point("roving", "roving", [band(["mon"], "09:00", "13:00", 1)])] })],
      people: [
        staff("ann", { training: { roving: "independent" }, availability: { mon: [["09:00", "11:00"]] } }),
        staff("zed", { training: { roving: "shadowing" }, hours: { target: 4, max: 4 } }),
        staff("cat", { training: {}, hours: { target: 4, max: 4 } }),
      ],
    });
    const loose = await solveModel(small, withoutRows("training"));
    expect(hardViolations(small, loose.rota).map((v) => v.message)).toContain(
      `zed is shadowing on roving with no independent colleague there (${at("11:00")})`,
    );

    const { rota: solved } = await solveModel(small);
    expect(hardViolations(small, solved)).toEqual([]);
    expect(solved.assignments.filter((a) => a.person === "zed")).toEqual([
      expect.objectContaining({ start: at("09:00"), end: at("11:00"), shadowing: true }),
    ]);
    expect(solved.assignments.some((a) => a.person === "cat")).toBe(false);
  });
});
