import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";
import { isUnsocial, unsocialShares } from "./unsocial-fairness";

// The help desk needs one person Monday 16:00–20:00: two of those hours are evening (from 18:00),
// shared between Ann and Bob in proportion to their targets (4 h each): 1 h each.
const late = site("main", {
  open: { mon: [["16:00", "20:00"]] },
  servicePoints: [point("desk", "helpdesk", [band(["mon"], "16:00", "20:00", 1)])],
});
const problem = tinyProblem({ sites: [late], people: [staff("ann"), staff("bob", { shifts: { minMinutes: 60 } })] });
const unsocial = (assignments: ReturnType<typeof stint>[]) =>
  scoreRota(problem, rota(assignments)).byRule["unsocial-fairness"];

describe("unsocial-fairness", () => {
  it("counts evenings, nights before 06:00 and weekends as unsocial", () => {
    expect([
      isUnsocial(problem, 0, 17 * 60 + 30),
      isUnsocial(problem, 0, 18 * 60),
      isUnsocial(problem, 2, 5 * 60 + 30),
      isUnsocial(problem, 5, 10 * 60),
    ]).toEqual([false, true, true, true]);
    const earlyEvening = tinyProblem({ sites: [late], rules: { eveningFrom: "17:00" } });
    expect(isUnsocial(earlyEvening, 0, 17 * 60)).toBe(true);
  });

  it("shares the week's unsocial minimum cover among those who can work it, by target", () => {
    expect(unsocialShares(problem)).toEqual(
      new Map([
        ["ann", 1],
        ["bob", 1],
      ]),
    );
    const uneven = tinyProblem({
      sites: [late],
      people: [
        staff("ann", { hours: { target: 3, max: 20 } }),
        staff("bob", { hours: { target: 1, max: 20 } }),
        staff("day", { availability: { mon: [["09:00", "17:00"]] } }),
      ],
    });
    expect(unsocialShares(uneven)).toEqual(
      new Map([
        ["ann", 1.5],
        ["bob", 0.5],
      ]),
    );
  });

  it("charges unsocial per hour above a person's share", () => {
    expect(unsocial([stint("ann", "desk", "16:00", "20:00")])).toBe(1 * DEFAULT_WEIGHTS.unsocial);
    expect(unsocial([stint("ann", "desk", "16:00", "18:00"), stint("bob", "desk", "18:00", "20:00")])).toBe(
      1 * DEFAULT_WEIGHTS.unsocial,
    );
  });

  it("costs nothing when the evening is split by the shares", () => {
    expect(unsocial([stint("ann", "desk", "16:00", "19:00"), stint("bob", "desk", "19:00", "20:00")])).toBe(0);
  });

  it("is what the model charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    expect(objective).toBeCloseTo(scoreRota(problem, solved).soft, 6);
  });
});
