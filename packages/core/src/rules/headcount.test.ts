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

// The help desk needs one person Monday 09:00–13:00 (no target: its max is 1).
const problem = tinyProblem({
  people: [staff("ann"), staff("bob"), staff("zed", { training: { helpdesk: "shadowing" }, qualifications: [] })],
});

describe("headcount", () => {
  it("reports every slot where more people are counted at a point than the band's max", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "desk", "11:00", "13:00")]),
    );
    expect(brokenRules(report)).toEqual(["headcount"]);
    expect(report.violations).toEqual(
      ["11:00", "11:30", "12:00", "12:30"].map((time, i) => ({
        rule: "headcount",
        point: "desk",
        start: at(time),
        end: at(["11:30", "12:00", "12:30", "13:00"][i] as string),
        message: `2 people are counted on desk at ${at(time)}; the band allows 1`,
      })),
    );
  });

  it("takes the larger max where bands overlap, and the target as the max by default", () => {
    const busy = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [
            point("desk", "helpdesk", [
              band(["mon"], "09:00", "13:00", 1),
              band(["mon"], "11:00", "13:00", 1, { target: 2 }),
            ]),
          ],
        }),
      ],
      people: [staff("ann"), staff("bob"), staff("cat")],
    });
    expect(
      check(busy, rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "desk", "11:00", "13:00")])).valid,
    ).toBe(true);
    const three = check(
      busy,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("bob", "desk", "11:00", "13:00"),
        stint("cat", "desk", "11:00", "13:00"),
      ]),
    );
    expect(three.violations).toContainEqual(
      expect.objectContaining({
        rule: "headcount",
        start: at("11:00"),
        message: `3 people are counted on desk at ${at("11:00")}; the band allows 2`,
      }),
    );
  });

  it("lets a band with a max of 0 take nobody, in words that fit one person", () => {
    const closedToAll = tinyProblem({
      sites: [site("main", { servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 0)])] })],
      people: [staff("ann")],
    });
    const report = check(closedToAll, rota([stint("ann", "desk", "09:00", "11:00")]));
    expect(report.violations.filter((v) => v.rule === "headcount")[0]?.message).toBe(
      `1 person is counted on desk at ${at("09:00")}; the band allows 0`,
    );
  });

  it("does not count a shadowing person", () => {
    expect(
      check(
        problem,
        rota([
          stint("ann", "desk", "09:00", "13:00"),
          stint("zed", "desk", "09:00", "13:00", undefined, { shadowing: true }),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("keeps the model from parking a second person at a full desk to make up their hours", async () => {
    // Both want 4 h, but the desk takes one at a time.
    const loose = await solveModel(problem, withoutRows("headcount"));
    expect(hardViolations(problem, loose.rota).map((v) => v.rule)).toContain("headcount");

    const { rota: solved } = await solveModel(problem);
    expect(hardViolations(problem, solved)).toEqual([]);
  });
});
