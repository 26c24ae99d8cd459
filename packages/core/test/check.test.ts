import { describe, expect, it } from "vitest";
import { check } from "../src/check";
import { GAP_RULES, HARD_RULES } from "../src/rules";
import { rota, staff, stint, tinyProblem } from "./support/tiny";

describe("check", () => {
  const problem = tinyProblem({ people: [staff("ann")] });

  it("takes a hand-made rota with nothing but assignments, and counts every hard and gap rule", () => {
    const report = check(problem, { assignments: [stint("ann", "desk", "09:00", "13:00")] });
    expect(report.valid).toBe(true);
    expect(Object.keys(report.byRule).sort()).toEqual(
      ["references", ...HARD_RULES.map((r) => r.id), ...GAP_RULES.map((r) => r.id)].sort(),
    );
    expect(Object.values(report.byRule).every((n) => n === 0)).toBe(true);
  });

  it("reports assignments naming a person or point the problem does not have", () => {
    const report = check(
      problem,
      rota([
        stint("ann", "desk", "09:00", "13:00"),
        stint("zoe", "desk", "09:00", "11:00"),
        stint("ann", "lift", "09:00", "11:00"),
      ]),
    );
    expect(report.valid).toBe(false);
    expect(report.violations).toEqual([
      { rule: "references", message: "assignment 1 names an unknown person zoe" },
      { rule: "references", message: "assignment 2 names an unknown service point lift" },
    ]);
  });
});
