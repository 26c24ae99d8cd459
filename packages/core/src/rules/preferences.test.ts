import { describe, expect, it } from "vitest";
import { scoreRota } from "../check";
import type { Preference } from "../model/problem";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solveModel } from "../../test/support/highs";
import { at, rota, staff, stint, tinyProblem } from "../../test/support/tiny";
import { preferenceAt } from "./preferences";

// Ann wants Monday 09:00–11:00 (weight 3) and would rather not work 11:00–13:00 (weight −2).
const wishes: Preference[] = [
  { days: ["mon"], from: "09:00", to: "11:00", weight: 3 },
  { days: ["mon"], from: "11:00", to: "13:00", weight: -2 },
];
const problem = tinyProblem({
  people: [
    staff("ann", { preferences: wishes, hours: { target: 2, max: 4 } }),
    staff("bob", { hours: { target: 2, max: 4 } }),
  ],
});
const preferences = (assignments: ReturnType<typeof stint>[]) =>
  scoreRota(problem, rota(assignments)).byRule.preferences;

describe("preferences", () => {
  it("rewards hours in a wished slot (a negative score)", () => {
    expect(preferences([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).toBe(
      -3 * 2 * DEFAULT_WEIGHTS.preferences,
    );
  });

  it("charges hours in a 'would rather not' slot", () => {
    expect(preferences([stint("bob", "desk", "09:00", "11:00"), stint("ann", "desk", "11:00", "13:00")])).toBe(
      2 * 2 * DEFAULT_WEIGHTS.preferences,
    );
  });

  it("adds overlapping preferences and reads them on the site's wall clock", () => {
    const person = problem.people[0];
    if (!person) throw new Error("no Ann");
    expect(
      preferenceAt(
        { ...person, preferences: [...wishes, { days: ["mon"], from: "10:00", to: "12:00", weight: 1 }] },
        0,
        10 * 60 + 30,
        30,
      ),
    ).toBe(4);
    expect(preferenceAt(person, 1, 9 * 60, 30)).toBe(0);
  });

  it("leads the model to the wished slots, at the price the checker charges", async () => {
    const { rota: solved, objective } = await solveModel(problem);
    expect(solved.assignments).toContainEqual({ person: "ann", point: "desk", start: at("09:00"), end: at("11:00") });
    expect(objective).toBeCloseTo(scoreRota(problem, solved).soft, 6);
  });
});
