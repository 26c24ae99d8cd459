import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows } from "../../test/support/highs";
import { brokenRules, hardViolations, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// Two libraries open Monday 09:00–13:00. Ann works at both and may split her day into two
// shifts, so only the one-site-per-day rule keeps her at one of them on Monday.
const both = { sites: ["main", "annex"], shifts: { maxPerDay: 2 } };
const problem = tinyProblem({
  sites: [site("main"), site("annex")],
  people: [staff("ann", both), staff("bob", { sites: ["main"] }), staff("cat", { sites: ["annex"] })],
});

describe("one-site-per-day", () => {
  it("reports a person working at two sites on one date", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "11:00"),
        stint("bob", "desk", "11:00", "13:00"),
        stint("cat", "annex-desk", "09:00", "11:00"),
        stint("ann", "annex-desk", "11:00", "13:00"),
      ]),
    );
    expect(brokenRules(report)).toEqual(["one-site-per-day"]);
    expect(report.violations).toEqual([
      {
        rule: "one-site-per-day",
        person: "ann",
        start: "2026-11-23",
        message: "ann works at main, annex on 2026-11-23; one site per day",
      },
    ]);
  });

  it("accepts the same person at one site with two shifts that day", () => {
    expect(
      check(
        problem,
        rota([
          stint("ann", "desk", "09:00", "11:00"),
          stint("bob", "desk", "11:00", "13:00"),
          stint("cat", "annex-desk", "09:00", "13:00"),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("keeps the model's person-day at one site even when two shifts a day are allowed", async () => {
    // Main needs someone 09:00–11:00, the annex 11:00–13:00, and only Ann can come.
    const alone = tinyProblem({
      sites: [
        site("main", { open: { mon: [["09:00", "11:00"]] } }),
        site("annex", { open: { mon: [["11:00", "13:00"]] } }),
      ],
      people: [staff("ann", both)],
    });
    const loose = await solveModel(alone, withoutRows("one-site-per-day"));
    expect(hardViolations(alone, loose.rota).map((v) => v.rule)).toEqual(["one-site-per-day"]);

    const { rota: solved } = await solveModel(alone);
    expect(solved.assignments).toHaveLength(1);
    expect(hardViolations(alone, solved)).toEqual([]);
  });
});
