import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows, type ModelSolution } from "../../test/support/highs";
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

// The help desk and the roving duty each need one person Monday 09:00–13:00.
const twoPoints = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 1)]),
  ],
});
const trained = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({ sites: [twoPoints], people: [staff("ann", trained), staff("bob", trained)] });

describe("one-place", () => {
  it("reports a person at two points at once, over the overlap", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("ann", "roving", "11:00", "13:00"),
        stint("bob", "roving", "09:00", "11:00"),
      ]),
    );
    expect(brokenRules(report)).toEqual(["one-place"]);
    expect(report.violations).toEqual([
      {
        rule: "one-place",
        person: "ann",
        start: at("11:00"),
        end: at("13:00"),
        message: `ann is in two places at once (desk and roving) from ${at("11:00")}`,
      },
    ]);
  });

  it("accepts a person who moves from one point to the other", () => {
    expect(
      check(
        problem,
        rota([
          stint("ann", "desk", "09:00", "11:00"),
          stint("ann", "roving", "11:00", "13:00"),
          stint("bob", "roving", "09:00", "11:00"),
          stint("bob", "desk", "11:00", "13:00"),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("keeps the model from covering two points with one person in two overlapping shifts", async () => {
    // Ann alone, allowed two shifts a day: without the one-place rows, two overlapping shifts
    // would put her on both points (the balance row only says "as many points as shifts").
    // A rota cannot even write that down (decoding keeps one point per slot), so this reads the
    // model's own variables.
    const alone = tinyProblem({ sites: [twoPoints], people: [staff("ann", { ...trained, shifts: { maxPerDay: 2 } })] });
    expect(doubleBookedSlots(await solveModel(alone, withoutRows("one-place")))).toBeGreaterThan(0);

    const strict = await solveModel(alone);
    expect(doubleBookedSlots(strict)).toBe(0);
    expect(hardViolations(alone, strict.rota)).toEqual([]);
  });
});

/** Person-slots where the solution puts someone at more than one point. */
function doubleBookedSlots({ ctx, x }: ModelSolution): number {
  return ctx.workByPerson.reduce(
    (n, own) =>
      n + [...own.values()].filter((here) => here.filter((w) => (x[w.variable] ?? 0) > 0.5).length > 1).length,
    0,
  );
}
