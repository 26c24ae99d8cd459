import { describe, expect, it } from "vitest";
import { check } from "../check";
import { compile } from "../compile/instance";
import { solve } from "../solve/solve";
import { DeskrotaInputError } from "../solve/errors";
import { solveModel, withoutRows } from "../../test/support/highs";
import {
  at,
  band,
  brokenRules,
  hardViolations,
  point,
  rota,
  site,
  staff,
  stint,
  student,
  tinyProblem,
} from "../../test/support/tiny";
import { HARD_RULES } from ".";
import { pinIssues } from "./pinned";

// The help desk needs one person Monday 09:00–13:00; the coordinator pinned Ann to it 09:00–11:00.
// Ann may work 1-hour shifts, so that a pin kept in part breaks no other rule.
const pin = { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" };
const problem = tinyProblem({ people: [staff("ann", { shifts: { minMinutes: 60 } }), staff("bob")], pinned: [pin] });

describe("pinned", () => {
  it("reports a pinned stint that the rota does not keep, from its first missing slot", () => {
    const report = check(problem, rota([stint("bob", "desk", "09:00", "13:00")]));
    expect(brokenRules(report)).toEqual(["pinned"]);
    expect(report.violations).toEqual([
      {
        rule: "pinned",
        person: "ann",
        point: "desk",
        start: at("09:00"),
        end: at("11:00"),
        message: `ann was pinned to desk from ${at("09:00")} but is not there`,
      },
    ]);
  });

  it("reports a pin kept only in part", () => {
    const report = check(
      problem,
      rota([stint("bob", "desk", "09:00", "11:00"), stint("ann", "desk", "11:00", "13:00")]),
    );
    expect(report.violations).toEqual([expect.objectContaining({ rule: "pinned", person: "ann", start: at("09:00") })]);
    const late = check(problem, rota([stint("ann", "desk", "09:00", "10:30"), stint("bob", "desk", "10:30", "13:00")]));
    expect(late.violations).toEqual([
      expect.objectContaining({ rule: "pinned", person: "ann", start: at("10:30"), end: at("11:00") }),
    ]);
  });

  it("accepts a rota that keeps the pin, even inside a longer stint", () => {
    expect(
      check(problem, rota([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00")])).valid,
    ).toBe(true);
    expect(check(problem, rota([stint("ann", "desk", "09:00", "13:00")])).valid).toBe(true);
  });

  it("keeps the model's pins even where the objective would rather not", async () => {
    // Ann is pinned to roving (nobody needs it) while the desk needs someone all morning.
    const costly = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
            point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
          ],
        }),
      ],
      people: [staff("ann", { training: { helpdesk: "independent", roving: "independent" } })],
      pinned: [{ ...pin, point: "roving" }],
    });
    const loose = await solveModel(costly, withoutRows("pinned"));
    expect(hardViolations(costly, loose.rota).map((v) => v.rule)).toEqual(["pinned"]);

    const { rota: solved } = await solveModel(costly);
    expect(hardViolations(costly, solved)).toEqual([]);
    expect(solved.assignments).toContainEqual({ person: "ann", point: "roving", start: at("09:00"), end: at("11:00") });
  });

  it("keeps a pin that runs past midnight as one shift of the day it starts on", () => {
    // A 24-hour desk; Ann pinned Saturday 20:00 to Sunday 02:00. Split at midnight it would be a
    // 4-hour shift and a 2-hour one with no rest between them.
    const nights = tinyProblem({
      sites: [
        site("main", {
          open: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["sat", "sun"], "00:00", "24:00", 0, { max: 1 })]),
            point("roving", "roving", []),
          ],
        }),
      ],
      people: [staff("ann", { hours: { target: 6, max: 6 } })],
      pinned: [{ person: "ann", point: "desk", start: "2026-11-28T20:00", end: "2026-11-29T02:00" }],
    });
    const rota = solve(nights, { workBudget: 50, seed: 1 });
    expect(check(nights, rota).violations).toEqual([]);
    expect(rota.assignments).toContainEqual({
      person: "ann",
      point: "desk",
      start: at("20:00", "2026-11-28"),
      end: at("02:00", "2026-11-29"),
    });
  });

  it("keeps a student's (or a shadower's) pin when a colleague can be rostered beside them", () => {
    // The desk takes two counted people, so a staff member can be on site beside a pinned student.
    const roomy = site("main", {
      servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { max: 2 })])],
    });
    for (const person of [student("stu"), staff("zed", { training: { helpdesk: "shadowing" } })]) {
      const problem = tinyProblem({
        sites: [roomy],
        people: [staff("ann"), person],
        pinned: [{ ...pin, person: person.id as string }],
      });
      const solved = solve(problem, { workBudget: 100, seed: 1 });
      expect(check(problem, solved).valid).toBe(true);
      expect(solved.assignments).toContainEqual(
        expect.objectContaining({ person: person.id, point: "desk", start: at("09:00") }),
      );
    }
  });

  it("rejects a student's pin when no staff member can be on site beside them", () => {
    // One counted person at the only desk: the pinned student would be alone.
    const problem = tinyProblem({ people: [staff("ann"), student("stu")], pinned: [{ ...pin, person: "stu" }] });
    expect(() => solve(problem, { workBudget: 100, seed: 1 })).toThrow(DeskrotaInputError);
  });

  describe("pins that cannot be kept are input errors", () => {
    it("names the structural rule a pin breaks", () => {
      const untrained = tinyProblem({ people: [staff("ann", { training: {} })], pinned: [pin] });
      expect(pinIssues(compile(untrained), HARD_RULES)).toEqual([
        {
          code: "pin_conflict",
          path: ["pinned", 0],
          message:
            "ann cannot be pinned to desk at 2026-11-23T09:00: it breaks rule training (only trained people work a " +
            "point; shadowing only beside an independent colleague)",
        },
      ]);
    });

    it("rejects a pin off the open slots or off the grid", () => {
      const closed = tinyProblem({ pinned: [{ ...pin, start: "2026-11-23T12:00", end: "2026-11-23T14:00" }] });
      expect(pinIssues(compile(closed), HARD_RULES)).toEqual([
        expect.objectContaining({ code: "pin_off_grid", path: ["pinned", 0] }),
      ]);
      const offGrid = tinyProblem({ pinned: [{ ...pin, start: "2026-11-23T09:10" }] });
      expect(pinIssues(compile(offGrid), HARD_RULES)).toEqual([expect.objectContaining({ code: "pin_off_grid" })]);
    });

    it("rejects two pins of one person at the same time", () => {
      const twice = tinyProblem({ pinned: [pin, { ...pin, start: "2026-11-23T10:00", end: "2026-11-23T12:00" }] });
      expect(pinIssues(compile(twice), HARD_RULES)).toEqual([
        expect.objectContaining({
          code: "pin_conflict",
          path: ["pinned", 1],
          message: "ann is pinned twice at the same time (pins 0 and 1)",
        }),
      ]);
    });

    it("makes solve fail with the issues rather than drop the pin", () => {
      const untrained = tinyProblem({ people: [staff("ann", { training: {} })], pinned: [pin] });
      expect(() => solve(untrained, { workBudget: 10 })).toThrow(DeskrotaInputError);
    });
  });
});
