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
  TUESDAY,
} from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann may work at most 3 h a day.
const problem = tinyProblem({ people: [staff("ann", { hours: { target: 4, max: 20, maxPerDay: 3 } }), staff("bob")] });

describe("daily-hours", () => {
  it("reports a person over the daily maximum on the date", () => {
    const report = check(problem, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["daily-hours"]);
    expect(report.violations).toEqual([
      {
        rule: "daily-hours",
        person: "ann",
        start: "2026-11-23",
        message: "ann works 4 h on 2026-11-23; the daily maximum is 3 h",
      },
    ]);
  });

  it("adds up every shift of the date", () => {
    const split = tinyProblem({
      people: [
        staff("ann", { hours: { target: 4, max: 20, maxPerDay: 3 }, shifts: { maxPerDay: 2, minMinutes: 60 } }),
        staff("bob", { shifts: { minMinutes: 30 } }),
      ],
    });
    const report = check(
      split,
      rota([
        stint("ann", "desk", "09:00", "10:30"),
        stint("bob", "desk", "10:30", "11:00"),
        stint("ann", "desk", "11:00", "13:00"),
      ]),
    );
    expect(brokenRules(report)).toEqual(["daily-hours"]);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "daily-hours",
        person: "ann",
        message: "ann works 3.5 h on 2026-11-23; the daily maximum is 3 h",
      }),
    ]);
  });

  it("counts a night shift on the date it starts", () => {
    const allNight = [["00:00", "24:00"]];
    const nights = tinyProblem({
      sites: [
        site("main", {
          open: { mon: allNight, tue: allNight },
          servicePoints: [point("desk", "helpdesk", [band(["mon", "tue"], "00:00", "24:00", 0, { target: 1 })])],
        }),
      ],
      people: [staff("ann", { hours: { target: 8, max: 20, maxPerDay: 6 } })],
    });
    // Monday 22:00 to Tuesday 04:00 is Monday's 6 h; Tuesday's own shift adds only its 2 h.
    const report = check(
      nights,
      rota([
        stint("ann", "desk", "22:00", "24:00"),
        stint("ann", "desk", "00:00", "04:00", TUESDAY),
        stint("ann", "desk", "20:00", "22:00", TUESDAY),
      ]),
    );
    expect(report.byRule["daily-hours"]).toBe(0);
    const longer = check(
      nights,
      rota([stint("ann", "desk", "21:00", "24:00"), stint("ann", "desk", "00:00", "04:00", TUESDAY)]),
    );
    expect(longer.violations.filter((v) => v.rule === "daily-hours")).toEqual([
      expect.objectContaining({
        start: "2026-11-23",
        message: "ann works 7 h on 2026-11-23; the daily maximum is 6 h",
      }),
    ]);
  });

  it("accepts a day at the cap", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "12:00"), stint("bob", "desk", "12:00", "13:00")])).byRule[
        "daily-hours"
      ],
    ).toBe(0);
  });

  it("keeps the model's two-shift days within the cap", async () => {
    // Ann may work two shifts a day, 3 h in all: the desk opens 09:00–11:00 and 12:00–14:00.
    const split = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "14:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "11:00", 1), band(["mon"], "12:00", "14:00", 1)]),
          ],
        }),
      ],
      people: [staff("ann", { hours: { target: 4, max: 20, maxPerDay: 3 }, shifts: { maxPerDay: 2 } })],
    });
    const loose = await solveModel(split, withoutRows("daily-hours"));
    expect(hardViolations(split, loose.rota).map((v) => v.rule)).toEqual(["daily-hours"]);

    const { rota: solved } = await solveModel(split);
    expect(hardViolations(split, solved)).toEqual([]);
    expect(solved.assignments).toHaveLength(1);
  });
});
