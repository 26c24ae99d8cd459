import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, student, tinyProblem } from "../../test/support/tiny";

// Help desk and roving are open Monday and Tuesday 09:00–13:00, each taking one or two people.
const bands = [band(["mon", "tue"], "09:00", "13:00", 0, { target: 2 })];
const main = site("main", {
  open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
  servicePoints: [point("desk", "helpdesk", bands), point("roving", "roving", bands)],
});
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({
  sites: [main],
  people: [
    staff("ann", both),
    student("stu", both),
    student("sam", { training: { helpdesk: "independent", roving: "shadowing" } }),
  ],
});
const rotation = (assignments: ReturnType<typeof stint>[]) => scoreRota(problem, rota(assignments)).byRule.rotation;

describe("rotation", () => {
  it("charges a working student for each point they are trained for but did not work", () => {
    expect(rotation([stint("ann", "desk", "09:00", "13:00"), stint("stu", "desk", "09:00", "11:00")])).toBe(
      1 * DEFAULT_WEIGHTS.rotation,
    );
  });

  it("costs nothing once the student has worked every point they are trained for", () => {
    expect(
      rotation([
        stint("ann", "desk", "09:00", "13:00"),
        stint("stu", "desk", "09:00", "11:00"),
        stint("stu", "roving", "11:00", "13:00"),
      ]),
    ).toBe(0);
  });

  it("leaves out students who do not work, staff, and points a student only shadows", () => {
    expect(rotation([stint("ann", "desk", "09:00", "13:00")])).toBe(0);
    expect(
      rotation([
        stint("ann", "roving", "09:00", "13:00"),
        stint("sam", "desk", "09:00", "11:00"),
        stint("sam", "roving", "11:00", "13:00", undefined, { shadowing: true }),
      ]),
    ).toBe(0);
  });

  it("is what the model charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    expect(objective).toBeCloseTo(scoreRota(problem, solved).soft, 6);
    expect(scoreRota(problem, solved).byRule.rotation).toBe(0);
  });
});
