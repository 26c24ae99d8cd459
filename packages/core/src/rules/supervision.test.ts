import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solve } from "../solve/solve";
import { solveModel, withoutRows } from "../../test/support/highs";
import { at, brokenRules, gap, hardViolations, rota, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann leads and holds keys; Kit holds keys only.
const problem = tinyProblem({ people: [staff("ann"), staff("kit", { qualifications: ["keyholder"] })] });
const slots = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00"];

describe("supervision", () => {
  it("reports every open slot without a lead on site that the rota does not list", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "11:00"), stint("kit", "desk", "11:00", "13:00")]),
    );
    expect(brokenRules(report)).toEqual(["supervision"]);
    expect(report.violations).toEqual(
      slots.slice(4, 8).map((time, i) => ({
        rule: "supervision",
        site: "main",
        start: at(time),
        end: at(slots[i + 5] as string),
        message: `main at ${at(time)}: the rota leaves 1 missing without reporting it as uncovered`,
      })),
    );
  });

  it("accepts the lead gap reported against the site", () => {
    expect(
      check(
        problem,
        rota(
          [stint("ann", "desk", "09:00", "11:00"), stint("kit", "desk", "11:00", "13:00")],
          [gap("supervision", "main", "11:00", "13:00")],
        ),
      ).valid,
    ).toBe(true);
  });

  it("counts a lead working at any point of the site, shadowing or not", () => {
    const shadowingLead = tinyProblem({
      people: [staff("ann", { training: { helpdesk: "shadowing" } }), staff("kit", { qualifications: ["keyholder"] })],
    });
    expect(
      check(
        shadowingLead,
        rota([
          stint("kit", "desk", "09:00", "13:00"),
          stint("ann", "desk", "09:00", "13:00", undefined, { shadowing: true }),
        ]),
      ).valid,
    ).toBe(true);
  });

  it("scores each hour without a lead at the supervision weight", () => {
    expect(
      scoreRota(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("kit", "desk", "11:00", "13:00")])).byRule
        .supervision,
    ).toBe(2 * DEFAULT_WEIGHTS.supervision);
  });

  it("makes the model pay for time without a lead, beyond what others' wishes are worth", async () => {
    // One person fits on the desk at a time. Kit would love the morning (worth 10 points an hour);
    // an hour without a lead costs far more (DEFAULT_WEIGHTS.supervision).
    const both = tinyProblem({
      people: [
        staff("ann"),
        staff("kit", {
          qualifications: ["keyholder"],
          preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: 5 }],
        }),
      ],
    });
    const loose = await solveModel(both, withoutRows("supervision"));
    expect(scoreRota(both, loose.rota).byRule.supervision).toBeGreaterThan(0);

    const strict = await solveModel(both);
    expect(hardViolations(both, strict.rota)).toEqual([]);
    expect(strict.rota.assignments).toEqual([
      expect.objectContaining({ person: "ann", start: at("09:00"), end: at("13:00") }),
    ]);
    expect(scoreRota(both, strict.rota).byRule.supervision).toBe(0);
  });

  it("explains a lead gap: nobody with lead works there, or none is available", () => {
    const noLead = solve(tinyProblem({ people: [staff("kit", { qualifications: ["keyholder"] })] }), {
      workBudget: 100,
      seed: 1,
    });
    expect(noLead.uncovered.filter((u) => u.rule === "supervision")).toEqual([
      expect.objectContaining({
        site: "main",
        start: at("09:00"),
        end: at("13:00"),
        missing: 1,
        cause: "no-lead-available",
        reason: "nobody with lead works at main",
      }),
    ]);
    const leadAway = solve(
      tinyProblem({
        people: [
          staff("kit", { qualifications: ["keyholder"] }),
          staff("ann", { availability: { mon: [["09:00", "11:00"]] } }),
        ],
      }),
      { workBudget: 100, seed: 1 },
    );
    expect(leadAway.uncovered.filter((u) => u.rule === "supervision")).toEqual([
      expect.objectContaining({
        start: at("11:00"),
        cause: "no-lead-available",
        reason: expect.stringContaining("is available then"),
      }),
    ]);
  });
});
