import { fc, it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { check, scoreRota } from "../../src/check";
import type { Problem } from "../../src/model/problem";
import { GAP_CAUSES, type Rota } from "../../src/model/rota";
import { solve } from "../../src/solve/solve";
import { siteSlots } from "../../src/time/week";
import { problems } from "./problems";

/** Small budgets keep each solve to a fraction of a second; the properties hold at any budget. */
const BUDGET = 150;
const RUNS = 25;
const deterministic = (problem: Problem, seed = 1) => solve(problem, { workBudget: BUDGET, seed });
/** Scores are rounded per rule to 0.001 before they are summed, so totals may differ in the last places. */
const ROUNDING = 0.01;

describe("the solver on generated problems", () => {
  it.prop([problems()], { numRuns: RUNS })(
    "returns a rota the checker accepts, every gap explained, scored as the checker scores it",
    (problem) => {
      const rota = deterministic(problem);
      const report = check(problem, rota);
      expect(report.violations).toEqual([]);

      for (const gap of rota.uncovered) {
        expect(gap.reason.length).toBeGreaterThan(0);
        expect(GAP_CAUSES).toContain(gap.cause);
      }
      expect(rota.score.hard).toBe(0);
      const score = scoreRota(problem, rota);
      expect(rota.score.soft).toBeCloseTo(score.soft, 6);
      expect(rota.score.byRule).toEqual(score.byRule);
      // The search keeps its objective incrementally; it must agree with the independent checker.
      expect(Math.abs((rota.solver?.objective ?? NaN) - score.soft)).toBeLessThanOrEqual(ROUNDING);
    },
  );

  it.prop([problems()], { numRuns: RUNS })(
    "lists every slot below a band's minimum in exactly one cover run, with how many are missing",
    (problem) => {
      const rota = deterministic(problem);
      const missing = belowMin(problem, rota);
      const reported = new Map<string, number>();
      for (const gap of rota.uncovered.filter((u) => (u.rule ?? "cover") === "cover")) {
        for (let t = Date.parse(gap.start); t < Date.parse(gap.end); t += problem.slotMinutes * 60_000) {
          const key = `${gap.point}@${t}`;
          expect(reported.has(key)).toBe(false);
          reported.set(key, gap.missing);
        }
      }
      expect(reported).toEqual(missing);
    },
  );

  it.prop([problems({ maxPeople: 5 })], { numRuns: 10 })(
    "is reproducible: the same problem and seed give the same rota",
    (problem) => {
      const { solver: first, ...rest } = deterministic(problem, 7);
      const { solver: again, ...restAgain } = deterministic(problem, 7);
      expect(restAgain).toEqual(rest);
      expect(again?.objective).toBe(first?.objective);
    },
  );

  it.prop([problems()], { numRuns: RUNS })("gives the same score whatever the order of the cover bands", (problem) => {
    const shuffled: Problem = {
      ...problem,
      sites: problem.sites.map((site) => ({
        ...site,
        servicePoints: site.servicePoints.map((point) => ({ ...point, cover: [...point.cover].reverse() })),
      })),
    };
    expect(deterministic(shuffled).score.soft).toBe(deterministic(problem).score.soft);
  });

  it.prop([problems(), fc.constantFrom("people", "sites", "points")], { numRuns: RUNS })(
    "gives the same score whatever the order of people, sites or points",
    (problem, what) => {
      const shuffled: Problem =
        what === "people"
          ? { ...problem, people: [...problem.people].reverse() }
          : what === "sites"
            ? { ...problem, sites: [...problem.sites].reverse() }
            : {
                ...problem,
                sites: problem.sites.map((site) => ({ ...site, servicePoints: [...site.servicePoints].reverse() })),
              };
      expect(deterministic(shuffled).score.soft).toBe(deterministic(problem).score.soft);
    },
  );

  it.prop([problems({ maxPeople: 6 }), fc.nat()], { numRuns: RUNS })(
    "keeps a pinned stint where the coordinator put it",
    (problem, pick) => {
      // A pin that some valid rota keeps: a whole shift a staff member works in a solved rota.
      const first = deterministic(problem);
      const candidates = first.assignments.filter(
        (a) => !a.shadowing && isStaff(problem, a.person) && isWholeShift(first, a),
      );
      fc.pre(candidates.length > 0);
      const chosen = candidates[pick % candidates.length] as Rota["assignments"][number];
      const pin = { person: chosen.person, point: chosen.point, start: chosen.start, end: chosen.end };
      const pinned: Problem = { ...problem, pinned: [pin] };

      const rota = deterministic(pinned, 3);
      expect(check(pinned, rota).violations).toEqual([]);
      const kept = rota.assignments.filter((a) => a.person === pin.person && a.point === pin.point);
      expect(
        kept.some((a) => Date.parse(a.start) <= Date.parse(pin.start) && Date.parse(pin.end) <= Date.parse(a.end)),
      ).toBe(true);
    },
  );

  it.prop([problems({ maxPeople: 6 }), fc.integer({ min: 1, max: 300 })], { numRuns: RUNS })(
    "stops at the deadline of the clock it is given, and still returns a valid rota",
    (problem, readsBefore) => {
      // A fake clock that stands still, then jumps to the deadline after `readsBefore` readings:
      // anywhere from inside the first construction sweep to deep in the search.
      const limit = 200;
      let reads = 0;
      const clock = () => (++reads <= readsBefore ? 1_000 : 1_000 + limit);
      const rota = solve(problem, { timeLimitMs: limit, clock, seed: 1 });
      expect(rota.solver?.status).toBe("time-limit");
      expect(rota.solver?.timeMs).toBe(limit);
      // Once the deadline shows, only a few readings follow (the checks that unwind the search,
      // the report's time stamps): no further search step runs.
      expect(reads - readsBefore).toBeLessThanOrEqual(10);
      expect(check(problem, rota).violations).toEqual([]);
    },
  );
});

function isStaff(problem: Problem, person: string): boolean {
  return problem.people.find((p) => p.id === person)?.role === "staff";
}

/** The assignment is a shift on its own: the person does not work right before or after it. */
function isWholeShift(rota: Rota, a: Rota["assignments"][number]): boolean {
  return !rota.assignments.some(
    (b) =>
      b !== a &&
      b.person === a.person &&
      (Date.parse(b.end) === Date.parse(a.start) || Date.parse(b.start) === Date.parse(a.end)),
  );
}

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * Worked out again here rather than asked of the checker: point@slotStart → how many people short
 * of the largest `min` of the bands covering the slot. Counted: independent for the point (by id,
 * else by kind) and not marked shadowing.
 */
function belowMin(problem: Problem, rota: Rota): Map<string, number> {
  const gaps = new Map<string, number>();
  const people = new Map(problem.people.map((p) => [p.id, p]));
  for (const site of problem.sites) {
    for (const slot of siteSlots(problem, site)) {
      for (const point of site.servicePoints) {
        const bands = point.cover.filter(
          (b) =>
            b.days.includes(DAY_NAMES[slot.day] as (typeof DAY_NAMES)[number]) &&
            minutesOf(b.from) <= slot.minute &&
            slot.minute + problem.slotMinutes <= minutesOf(b.to),
        );
        if (bands.length === 0) continue;
        const min = Math.max(...bands.map((b) => b.min));
        const counted = rota.assignments.filter((a) => {
          const training = people.get(a.person)?.training;
          const independent = (training?.[point.id] ?? training?.[point.kind]) === "independent";
          return (
            a.point === point.id &&
            !a.shadowing &&
            independent &&
            Date.parse(a.start) <= slot.start &&
            slot.end <= Date.parse(a.end)
          );
        }).length;
        if (counted < min) gaps.set(`${point.id}@${slot.start}`, min - counted);
      }
    }
  }
  return gaps;
}
