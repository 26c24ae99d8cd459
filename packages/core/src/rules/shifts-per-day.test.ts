import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows } from "../../test/support/highs";
import {
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

// The help desk needs one person Monday 09:00–14:00. Bob may work 1-hour shifts.
const main = site("main", {
  open: { mon: [["09:00", "14:00"]] },
  servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "14:00", 1)])],
});
const problem = tinyProblem({ sites: [main], people: [staff("ann"), staff("bob", { shifts: { minMinutes: 60 } })] });

describe("shifts-per-day", () => {
  it("reports a split shift when one shift a day is allowed (the default)", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "11:00"),
        stint("bob", "desk", "11:00", "12:00"),
        stint("ann", "desk", "12:00", "14:00"),
      ]),
    );
    expect(brokenRules(report)).toEqual(["shifts-per-day"]);
    expect(report.violations).toEqual([
      {
        rule: "shifts-per-day",
        person: "ann",
        start: "2026-11-23",
        message: "ann has 2 shifts on 2026-11-23; at most 1 allowed",
      },
    ]);
  });

  it("accepts the split when the person may work two shifts a day", () => {
    const twice = tinyProblem({
      sites: [main],
      people: [staff("ann", { shifts: { maxPerDay: 2 } }), staff("bob", { shifts: { minMinutes: 60 } })],
    });
    expect(
      check(
        twice,
        rota([
          stint("ann", "desk", "09:00", "11:00"),
          stint("bob", "desk", "11:00", "12:00"),
          stint("ann", "desk", "12:00", "14:00"),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("counts back-to-back stints at different points as one shift", () => {
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
      check(two, rota([stint("ann", "desk", "09:00", "11:00"), stint("ann", "roving", "11:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("keeps the model to one shift a day when the point closes over lunch", async () => {
    const lunch = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "14:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "11:00", 1), band(["mon"], "12:00", "14:00", 1)]),
          ],
        }),
      ],
      people: [staff("ann")],
    });
    const loose = await solveModel(lunch, withoutRows("shifts-per-day"));
    expect(hardViolations(lunch, loose.rota).map((v) => v.rule)).toEqual(["shifts-per-day"]);

    const { rota: solved } = await solveModel(lunch);
    expect(hardViolations(lunch, solved)).toEqual([]);
    expect(solved.assignments).toHaveLength(1);
  });
});
