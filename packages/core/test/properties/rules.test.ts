import { fc, it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Problem } from "../../src/model/problem";
import { RULES } from "../../src/rules";
import { DayPrices } from "../../src/solve/search/day-prices";
import { solve } from "../../src/solve/solve";
import { example } from "../support/examples";
import { highs } from "../support/highs";
import { band, point, rota, site, staff, stint, tinyProblem } from "../support/tiny";
import { VERIFIED_RULES, verifyRule } from "../support/verify";
import { problems } from "./problems";

const backend = await highs();

describe("verifyRule", () => {
  // The desk needs one person Monday 09:00–13:00 and would like two from 11:00.
  const main = site("main", {
    servicePoints: [
      point("desk", "helpdesk", [
        band(["mon"], "09:00", "13:00", 1),
        band(["mon"], "11:00", "13:00", 1, { target: 2 }),
      ]),
    ],
  });
  const problem = tinyProblem({ sites: [main], people: [staff("ann"), staff("bob")] });
  const annMorning = rota([stint("ann", "desk", "09:00", "11:00")]);

  it("agrees with the amounts worked out by hand", () => {
    const rule = (id: string) => VERIFIED_RULES.find((r) => r.id === id) as (typeof VERIFIED_RULES)[number];
    // 11:00–13:00 uncovered: 2 person-hours below the minimum, and 4 below the target of two.
    verifyRule(rule("cover"), backend).given(problem, annMorning).penalizesBy(2000);
    verifyRule(rule("cover-target"), backend).given(problem, annMorning).penalizesBy(120);
    verifyRule(rule("shift-shape"), backend).given(problem, annMorning).penalizesBy(3);
  });

  it("fails with the rule's name when a view disagrees", () => {
    const cover = VERIFIED_RULES.find((r) => r.id === "cover") as (typeof VERIFIED_RULES)[number];
    expect(() => verifyRule(cover, backend).given(problem, annMorning).penalizesBy(1000)).toThrow(
      new RegExp(
        "^rule cover: expected 1000, but the checker says 2000, the search says 2000, " +
          "its search terms say 2000, the milp says 2000$",
      ),
    );
  });

  it("fails with the rule's name when the day DP's price drifts from the rule's", () => {
    const cover = VERIFIED_RULES.find((r) => r.id === "cover") as (typeof VERIFIED_RULES)[number];
    verifyRule(cover, backend).given(problem, annMorning).pricesDaysAlike();
    // Without cover's own price the DP sees no gain in Bob taking 11:00–13:00; the terms do.
    const unpriced = new DayPrices(RULES.filter((r) => r.id !== "cover"));
    expect(() => verifyRule(cover, backend).given(problem, annMorning).pricesDaysAlike(unpriced)).toThrow(
      /^rule cover: the day DP's price drifts from the rule's: .*the DP says 0, the terms change by -\d+/,
    );
  });
});

describe("the day DP's prices", () => {
  it("are the rule's for a shadower beside their mentor, and for the mentor", () => {
    const zed = staff("zed", { training: { helpdesk: "shadowing" }, mentor: "ann", qualifications: [] });
    const mentored = tinyProblem({ people: [staff("ann"), zed] });
    const beside = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("zed", "desk", "09:00", "11:00", undefined, { shadowing: true }),
    ]);
    const shadowing = VERIFIED_RULES.find((r) => r.id === "shadowing") as (typeof VERIFIED_RULES)[number];
    // Two hours shadowing, all of it beside Ann: 2 × (2 + 1) points of reward.
    verifyRule(shadowing, backend).given(mentored, beside).penalizesBy(-6);
    verifyRule(shadowing, backend).given(mentored, beside).pricesDaysAlike();
  });

  it("are inexact only where a rule says why", () => {
    const inexact = VERIFIED_RULES.filter((r) => r.day?.inexact).map((r) => r.id);
    expect(inexact).toEqual(["unsocial-fairness", "rotation"]);
  });
});

/** Rotas the search makes of generated problems: valid, so every view can take them. */
const solved = problems({ maxPeople: 6, maxDays: 2 }).chain((problem: Problem) =>
  fc.integer({ min: 1, max: 1000 }).map((seed) => ({ problem, rota: solve(problem, { workBudget: 60, seed }) })),
);

// A real week too, where every rule charges something: students with desks to rotate through,
// preferences, mentors, evenings and weekends, gaps of every kind.
const typical = example("typical-week");
const typicalRota = solve(typical, { workBudget: 100, seed: 1 });

describe.each(VERIFIED_RULES.map((rule) => ({ rule, id: rule.id })))("rule $id", ({ rule }) => {
  it("is charged alike by the checker, the search state and the MILP on the typical week", () => {
    verifyRule(rule, backend).given(typical, typicalRota).agrees(1e-6);
  });

  it.prop([solved], { numRuns: 4 })(
    "is charged alike by the checker, the search state and the MILP",
    ({ problem, rota }) => {
      verifyRule(rule, backend).given(problem, rota).agrees(1e-6);
    },
  );
});

// The day DP plans one person's day at a time; a rule whose terms reach across days says so (`day.inexact`).
const DAY_EXACT = VERIFIED_RULES.filter((r) => !r.day?.inexact);

describe.each(DAY_EXACT.map((rule) => ({ rule, id: rule.id })))("rule $id in the day DP", ({ rule }) => {
  it("prices every day plan as the plan changes its terms, on the typical week", () => {
    verifyRule(rule, backend).given(typical, typicalRota).pricesDaysAlike();
  });

  it.prop([solved], { numRuns: 4 })("prices every day plan as the plan changes its terms", ({ problem, rota }) => {
    verifyRule(rule, backend).given(problem, rota).pricesDaysAlike();
  });
});
