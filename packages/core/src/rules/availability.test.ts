import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel } from "../../test/support/highs";
import { at, brokenRules, gap, hardViolations, rota, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann is free only 09:00–11:00 on Mondays.
const problem = tinyProblem({ people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } }), staff("bob")] });

describe("availability", () => {
  it("reports work outside the weekly availability, from the first slot outside it", () => {
    const report = check(problem, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["availability"]);
    expect(report.violations).toEqual([
      {
        rule: "availability",
        person: "ann",
        point: "desk",
        start: at("11:00"),
        end: at("11:30"),
        message: `ann is on desk from ${at("11:00")} but is not available on mon at that time`,
      },
    ]);
  });

  it("reports work during an absence, naming its reason", () => {
    const absent = tinyProblem({
      people: [staff("ann", { absences: [{ from: "2026-11-23T12:00", to: "2026-11-23T15:00", reason: "dentist" }] })],
    });
    const report = check(absent, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["availability"]);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "availability",
        person: "ann",
        start: at("12:00"),
        message: `ann is on desk from ${at("12:00")} but is absent (dentist)`,
      }),
    ]);
  });

  it("treats an absence that starts inside a slot as covering the whole slot", () => {
    const absent = tinyProblem({
      people: [staff("ann", { absences: [{ from: "2026-11-23T12:45", to: "2026-11-23T14:00" }] })],
    });
    const report = check(absent, rota([stint("ann", "desk", "09:00", "13:00")]));
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "availability",
        start: at("12:30"),
        message: `ann is on desk from ${at("12:30")} but is absent`,
      }),
    ]);
  });

  it("accepts the same cover split at the edge of the availability", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).valid,
    ).toBe(true);
  });

  it("never lets the model use a slot outside availability: the rest is a reported gap instead", async () => {
    const alone = tinyProblem({ people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } })] });
    const { rota: solved } = await solveModel(alone);
    expect(solved.assignments).toEqual([
      expect.objectContaining({ person: "ann", start: at("09:00"), end: at("11:00") }),
    ]);
    expect(hardViolations(alone, solved)).toEqual([]);
    expect(
      check(alone, {
        ...solved,
        uncovered: [
          gap("cover", "desk", "11:00", "13:00"),
          gap("supervision", "main", "11:00", "13:00"),
          gap("keyholder", "main", "12:30", "13:00"),
        ],
      }).valid,
    ).toBe(true);
  });
});
