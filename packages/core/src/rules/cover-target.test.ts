import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00 and would like two from 11:00 to 13:00.
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1), band(["mon"], "11:00", "13:00", 1, { target: 2 })]),
  ],
});
const problem = tinyProblem({ sites: [main], people: [staff("ann"), staff("bob")] });

describe("cover-target", () => {
  it("charges coverTarget per person-hour between the minimum and the target", () => {
    const annAlone = rota([stint("ann", "desk", "09:00", "13:00")]);
    expect(check(problem, annAlone).valid).toBe(true);
    expect(scoreRota(problem, annAlone).byRule["cover-target"]).toBe(2 * DEFAULT_WEIGHTS.coverTarget);
  });

  it("costs nothing once the target is met", () => {
    expect(
      scoreRota(problem, rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "desk", "11:00", "13:00")])).byRule[
        "cover-target"
      ],
    ).toBe(0);
  });

  it("counts a gap below the minimum toward the target as well", () => {
    expect(scoreRota(problem, rota([])).byRule["cover-target"]).toBe((2 * 1 + 2 * 2) * DEFAULT_WEIGHTS.coverTarget);
  });

  it("leads the model to the target where someone is free, at the price the checker charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    const score = scoreRota(problem, solved);
    expect(score.byRule["cover-target"]).toBe(0);
    expect(objective).toBeCloseTo(score.soft, 6);
  });
});
