import { it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Problem } from "../../src/model/problem";
import type { Rota, Uncovered } from "../../src/model/rota";
import { buildView } from "../../src/check/view";
import { availability } from "../../src/rules/availability";
import { solve } from "../../src/solve/solve";
import { swapCandidates } from "../../src/solve/swaps";
import { example } from "../support/examples";
import { band, hardViolations, point, site, staff, student, tinyProblem } from "../support/tiny";
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

/**
 * One of the people on one slot of the gap, added to the rota as it is, breaks no hard rule of the
 * relaxed problem (by the checker). The swap list plans one shift a day, so a second shift that a
 * lifted one-shift-a-day rule allows shows here, not there.
 */
function fitsOneSlot(relaxed: Problem, rota: Rota, gap: Uncovered & { point: string }, people: string[]): boolean {
  const step = relaxed.slotMinutes * 60_000;
  for (let t = Date.parse(gap.start); t < Date.parse(gap.end); t += step)
    for (const person of people) {
      const there = {
        person,
        point: gap.point,
        start: new Date(t).toISOString(),
        end: new Date(t + step).toISOString(),
      };
      if (hardViolations(relaxed, { assignments: [...rota.assignments, there] }).length === 0) return true;
    }
  return false;
}

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
          report.candidates.some((c) => people.includes(c.person)) || fitsOneSlot(relaxed, rota, gap, people),
          `${gap.cause}: ${gap.reason}`,
        ).toBe(true);
      }
    },
  );

  it.prop([problems()], { numRuns: RUNS })(
    "students named as kept away by the student rule are free for it only when no staff member is on site",
    (problem) => {
      const rota = solve(problem, { workBudget: BUDGET, seed: 1 });
      const step = problem.slotMinutes * 60_000;
      for (const gap of coverGaps(rota).filter((g) => g.cause === "student-alone")) {
        const students = named(problem, gap.reason);
        expect(students.length).toBeGreaterThan(0);
        for (const s of students) expect(s.role).toBe("student");
        const site = problem.sites.find((x) => x.servicePoints.some((k) => k.id === gap.point));
        const staffAt = (from: number, to: number) =>
          rota.assignments.some((a) => {
            const person = problem.people.find((p) => p.id === a.person);
            const here = site?.servicePoints.some((k) => k.id === a.point);
            return here && person?.role !== "student" && Date.parse(a.start) < to && from < Date.parse(a.end);
          });
        const onIt = (person: string, t: number) =>
          rota.assignments.some(
            (a) => a.person === person && a.point === gap.point && Date.parse(a.start) <= t && t < Date.parse(a.end),
          );
        // Wherever a staff member is on site during the gap, the checker must find each student named
        // (and not already on it) unavailable there: the student rule binds only while they are free.
        for (let t = Date.parse(gap.start); t < Date.parse(gap.end); t += step) {
          if (!staffAt(t, t + step)) continue;
          for (const s of students.filter((x) => !onIt(x.id, t))) {
            const there = {
              person: s.id,
              point: gap.point,
              start: new Date(t).toISOString(),
              end: new Date(t + step).toISOString(),
            };
            expect(
              availability.check?.(buildView(problem, { assignments: [there] })),
              `${s.id} ${there.start}`,
            ).not.toEqual([]);
          }
        }
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

describe("a student on a day when a staff member is there only part of the time", () => {
  // Monday 09:00–17:00: a help desk and a roving point each need one person. Sam (staff, help desk
  // only) is free 12:00–14:00; Stu (a student) is trained for both.
  const day = (stu: Record<string, unknown>, samFree: string[]) =>
    tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "17:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)]),
            point("roam", "roving", [band(["mon"], "09:00", "17:00", 1)]),
          ],
        }),
      ],
      people: [
        staff("sam", { hours: { target: 2, max: 2 }, availability: { mon: [samFree] } }),
        student("stu", { training: { helpdesk: "independent", roving: "independent" }, ...stu }),
      ],
    });
  const roving = (rota: Rota) => coverGaps(rota).filter((g) => g.point === "roam");

  it("names the shift rules when only they keep the student from the staffed middle of the gap", () => {
    // A 3 h minimum shift within a 2 h week: Stu can never work, though Sam is there 12:00–14:00.
    const problem = day({ hours: { target: 2, max: 2 }, shifts: { minMinutes: 180 } }, ["12:00", "14:00"]);
    const rota = solve(problem, { workBudget: 50, seed: 1 });
    const [gap] = roving(rota);
    expect(gap?.cause).toBe("shift-rules");
    const relaxed = withoutRule(problem, gap as Uncovered, ["stu"]) as Problem;
    const takes = swapCandidates(relaxed, rota, query(gap as Uncovered & { point: string })).candidates;
    expect(takes.map((c) => [c.person, c.covers.start.slice(11, 16), c.covers.end.slice(11, 16)])).toEqual([
      ["stu", "12:00", "14:00"],
    ]);
  });

  it("names the student rule when the staff member is there only while the student is away", () => {
    const problem = day({ availability: { mon: [["13:00", "17:00"]] } }, ["09:00", "11:00"]);
    const rota = solve(problem, { workBudget: 50, seed: 1 });
    const gaps = roving(rota);
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.cause).toBe("student-alone");
      expect(gap.reason).toContain("no staff member is at main while they are free");
    }
  });
});
