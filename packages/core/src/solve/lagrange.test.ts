import { it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { scoreRota } from "../check";
import { example } from "../../test/support/examples";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";
import { problems } from "../../test/properties/problems";
import { compile } from "../compile/instance";
import { lagrangeBound } from "./lagrange";
import { solve } from "./solve";

describe("lagrange", () => {
  // A valid bound never exceeds the optimum, so never the objective of any rota; HiGHS gets a few
  // seconds (a few generated weeks take it minutes to prove) and mostly proves the optimum in them.
  it.prop([problems({ allowAllDay: false, maxPeople: 3, maxDays: 3 })], { numRuns: 8 })(
    "never exceeds the optimum the MILP finds",
    async (problem) => {
      const optimum = await solveModel(problem, undefined, {}, 5);
      const bound = lagrangeBound(compile(problem), { upper: () => optimum.objective, iterations: 30 });
      expect(bound).not.toBeNull();
      // HiGHS reports its objective to about 1e-9 relative (12 679.599992 for a rota worth 12 679.6).
      expect(bound as number).toBeLessThanOrEqual(optimum.objective * (1 + 1e-8) + 1e-6);
    },
  );

  it("lets someone allowed two shifts a day work slots that cost more than they earn, for their hours", () => {
    // Ann may work two shifts a day, so her week is bounded slot by slot. No slot earns anything
    // (no minimum, no target, and she is no lead), yet two hours of them meet her target: a bound
    // that only took the slots that earn had charged her the whole shortfall, above this rota.
    const problem = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "12:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "12:00", 0, { max: 1 })]),
            point("roving", "roving", []),
          ],
        }),
      ],
      people: [staff("ann", { hours: { target: 2, min: 1, max: 2 }, shifts: { maxPerDay: 2 }, qualifications: [] })],
    });
    const objective = scoreRota(problem, rota([stint("ann", "desk", "09:00", "11:00")])).soft;
    const bound = lagrangeBound(compile(problem), { upper: () => objective, iterations: 30 }) as number;
    expect(bound).toBeLessThanOrEqual(objective);
  });

  it("bounds the small campus close to its rotas", () => {
    const problem = example("small-campus");
    const rota = solve(problem, { workBudget: 2000, seed: 1 });
    const objective = rota.solver?.objective ?? Infinity;
    const bound = lagrangeBound(compile(problem), { upper: () => objective, iterations: 120 }) as number;
    expect(bound).toBeLessThanOrEqual(objective);
    // Not a timing: the bound is meant to be useful, within a few per cent of a good rota.
    expect((objective - bound) / objective).toBeLessThan(0.05);
  });
});
