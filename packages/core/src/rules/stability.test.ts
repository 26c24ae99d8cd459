import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { at, band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The published rota has Ann on the help desk Monday 09:00–13:00; roving may take one person too.
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
  ],
});
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({ sites: [main], people: [staff("ann", both), staff("bob", both)] });
const published = [stint("ann", "desk", "09:00", "13:00")];
const { stability: perHour, stabilitySoon } = DEFAULT_WEIGHTS;

/** The stability score of `assignments` against the published rota, re-solved at `now`. */
const changes = (assignments: ReturnType<typeof stint>[], now: string) =>
  scoreRota(problem, rota(assignments), { reference: { assignments: published, now: Date.parse(now) } }).byRule
    .stability;

describe("stability", () => {
  it("costs nothing when the published rota is kept", () => {
    expect(changes(published, "2026-11-22T00:00Z")).toBe(0);
  });

  it("charges stability per person-hour placed differently, each person's side of a swap counted", () => {
    // More than 24 h ahead: Ann loses 4 h and Bob gains 4 h.
    expect(changes([stint("bob", "desk", "09:00", "13:00")], "2026-11-21T00:00Z")).toBe(8 * perHour);
    // A move to another point is one change per hour.
    expect(changes([stint("ann", "roving", "09:00", "13:00")], "2026-11-21T00:00Z")).toBe(4 * perHour);
  });

  it("charges changes within 24 hours of the re-solve stabilitySoon times more", () => {
    expect(changes([stint("ann", "roving", "09:00", "13:00")], "2026-11-23T00:00Z")).toBe(4 * perHour * stabilitySoon);
  });

  it("ignores what lies before the re-solve: the past is as it was", () => {
    expect(
      changes([stint("ann", "desk", "09:00", "11:00"), stint("ann", "roving", "11:00", "13:00")], "2026-11-23T11:00Z"),
    ).toBe(2 * perHour * stabilitySoon);
    expect(
      changes([stint("ann", "roving", "09:00", "11:00"), stint("ann", "desk", "11:00", "13:00")], "2026-11-23T11:00Z"),
    ).toBe(0);
  });

  it("is not scored at all when solving afresh", () => {
    expect(scoreRota(problem, rota(published)).byRule).not.toHaveProperty("stability");
  });

  it("makes the model keep the published rota, at the price the checker charges", async () => {
    // Bob would rather work the desk (a wish worth 20 points an hour), but moving costs more.
    const keen = tinyProblem({
      sites: [main],
      people: [
        staff("ann", both),
        staff("bob", { ...both, preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: 10 }] }),
      ],
    });
    const reference = { assignments: published, now: Date.parse("2026-11-21T00:00Z") };
    const { rota: solved, objective } = await solveModel(keen, undefined, { reference });
    expect(solved.assignments).toContainEqual({ person: "ann", point: "desk", start: at("09:00"), end: at("13:00") });
    const score = scoreRota(keen, solved, { reference });
    expect(score.byRule.stability).toBe(0);
    expect(objective).toBeCloseTo(score.soft, 6);
  });
});
