import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel } from "../../test/support/highs";
import { at, brokenRules, hardViolations, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// Two libraries open Monday 09:00–13:00; Ann works only at the main one, Bob at both.
const problem = tinyProblem({
  sites: [site("main"), site("annex")],
  people: [staff("ann", { sites: ["main"] }), staff("bob", { sites: ["main", "annex"] })],
});

describe("allowed-sites", () => {
  it("reports a person working at a site they do not work at", () => {
    const report = check(
      problem,
      rota([stint("ann", "annex-desk", "09:00", "13:00"), stint("bob", "desk", "09:00", "13:00")]),
    );
    expect(brokenRules(report)).toEqual(["allowed-sites"]);
    expect(report.violations).toEqual([
      {
        rule: "allowed-sites",
        person: "ann",
        point: "annex-desk",
        site: "annex",
        start: at("09:00"),
        end: at("13:00"),
        message: "ann is on annex-desk but does not work at annex",
      },
    ]);
  });

  it("accepts the same cover with each person at their own sites", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "annex-desk", "09:00", "13:00")]))
        .valid,
    ).toBe(true);
  });

  it("never gives the model a variable for a site the person does not work at", async () => {
    // Only Ann is available: the annex must stay uncovered rather than borrow her.
    const alone = tinyProblem({ sites: [site("main"), site("annex")], people: [staff("ann", { sites: ["main"] })] });
    const { rota: solved } = await solveModel(alone);
    expect(solved.assignments.map((a) => a.point)).toEqual(["desk"]);
    expect(hardViolations(alone, solved)).toEqual([]);
  });
});
