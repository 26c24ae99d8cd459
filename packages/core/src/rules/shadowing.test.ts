import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk takes one counted person Monday 09:00–13:00. Zed is shadowing there; his mentor is Ann.
const main = site("main", { servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)])] });
const zed = staff("zed", {
  training: { helpdesk: "shadowing" },
  qualifications: [],
  mentor: "ann",
  hours: { target: 2, max: 4 },
});
const problem = tinyProblem({
  sites: [main],
  people: [staff("ann", { hours: { target: 2, max: 4 } }), staff("bob", { hours: { target: 2, max: 4 } }), zed],
});
const shadowing = (assignments: ReturnType<typeof stint>[]) => scoreRota(problem, rota(assignments)).byRule.shadowing;
const marked = { shadowing: true };

describe("shadowing", () => {
  it("rewards each shadowing hour, and more beside the named mentor", () => {
    expect(
      shadowing([
        stint("ann", "desk", "09:00", "11:00"),
        stint("zed", "desk", "09:00", "11:00", undefined, marked),
        stint("bob", "desk", "11:00", "13:00"),
      ]),
    ).toBe(-2 * (DEFAULT_WEIGHTS.shadowing + DEFAULT_WEIGHTS.mentor));
    expect(
      shadowing([
        stint("bob", "desk", "09:00", "11:00"),
        stint("zed", "desk", "09:00", "11:00", undefined, marked),
        stint("ann", "desk", "11:00", "13:00"),
      ]),
    ).toBe(-2 * DEFAULT_WEIGHTS.shadowing);
  });

  it("gives nothing for work that is not shadowing", () => {
    expect(shadowing([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).toBe(0);
  });

  it("leads the model to shadowing beside the mentor, at the price the checker charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    const score = scoreRota(problem, solved);
    expect(score.byRule.shadowing).toBe(-2 * (DEFAULT_WEIGHTS.shadowing + DEFAULT_WEIGHTS.mentor));
    expect(objective).toBeCloseTo(score.soft, 6);
  });
});
