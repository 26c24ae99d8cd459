import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–14:00; Ann may split her day, Bob may work an hour.
const main = site("main", { open: { mon: [["09:00", "14:00"]] } });
const problem = tinyProblem({
  sites: [main],
  people: [staff("ann", { shifts: { maxPerDay: 2 } }), staff("bob", { shifts: { minMinutes: 60 } })],
});
const shifts = (assignments: ReturnType<typeof stint>[]) => scoreRota(problem, rota(assignments)).byRule["shift-shape"];

describe("shift-shape", () => {
  it("charges `shifts` for every shift worked, so fragments cost more", () => {
    expect(
      shifts([
        stint("ann", "desk", "09:00", "11:00"),
        stint("bob", "desk", "11:00", "12:00"),
        stint("ann", "desk", "12:00", "14:00"),
      ]),
    ).toBe(3 * DEFAULT_WEIGHTS.shifts);
    expect(shifts([stint("ann", "desk", "09:00", "12:00"), stint("bob", "desk", "12:00", "14:00")])).toBe(
      2 * DEFAULT_WEIGHTS.shifts,
    );
  });

  it("is what the model charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    expect(objective).toBeCloseTo(scoreRota(problem, solved).soft, 6);
  });
});
