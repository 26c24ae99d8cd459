import { it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { scoreRota } from "../../src/check";
import { hardViolations } from "../support/tiny";
import { solveModel } from "../support/highs";
import { problems } from "./problems";

/**
 * The MILP is the other half of the engine's promise: whatever rota the model's optimum decodes
 * to breaks no hard rule, and the model's objective is exactly the checker's score of that rota.
 * A slip in any rule's rows (a missing row, a loose penalty, a wrong weight) shows up here.
 * Tiny daytime problems keep models small; the few HiGHS cannot prove optimal within seconds are
 * checked at the best point it found (the promise holds for every feasible point, not only the optimum).
 */
const tiny = problems({ allowAllDay: false, maxPeople: 4, maxDays: 2 });

describe("the MILP model on generated problems", () => {
  it.prop([tiny], { numRuns: 20 })(
    "decodes its solution to a rota that breaks no hard rule, with the checker's score as its objective",
    async (problem) => {
      const { rota, objective } = await solveModel(problem, undefined, {}, 5);
      expect(hardViolations(problem, rota)).toEqual([]);
      // Per-rule rounding to 0.001 in the checker: a total may differ in the last places.
      expect(Math.abs(objective - scoreRota(problem, rota).soft)).toBeLessThanOrEqual(0.01);
    },
  );
});
