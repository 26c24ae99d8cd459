import { describe, expect, it } from "vitest";
import { analyse, explainScore } from "./analysis";
import { scoreRota } from "./check";
import { DEFAULT_WEIGHTS } from "./model/weights";
import { at, band, point, rota, site, staff, stint, tinyProblem } from "../test/support/tiny";

// The desk needs one person Monday 09:00–13:00. Ann (target 4 h) works 09:00–11:00 only; Bob
// (target 4 h) is away all Monday, and nobody else may work.
const main = site("main", { servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)])] });
const problem = tinyProblem({
  sites: [main],
  people: [
    staff("ann", { name: "Ann Lee" }),
    staff("bob", {
      name: "Bob Roe",
      absences: [{ from: "2026-11-23T00:00", to: "2026-11-24T00:00", reason: "course" }],
    }),
  ],
});
const annMorning = rota([stint("ann", "desk", "09:00", "11:00")]);

describe("analyse", () => {
  const analysis = analyse(problem, annMorning);

  it("finds every gap the rota has, with its reason, whether or not the rota lists it", () => {
    expect(analysis.gaps).toEqual([
      expect.objectContaining({ rule: "cover", point: "desk", start: at("11:00"), end: at("13:00"), missing: 1 }),
      expect.objectContaining({ rule: "supervision", site: "main", start: at("11:00"), end: at("13:00") }),
      // Nobody at closing time holds keys.
      expect.objectContaining({ rule: "keyholder", site: "main", start: at("12:30"), end: at("13:00") }),
    ]);
    for (const gap of analysis.gaps) expect(gap.reason.length).toBeGreaterThan(0);
    // The rota lists none of them: each unreported slot is named, and the rota is not valid.
    expect(analysis.misreported.map((v) => v.rule)).toEqual([
      ...Array(4).fill("cover"),
      ...Array(4).fill("supervision"),
      "keyholder",
    ]);
    expect(analysis.valid).toBe(false);
    expect(analysis.broken).toEqual([]);
  });

  it("names each hard rule broken with every place it is broken", () => {
    const broken = analyse(problem, rota([stint("bob", "desk", "09:00", "11:00")]));
    expect(broken.broken).toEqual([
      {
        rule: "availability",
        title: expect.any(String),
        violations: [expect.objectContaining({ rule: "availability", person: "bob" })],
      },
    ]);
  });

  it("breaks each rule's score down to who and when carry it, adding up to the rota's score", () => {
    const score = scoreRota(problem, annMorning);
    expect(analysis.score.soft).toBe(score.soft);
    for (const rule of analysis.score.byRule) {
      expect(rule.points).toBe(score.byRule[rule.rule]);
      const sum = rule.penalties.reduce((total, p) => total + p.points, 0);
      expect(sum).toBeCloseTo(rule.points, 2);
    }
    const byRule = Object.fromEntries(analysis.score.byRule.map((r) => [r.rule, r]));
    expect(byRule.cover?.penalties).toEqual([
      {
        point: "desk",
        start: at("11:00"),
        end: at("13:00"),
        points: 2 * DEFAULT_WEIGHTS.cover,
        message: "desk Mon 23 Nov 11:00–13:00: 1 short of the minimum",
      },
    ]);
    expect(byRule["hours-fairness"]?.penalties.map((p) => p.message)).toEqual([
      "Bob Roe 4 h under target (0 h of 4 h)",
      "Ann Lee 2 h under target (2 h of 4 h)",
    ]);
    expect(byRule["shift-shape"]?.penalties).toEqual([
      { person: "ann", points: DEFAULT_WEIGHTS.shifts, message: "Ann Lee 1 shift" },
    ]);
  });

  it("gives the same breakdown on its own", () => {
    expect(explainScore(problem, annMorning)).toEqual(analysis.score);
  });
});
