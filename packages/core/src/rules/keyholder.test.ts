import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { solve } from "../solve/solve";
import { solveModel, withoutRows } from "../../test/support/highs";
import { at, brokenRules, gap, hardViolations, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann leads and holds keys; Lee only leads.
const people = [staff("ann"), staff("lee", { qualifications: ["lead"] })];
const problem = tinyProblem({ people });
const annThenLee = [stint("ann", "desk", "09:00", "11:00"), stint("lee", "desk", "11:00", "13:00")];
const keyholderSlots = (report: ReturnType<typeof check>) =>
  report.violations.filter((v) => v.rule === "keyholder").map((v) => v.start);

describe("keyholder", () => {
  it("reports an opening or closing slot without a keyholder that the rota does not list", () => {
    const report = check(problem, rota(annThenLee));
    expect(brokenRules(report)).toEqual(["keyholder"]);
    expect(report.violations).toEqual([
      {
        rule: "keyholder",
        site: "main",
        start: at("12:30"),
        end: at("13:00"),
        message: `main at ${at("12:30")}: the rota leaves 1 missing without reporting it as uncovered`,
      },
    ]);
  });

  it("accepts the closing gap reported against the site", () => {
    expect(check(problem, rota(annThenLee, [gap("keyholder", "main", "12:30", "13:00")])).valid).toBe(true);
  });

  it("merges touching windows: their meeting point is no edge", () => {
    const touching = tinyProblem({
      sites: [
        site("main", {
          open: {
            mon: [
              ["09:00", "11:00"],
              ["11:00", "13:00"],
            ],
          },
        }),
      ],
      people,
    });
    expect(keyholderSlots(check(touching, rota(annThenLee)))).toEqual([at("12:30")]);
  });

  it("needs a keyholder at each edge of a split day", () => {
    const split = tinyProblem({
      sites: [
        site("main", {
          open: {
            mon: [
              ["09:00", "11:00"],
              ["12:00", "13:00"],
            ],
          },
        }),
      ],
      people,
    });
    expect(keyholderSlots(check(split, rota([])))).toEqual([at("09:00"), at("10:30"), at("12:00"), at("12:30")]);
  });

  it("does not treat midnight inside a 24-hour opening as an edge", () => {
    const allDay = [["00:00", "24:00"]];
    const open = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    const always = tinyProblem({ sites: [site("main", { open })], people });
    expect(keyholderSlots(check(always, rota([])))).toEqual([at("00:00"), at("23:30", "2026-11-29")]);
  });

  it("scores each opening or closing hour without a keyholder at the keyholder weight", () => {
    expect(scoreRota(problem, rota(annThenLee)).byRule.keyholder).toBe(0.5 * DEFAULT_WEIGHTS.keyholder);
  });

  it("makes the model put a keyholder on the edges", async () => {
    // Lee would love the whole morning, but the desk takes one person at a time. Without the
    // keyholder rows he gets it all; with them Ann takes the edges a keyholder is worth.
    const keen = tinyProblem({
      people: [
        staff("ann", { hours: { target: 2, max: 4 } }),
        staff("lee", {
          qualifications: ["lead"],
          preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: 10 }],
        }),
      ],
    });
    const loose = await solveModel(keen, withoutRows("keyholder"));
    expect(scoreRota(keen, loose.rota).byRule.keyholder).toBe(2 * 0.5 * DEFAULT_WEIGHTS.keyholder);

    const strict = await solveModel(keen);
    expect(hardViolations(keen, strict.rota)).toEqual([]);
    expect(scoreRota(keen, strict.rota).byRule.keyholder).toBeLessThan(
      scoreRota(keen, loose.rota).byRule.keyholder ?? 0,
    );
  });

  it("explains a keyholder gap: nobody with keys works there", () => {
    const noKeys = solve(tinyProblem({ people: [staff("lee", { qualifications: ["lead"] })] }), {
      workBudget: 100,
      seed: 1,
    });
    expect(noKeys.uncovered.filter((u) => u.rule === "keyholder")).toEqual(
      [
        ["09:00", "09:30"],
        ["12:30", "13:00"],
      ].map(([from, to]) =>
        expect.objectContaining({
          site: "main",
          start: at(from as string),
          end: at(to as string),
          missing: 1,
          cause: "no-keyholder-available",
          reason: "nobody with keyholder works at main",
        }),
      ),
    );
  });
});
