import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { rota, staff, stint, tinyProblem } from "../../test/support/tiny";
import { penalty } from "./hours-fairness";

const score = (hours: Record<string, unknown>, assignments = [stint("ann", "desk", "09:00", "13:00")]) =>
  scoreRota(tinyProblem({ people: [staff("ann", { hours })] }), rota(assignments)).byRule["hours-fairness"] ?? NaN;

describe("hours-fairness", () => {
  it("costs nothing at the target", () => {
    expect(score({ target: 4, max: 8 })).toBe(0);
  });

  it("charges a shortfall tier by tier: the larger the share of the target missed, the dearer each hour", () => {
    // 6 h short of 10: 1 h at ×1, 1.5 h at ×2, 2.5 h at ×4, the last 1 h at ×8 — times hoursUnder (6).
    expect(score({ target: 10, max: 20 })).toBeCloseTo(
      (1 * 1 + 1.5 * 2 + 2.5 * 4 + 1 * 8) * DEFAULT_WEIGHTS.hoursUnder,
      9,
    );
  });

  it("charges an excess over the target, dearer beyond 10 %", () => {
    // 2 h over a target of 2: 0.2 h at ×1, 1.8 h at ×3 — times hoursOver (6).
    expect(score({ target: 2, max: 8 })).toBeCloseTo((0.2 * 1 + 1.8 * 3) * DEFAULT_WEIGHTS.hoursOver, 9);
  });

  it("adds hoursBelowMin for every hour under the person's min", () => {
    expect(score({ target: 10, min: 5, max: 20 }) - score({ target: 10, max: 20 })).toBeCloseTo(
      1 * DEFAULT_WEIGHTS.hoursBelowMin,
      9,
    );
  });

  it("shares a shortfall: two people 2 h short each cost less than one 4 h short", () => {
    const even = penalty(2, 4, 0, DEFAULT_WEIGHTS) * 2;
    const lopsided = penalty(0, 4, 0, DEFAULT_WEIGHTS) + penalty(4, 4, 0, DEFAULT_WEIGHTS);
    expect(even).toBeLessThan(lopsided);
  });

  it("scores a person with a target of 0 (a volunteer) as a finite number", () => {
    expect(score({ target: 0, max: 8 }, [])).toBe(0);
    expect(score({ target: 0, max: 8 })).toBe(4 * 3 * DEFAULT_WEIGHTS.hoursOver);
  });

  it("is what the model charges for the same hours", async () => {
    for (const hours of [
      { target: 10, min: 5, max: 20 },
      { target: 2, max: 8 },
      { target: 0, max: 8 },
    ]) {
      const problem = tinyProblem({ people: [staff("ann", { hours })] });
      const { rota: solved, objective } = await solveModel(problem);
      expect(objective).toBeCloseTo(scoreRota(problem, solved).soft, 6);
    }
  });
});
