import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// Help desk and roving each take one person Monday 09:00–13:00; Ann and Bob work both.
const bands = [band(["mon"], "09:00", "13:00", 1)];
const main = site("main", { servicePoints: [point("desk", "helpdesk", bands), point("roving", "roving", bands)] });
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({ sites: [main], people: [staff("ann", both), staff("bob", both)] });
const steady = (assignments: ReturnType<typeof stint>[], on = problem) =>
  scoreRota(on, rota(assignments)).byRule["steady-desks"];

describe("steady-desks", () => {
  it("costs nothing for one point per shift", () => {
    expect(steady([stint("ann", "desk", "09:00", "13:00"), stint("bob", "roving", "09:00", "13:00")])).toBe(0);
  });

  it("charges pointChanges for each change of point inside a shift", () => {
    expect(
      steady([
        stint("ann", "desk", "09:00", "11:00"),
        stint("ann", "roving", "11:00", "13:00"),
        stint("bob", "roving", "09:00", "11:00"),
        stint("bob", "desk", "11:00", "13:00"),
      ]),
    ).toBe(2 * DEFAULT_WEIGHTS.pointChanges);
  });

  it("charges shortStints for a stint shorter than an hour, but not for one of exactly an hour", () => {
    const swapAt = (time: string) => [
      stint("ann", "desk", "09:00", time),
      stint("ann", "roving", time, "13:00"),
      stint("bob", "roving", "09:00", time),
      stint("bob", "desk", time, "13:00"),
    ];
    expect(steady(swapAt("09:30"))).toBe(2 * DEFAULT_WEIGHTS.pointChanges + 2 * DEFAULT_WEIGHTS.shortStints);
    expect(steady(swapAt("10:00"))).toBe(2 * DEFAULT_WEIGHTS.pointChanges);
  });

  it("measures short stints in minutes on a 15-minute grid", () => {
    const fine = tinyProblem({ sites: [main], people: problem.people, slotMinutes: 15 });
    expect(
      steady(
        [
          stint("ann", "desk", "09:00", "09:45"),
          stint("ann", "roving", "09:45", "13:00"),
          stint("bob", "roving", "09:00", "09:45"),
          stint("bob", "desk", "09:45", "13:00"),
        ],
        fine,
      ),
    ).toBe(2 * DEFAULT_WEIGHTS.pointChanges + 2 * DEFAULT_WEIGHTS.shortStints);
  });

  it("is what the model charges for point changes and short stints", async () => {
    // Ann must cover the desk and roving in turns: roving's band closes for half-hours.
    const choppy = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [
            point("desk", "helpdesk", bands),
            point("roving", "roving", [band(["mon"], "09:30", "10:00", 1), band(["mon"], "11:00", "12:00", 1)]),
          ],
        }),
      ],
      people: [staff("ann", both)],
    });
    const { rota: solved, objective } = await solveModel(choppy);
    expect(objective).toBeCloseTo(scoreRota(choppy, solved).soft, 6);
  });
});
