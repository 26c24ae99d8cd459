import { it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Problem } from "../../src/model/problem";
import type { Rota, Uncovered } from "../../src/model/rota";
import { solve } from "../../src/solve/solve";
import { swapCandidates } from "../../src/solve/swaps";
import { example } from "../support/examples";
import { problems } from "./problems";

// A gap's reason and its swap candidates must come from the same facts, and a reason that names a
// rule and people must be true: without that rule, one of them could take part of the gap.

const BUDGET = 150;
const RUNS = 25;
const NOBODY: string[] = ["nobody-available", "nobody-trained", "only-shadowing"];

const coverGaps = (rota: Rota) =>
  rota.uncovered.filter((u): u is Uncovered & { point: string } => (u.rule ?? "cover") === "cover" && !!u.point);
const query = (gap: Uncovered & { point: string }) => ({ point: gap.point, start: gap.start, end: gap.end });
const wholeOf = (gap: Uncovered, covers: { start: string; end: string }) =>
  Date.parse(covers.start) === Date.parse(gap.start) && Date.parse(covers.end) === Date.parse(gap.end);
/** The people a reason names, among those of the problem (names may be cut short: "and 2 more"). */
const named = (problem: Problem, reason: string) => problem.people.filter((p) => reason.includes(p.name));

/** The problem without one rule, for the people it names; undefined for causes that are not a rule. */
function withoutRule(problem: Problem, gap: Uncovered, people: string[]): Problem | undefined {
  const copy = JSON.parse(JSON.stringify(problem)) as Problem;
  const mine = (id: string) => people.includes(id);
  switch (gap.cause) {
    case "hours-used-up":
      for (const p of copy.people) if (mine(p.id)) p.hours = { ...p.hours, max: 168 };
      return copy;
    case "stint-limit":
      for (const site of copy.sites) for (const point of site.servicePoints) delete point.maxStintMinutes;
      return copy;
    case "shift-rules":
      for (const p of copy.people)
        if (mine(p.id)) {
          p.shifts = { minMinutes: copy.slotMinutes, maxPerDay: 4 };
          p.hours = { ...p.hours, max: 168 };
          delete p.hours.maxPerDay;
        }
      // The catch-all names the rules of a shift together: lifted together, they let one of them in.
      for (const site of copy.sites) for (const point of site.servicePoints) delete point.maxStintMinutes;
      copy.rules = { ...copy.rules, minRestMinutes: 0 };
      return copy;
    default:
      return undefined;
  }
}

describe("gap reasons on generated problems", () => {
  it.prop([problems()], { numRuns: RUNS })(
    "a gap whose reason says nobody is available has no whole-gap candidate; one with a whole-gap candidate names them",
    (problem) => {
      const rota = solve(problem, { workBudget: BUDGET, seed: 1 });
      for (const gap of coverGaps(rota)) {
        const whole = swapCandidates(problem, rota, query(gap)).candidates.filter(
          (c) => c.takes === "whole" && wholeOf(gap, c.covers),
        );
        if (NOBODY.includes(gap.cause ?? "")) expect(whole, gap.reason).toEqual([]);
        if (whole.length === 0) continue;
        expect(NOBODY, gap.reason).not.toContain(gap.cause);
        const names = named(problem, gap.reason).map((p) => p.id);
        expect(
          whole.some((c) => names.includes(c.person)),
          `${gap.reason} / ${whole.map((c) => c.person)}`,
        ).toBe(true);
      }
    },
  );

  it.prop([problems()], { numRuns: RUNS })(
    "a reason naming a rule and people: without that rule, one of them can take part of the gap",
    (problem) => {
      const rota = solve(problem, { workBudget: BUDGET, seed: 1 });
      for (const gap of coverGaps(rota)) {
        const people = named(problem, gap.reason).map((p) => p.id);
        const relaxed = withoutRule(problem, gap, people);
        if (!relaxed || people.length === 0) continue;
        const report = swapCandidates(relaxed, rota, query(gap));
        expect(
          report.candidates.some((c) => people.includes(c.person)),
          `${gap.cause}: ${gap.reason}`,
        ).toBe(true);
      }
    },
  );

  it.prop([problems()], { numRuns: RUNS })(
    "students named as kept away by the student rule are free and able, with no staff member on site then",
    (problem) => {
      const rota = solve(problem, { workBudget: BUDGET, seed: 1 });
      for (const gap of coverGaps(rota).filter((g) => g.cause === "student-alone")) {
        const students = named(problem, gap.reason);
        expect(students.length).toBeGreaterThan(0);
        for (const s of students) expect(s.role).toBe("student");
        const site = problem.sites.find((x) => x.servicePoints.some((k) => k.id === gap.point));
        const staffThere = rota.assignments.filter((a) => {
          const person = problem.people.find((p) => p.id === a.person);
          const here = site?.servicePoints.some((k) => k.id === a.point);
          return (
            here &&
            person?.role !== "student" &&
            Date.parse(a.start) < Date.parse(gap.end) &&
            Date.parse(gap.start) < Date.parse(a.end)
          );
        });
        expect(staffThere).toEqual([]);
      }
    },
  );
});

describe("the small campus with students only", () => {
  it("says what stops them: students are never on site without a staff member", () => {
    const campus = example("small-campus");
    const students = {
      ...campus,
      people: campus.people.map((p) => ({ ...p, role: "student" as const, qualifications: [] })),
    };
    const rota = solve(students, { workBudget: 50, seed: 1 });
    expect(rota.uncovered.length).toBeGreaterThan(0);
    for (const gap of coverGaps(rota)) {
      expect(gap.cause).toBe("student-alone");
      expect(gap.reason).toContain("students are never on site without a staff member");
    }
  });
});
