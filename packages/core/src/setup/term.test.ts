import { describe, expect, it } from "vitest";
import type { Problem } from "../model/problem";
import type { Assignment } from "../model/rota";
import { DeskrotaInputError } from "../solve/errors";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { planTerm, termSummary, termWeeks } from "./term";
import { setupFromProblem } from "./week";

/** Open Monday 09:00–21:00 (evening from 18:00); ann, bob and cy on 8, 8 and 4 hours. */
const { setup } = setupFromProblem(
  tinyProblem({
    sites: [
      site("main", {
        open: { mon: [["09:00", "21:00"]] },
        servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "21:00", 1)])],
      }),
    ],
    people: [
      staff("ann", { hours: { target: 8, max: 12 } }),
      staff("bob", { hours: { target: 8, max: 12 } }),
      staff("cy", { hours: { target: 4, max: 12 }, availability: { mon: [["09:00", "11:00"]] } }),
    ],
  }),
);

const stint = (person: string, date: string, from: string, to: string): Assignment => ({
  person,
  point: "desk",
  start: `${date}T${from}`,
  end: `${date}T${to}`,
});

describe("termWeeks", () => {
  it("lists the term's Mondays and refuses a start that is not one", () => {
    expect(termWeeks("2027-03-22", 3)).toEqual(["2027-03-22", "2027-03-29", "2027-04-05"]);
    expect(() => termWeeks("2027-03-23", 3)).toThrow(DeskrotaInputError);
    expect(() => termWeeks("2027-03-22", 0)).toThrow(/1 to 52/);
  });
});

describe("planTerm and termSummary", () => {
  it("solves the weeks in order, each built with the carry of the weeks before it", async () => {
    const seen: Problem[] = [];
    // A solver that gives ann the whole day every week, as a biased one would.
    const plan = await planTerm({
      setup,
      from: "2027-01-11",
      weeks: 3,
      solve: async (problem, weekStart) => {
        seen.push(problem);
        const monday = weekStart;
        return { assignments: [stint("ann", monday, "09:00", "17:00"), stint("bob", monday, "17:00", "21:00")] };
      },
    });
    expect(seen.map((p) => p.weekStart)).toEqual(["2027-01-11", "2027-01-18", "2027-01-25"]);
    // 12 desk hours a week: fair shares 4.8 / 4.8 / 2 (cy capped at the 2 h she can work, the rest re-shared).
    expect(plan.carry.people.ann?.fairShare).toBeCloseTo(15, 6);
    const targets = seen.map((p) => p.people.map((x) => x.hours.target));
    expect(targets[0]).toEqual([8, 8, 4]);
    expect(targets[1]?.[0]).toBeLessThan(8);
    expect(targets[1]?.[1]).toBeGreaterThan(8);
    expect(targets[2]?.[0]).toBeLessThan(targets[1]?.[0] as number);

    const summary = plan.summary;
    expect(summary.weeks).toEqual(
      ["2027-01-11", "2027-01-18", "2027-01-25"].map((weekStart) => ({
        weekStart,
        workedHours: 12,
        uncoveredHours: 0,
        unsocialHours: 3,
      })),
    );
    const ann = summary.people.find((p) => p.person === "ann");
    expect(ann).toMatchObject({
      worked: 24,
      contract: 24,
      fairShare: 15,
      fromFairShare: 9,
      fromContract: 0,
      unsocial: 0,
    });
    expect(ann?.weeks[0]).toEqual({
      weekStart: "2027-01-11",
      worked: 8,
      contract: 8,
      fairShare: 5,
      slotShare: 5,
      // 12 h in proportion to 8, 8 and 4, cy capped at the 2 h she can work: 5, 5 and 2.
      plainShare: 5,
      clampedShare: 5,
      unsocial: 0,
    });
    const cy = summary.people.find((p) => p.person === "cy");
    expect(cy).toMatchObject({ worked: 0, fairShare: 6, fromFairShare: -6 });
    expect(summary.maxFromFairShare).toBe(9);
    expect(summary.unsocial).toEqual({ min: 9, max: 9, spread: 0 });
  });

  it("solves each week alone when asked, so the two can be compared", async () => {
    const targets: number[][] = [];
    await planTerm({
      setup,
      from: "2027-01-11",
      weeks: 2,
      carryOver: false,
      solve: async (problem, monday) => {
        targets.push(problem.people.map((p) => p.hours.target));
        return { assignments: [stint("ann", monday, "09:00", "21:00")] };
      },
    });
    expect(targets).toEqual([
      [8, 8, 4],
      [8, 8, 4],
    ]);
  });

  it("counts uncovered hours from the assignments, not from the rota's own list", () => {
    const problem = tinyProblem({ ...setup, weekStart: "2027-01-11" });
    const summary = termSummary(
      [{ weekStart: "2027-01-11", problem, rota: { assignments: [stint("ann", "2027-01-11", "09:00", "17:00")] } }],
      setup,
    );
    expect(summary.weeks[0]?.uncoveredHours).toBe(4);
    expect(summary.uncoveredHours).toBe(4);
  });
});
