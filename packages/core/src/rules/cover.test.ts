import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { solve } from "../solve/solve";
import { solveModel } from "../../test/support/highs";
import { at, band, brokenRules, gap, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";

// The help desk needs two people Monday 09:00–13:00; Ann and Bob can both lead and hold keys.
const twoNeeded = site("main", { servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 2)])] });
const problem = tinyProblem({ sites: [twoNeeded], people: [staff("ann"), staff("bob")] });
const annAlone = [stint("ann", "desk", "09:00", "13:00")];
const slots = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"];

describe("cover", () => {
  it("reports every slot below the minimum that the rota does not list as uncovered", () => {
    const report = check(problem, rota(annAlone));
    expect(brokenRules(report)).toEqual(["cover"]);
    expect(report.violations).toEqual(
      slots.map((time, i) => ({
        rule: "cover",
        point: "desk",
        start: at(time),
        end: at(slots[i + 1] ?? "13:00"),
        message: `desk at ${at(time)}: the rota leaves 1 missing without reporting it as uncovered`,
      })),
    );
  });

  it("accepts the gap reported once, as one run with the number missing", () => {
    expect(check(problem, rota(annAlone, [gap("cover", "desk", "09:00", "13:00")])).valid).toBe(true);
    expect(
      check(
        problem,
        rota(annAlone, [
          gap("cover", "desk", "09:00", "11:00"),
          { ...gap("cover", "desk", "11:00", "13:00"), rule: undefined },
        ]),
      ).valid,
    ).toBe(true);
  });

  it("reports a wrong number missing, a gap reported twice, and a gap that is not there", () => {
    const wrong = check(problem, rota(annAlone, [gap("cover", "desk", "09:00", "13:00", 2)]));
    expect(wrong.violations[0]).toEqual(
      expect.objectContaining({
        rule: "cover",
        start: at("09:00"),
        message: `desk at ${at("09:00")}: the rota reports 2 missing where 1 is`,
      }),
    );
    const twice = check(
      problem,
      rota(annAlone, [gap("cover", "desk", "09:00", "13:00"), gap("cover", "desk", "12:00", "13:00")]),
    );
    expect(twice.violations).toEqual([
      expect.objectContaining({
        rule: "cover",
        start: at("12:00"),
        message: `desk at ${at("12:00")}: the rota reports the same gap 2 times`,
      }),
      expect.objectContaining({
        rule: "cover",
        start: at("12:30"),
        message: `desk at ${at("12:30")}: the rota reports the same gap 2 times`,
      }),
    ]);
    const phantom = check(
      problem,
      rota([...annAlone, stint("bob", "desk", "09:00", "13:00")], [gap("cover", "desk", "09:00", "09:30")]),
    );
    expect(phantom.violations).toEqual([
      expect.objectContaining({
        rule: "cover",
        point: "desk",
        start: at("09:00"),
        message: `desk at ${at("09:00")}: the rota reports 1 missing where nothing is`,
      }),
    ]);
  });

  it("reports an uncovered entry for an unknown point, or for a time the point is closed", () => {
    const unknown = check(
      problem,
      rota([...annAlone, stint("bob", "desk", "09:00", "13:00")], [gap("cover", "nowhere", "09:00", "09:30")]),
    );
    expect(unknown.violations).toEqual([
      expect.objectContaining({
        rule: "cover",
        message: expect.stringContaining("reports a cover gap without a known point"),
      }),
    ]);
    const closed = check(
      problem,
      rota([...annAlone, stint("bob", "desk", "09:00", "13:00")], [gap("cover", "desk", "14:00", "15:00")]),
    );
    expect(closed.violations).toEqual([
      expect.objectContaining({ rule: "cover", point: "desk", message: expect.stringContaining("while it is closed") }),
    ]);
  });

  it("does not count shadowing stints toward the minimum", () => {
    const shadowed = tinyProblem({
      sites: [twoNeeded],
      people: [staff("ann"), staff("zed", { training: { helpdesk: "shadowing" }, qualifications: [] })],
    });
    const withShadow = [...annAlone, stint("zed", "desk", "09:00", "13:00", undefined, { shadowing: true })];
    expect(check(shadowed, rota(withShadow)).byRule.cover).toBe(8);
    expect(check(shadowed, rota(withShadow, [gap("cover", "desk", "09:00", "13:00")])).valid).toBe(true);
  });

  it("scores each missing person-hour at the cover weight", () => {
    expect(scoreRota(problem, rota(annAlone)).byRule.cover).toBe(4 * 1000);
    expect(
      scoreRota(tinyProblem({ sites: [twoNeeded], people: problem.people, weights: { cover: 10 } }), rota(annAlone))
        .byRule.cover,
    ).toBe(40);
    expect(scoreRota(problem, rota([...annAlone, stint("bob", "desk", "09:00", "13:00")])).byRule.cover).toBe(0);
  });

  it("makes the model pay the cover weight for every person-hour it leaves short", async () => {
    const alone = tinyProblem({ sites: [twoNeeded], people: [staff("ann")] });
    const { rota: solved, objective } = await solveModel(alone);
    expect(solved.assignments).toEqual([{ person: "ann", point: "desk", start: at("09:00"), end: at("13:00") }]);
    const score = scoreRota(alone, solved);
    expect(score.byRule.cover).toBe(4 * 1000);
    expect(objective).toBeCloseTo(score.soft, 6);
  });

  describe("every gap of a solved rota carries the binding cause", () => {
    const gapsOf = (overrides: Record<string, unknown>) =>
      solve(tinyProblem(overrides), { workBudget: 200, seed: 1 }).uncovered.filter((u) => u.rule === "cover");

    it("nobody trained", () => {
      expect(gapsOf({ people: [staff("ann", { training: {} })] })).toEqual([
        expect.objectContaining({
          point: "desk",
          start: at("09:00"),
          end: at("13:00"),
          missing: 1,
          cause: "nobody-trained",
          reason: "nobody who works at main is trained for desk",
        }),
      ]);
    });

    it("only people still shadowing", () => {
      expect(gapsOf({ people: [staff("ann", { training: { helpdesk: "shadowing" } })] })).toEqual([
        expect.objectContaining({
          cause: "only-shadowing",
          reason: expect.stringContaining("do not count toward cover"),
        }),
      ]);
    });

    it("nobody available, naming who is absent", () => {
      expect(gapsOf({ people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } })] })).toEqual([
        expect.objectContaining({ start: at("11:00"), cause: "nobody-available" }),
      ]);
      expect(
        gapsOf({ people: [staff("ann", { absences: [{ from: "2026-11-23T11:00", to: "2026-11-23T18:00" }] })] }),
      ).toEqual([
        expect.objectContaining({
          start: at("11:00"),
          cause: "nobody-available",
          reason: expect.stringContaining("(ann absent)"),
        }),
      ]);
    });

    it("hour caps used up", () => {
      expect(gapsOf({ people: [staff("ann", { hours: { target: 2, max: 2 } })] })).toEqual([
        expect.objectContaining({
          start: at("11:00"),
          cause: "hours-used-up",
          reason: expect.stringContaining("weekly maximum"),
        }),
      ]);
    });

    it("the stint limit", () => {
      const limited = site("main", {
        servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)], { maxStintMinutes: 120 })],
      });
      expect(gapsOf({ sites: [limited], people: [staff("ann")] })).toEqual([
        expect.objectContaining({
          start: at("11:00"),
          cause: "stint-limit",
          reason: expect.stringContaining("120 min limit"),
        }),
      ]);
    });
  });
});
