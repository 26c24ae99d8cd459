import { fc, it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { check } from "../../src/check";
import { applyChange, type Change } from "../../src/model/change";
import type { Problem } from "../../src/model/problem";
import type { Assignment, Rota, RotaInput } from "../../src/model/rota";
import { resolve } from "../../src/solve/resolve";
import { applySwap, swapCandidates } from "../../src/solve/swaps";
import { solve } from "../../src/solve/solve";
import { DEFAULT_MIN_SHIFT_MINUTES } from "../../src/model/defaults";
import { parseDated, siteSlots } from "../../src/time/week";
import { problems } from "./problems";

/** Small budgets keep each solve and re-solve to a fraction of a second; the properties hold at any budget. */
const PUBLISH_BUDGET = 100;
const RESOLVE_BUDGET = 100;
const RUNS = 20;
const HALF_HOUR = 30 * 60_000;

const publish = (problem: Problem) => solve(problem, { workBudget: PUBLISH_BUDGET, seed: 1 });
const repair = (problem: Problem, published: RotaInput, change: Change, now: number) =>
  resolve(problem, published, change, { now: iso(now), workBudget: RESOLVE_BUDGET, seed: 1 });

/** The moment of the re-solve: from a day before the week to its end, on the half hour. */
const nowArb = fc.integer({ min: -48, max: 7 * 48 });
const nowOf = (problem: Problem, halfHours: number) =>
  parseDated(`${problem.weekStart}T00:00`, problem.timeZone) + halfHours * HALF_HOUR;

/** An absence of one person, from `now` or later (the past is not in question here), 30 min to 10 h long. */
const absenceArb = fc.record({
  who: fc.nat(),
  after: fc.integer({ min: 0, max: 7 * 48 }),
  length: fc.integer({ min: 1, max: 20 }),
});
function absenceOf(problem: Problem, now: number, a: { who: number; after: number; length: number }) {
  const person = problem.people[a.who % problem.people.length] as Problem["people"][number];
  const from = Math.max(now, nowOf(problem, 0)) + a.after * HALF_HOUR;
  return { person: person.id, from: iso(from), to: iso(from + a.length * HALF_HOUR), reason: "sick" };
}

describe("re-solving generated rotas", () => {
  it.prop([problems({ maxPeople: 6 }), nowArb, fc.constantFrom(0, 20, PUBLISH_BUDGET)], { numRuns: RUNS })(
    "returns the published rota unchanged for an empty change, and says that is minimal",
    (problem, halfHours, budget) => {
      // Published rotas are not always the solver's best: cut short, or edited by hand.
      const published = solve(problem, { workBudget: budget, seed: 1 });
      const result = repair(problem, published, {}, nowOf(problem, halfHours));
      expect(result.diff).toEqual({ changes: 0, people: [], words: [] });
      expect(result.minimal).toBe(true);
      expect(sorted(result.rota.assignments)).toEqual(sorted(published.assignments));
    },
  );

  it.prop([problems({ maxPeople: 6 }), nowArb, absenceArb], { numRuns: RUNS })(
    "takes the absent person off everything inside the absence, changes nothing before now, and passes the checker",
    (problem, halfHours, a) => {
      const published = publish(problem);
      const now = nowOf(problem, halfHours);
      const absence = absenceOf(problem, now, a);
      const change: Change = { absences: [absence] };
      const result = repair(problem, published, change, now);
      const changed = changedProblem(problem, change);

      expect(check(changed, result.rota).violations).toEqual([]);
      const [from, to] = [Date.parse(absence.from), Date.parse(absence.to)];
      const inside = result.rota.assignments.filter(
        (x) => x.person === absence.person && Date.parse(x.start) < to && from < Date.parse(x.end),
      );
      expect(inside).toEqual([]);

      // A shift under way that the absence cuts below the minimum shift length cannot stand (rule 5
      // has no exception for a shift cut short): it goes whole, the part already worked included.
      const minimum =
        (problem.people.find((p) => p.id === absence.person)?.shifts?.minMinutes ?? DEFAULT_MIN_SHIFT_MINUTES) * 60_000;
      const cutShort = published.assignments.some(
        (x) =>
          x.person === absence.person &&
          Date.parse(x.start) < now &&
          from < Date.parse(x.end) &&
          from - shiftStart(published, x) < minimum,
      );
      const kept = (placements: Map<string, string>) =>
        new Map([...placements].filter(([key]) => !cutShort || !key.startsWith(`${absence.person}@`)));
      expect(kept(placementsBefore(problem, result.rota, now))).toEqual(
        kept(placementsBefore(problem, published, now)),
      );
      // A stint under way at `now` is kept whole, unless the absence cuts it short.
      for (const stint of published.assignments.filter((x) => Date.parse(x.start) < now)) {
        if (stint.person === absence.person && Date.parse(stint.start) < to && from < Date.parse(stint.end)) continue;
        expect(result.rota.assignments).toContainEqual(expect.objectContaining(within(stint)));
      }
    },
  );

  it.prop([problems({ maxPeople: 6 }), nowArb, changeArb()], { numRuns: RUNS })(
    "gives a rota the checker accepts after any kind of change",
    (problem, halfHours, pick) => {
      const published = publish(problem);
      const now = nowOf(problem, halfHours);
      const change = pick(problem, published, now);
      const result = repair(problem, published, change, now);
      expect(check(changedProblem(problem, change), result.rota).violations).toEqual([]);
      expect(result.rota.diff).toEqual(result.diff);
    },
  );

  it.prop([problems({ maxPeople: 6 }), nowArb, absenceArb, fc.nat()], { numRuns: RUNS })(
    "keeps the coordinator's pins through a re-solve",
    (problem, halfHours, a, pick) => {
      // A pin some valid rota keeps: a whole shift a staff member works in a solved rota.
      const first = publish(problem);
      const shifts = first.assignments.filter(
        (x) => !x.shadowing && isStaff(problem, x.person) && isWholeShift(first, x),
      );
      fc.pre(shifts.length > 0);
      const chosen = shifts[pick % shifts.length] as Assignment;
      const pin = { person: chosen.person, point: chosen.point, start: chosen.start, end: chosen.end };
      const pinned: Problem = { ...problem, pinned: [pin] };
      const published = solve(pinned, { workBudget: PUBLISH_BUDGET, seed: 2 });
      const now = nowOf(problem, halfHours);
      const absence = absenceOf(problem, now, a);

      const result = repair(pinned, published, { absences: [absence] }, now);
      expect(check(changedProblem(pinned, { absences: [absence] }), result.rota).violations).toEqual([]);
      // The pinned person's own absence releases the pin; any other keeps it.
      const released =
        absence.person === pin.person &&
        Date.parse(absence.from) < Date.parse(pin.end) &&
        Date.parse(pin.start) < Date.parse(absence.to);
      if (!released) expect(result.rota.assignments).toContainEqual(expect.objectContaining(within(pin)));
    },
  );

  it.prop([problems({ maxPeople: 6 }), fc.nat()], { numRuns: RUNS })(
    "keeps a pin the change adds, wherever the published rota had people",
    (problem, pick) => {
      // A pin some valid rota keeps: a whole shift of a staff member in another solved rota.
      const published = publish(problem);
      const other = solve(problem, { workBudget: PUBLISH_BUDGET, seed: 2 });
      const shifts = other.assignments.filter(
        (x) => !x.shadowing && isStaff(problem, x.person) && isWholeShift(other, x),
      );
      fc.pre(shifts.length > 0);
      const chosen = shifts[pick % shifts.length] as Assignment;
      const change: Change = {
        pin: [{ person: chosen.person, point: chosen.point, start: chosen.start, end: chosen.end }],
      };

      const result = repair(problem, published, change, nowOf(problem, -48));
      expect(check(changedProblem(problem, change), result.rota).violations).toEqual([]);
      expect(result.rota.assignments).toContainEqual(expect.objectContaining(within(chosen)));
    },
  );

  it.prop([problems({ maxPeople: 6 }), fc.nat(), fc.nat()], { numRuns: RUNS })(
    "applies the top swap candidate for a gap (and every other) as a rota the checker accepts",
    (problem, pickPoint, pickSlot) => {
      const published = publish(problem);
      // A gap the solver left, or else any open stretch of a point (someone may want to swap in).
      const gaps = published.uncovered.filter((u) => u.point !== undefined);
      const query =
        gaps.length > 0
          ? gapQuery(gaps[pickPoint % gaps.length] as Rota["uncovered"][number])
          : anyStretch(problem, pickPoint, pickSlot);
      const report = swapCandidates(problem, published, query);
      fc.pre(report.candidates.length > 0);
      // The top one, and every other: each applied is a rota the checker accepts, with the candidate
      // at the point for the part of the gap they said they would take.
      for (const candidate of report.candidates) {
        const swapped = applySwap(problem, published, candidate);
        expect(check(problem, swapped).violations).toEqual([]);
        expect(swapped.assignments).toContainEqual(
          expect.objectContaining(within({ person: candidate.person, point: query.point, ...candidate.covers })),
        );
      }
    },
  );
});

/** The kinds of change a coordinator makes, each valid for the problem it is applied to. */
function changeArb() {
  return fc.oneof(
    absenceArb.map(
      (a) =>
        (problem: Problem, _published: RotaInput, now: number): Change => ({ absences: [absenceOf(problem, now, a)] }),
    ),
    // Reported late: the absence began before the re-solve (a stint under way may end early).
    absenceArb.map(
      (a) =>
        (problem: Problem): Change => ({ absences: [absenceOf(problem, -Infinity, a)] }),
    ),
    fc.nat().map(
      (who) =>
        (problem: Problem): Change => ({
          removePeople: [(problem.people[who % problem.people.length] as Problem["people"][number]).id],
        }),
    ),
    fc.record({ who: fc.nat(), drop: fc.nat() }).map(({ who, drop }) => (problem: Problem): Change => {
      // One weekday less than before: the weekly pattern loses a day.
      const person = problem.people[who % problem.people.length] as Problem["people"][number];
      const week = person.availability ?? {};
      const days = Object.keys(week) as (keyof typeof week)[];
      const gone = days[drop % Math.max(1, days.length)];
      return {
        availability: [
          {
            person: person.id,
            availability: Object.fromEntries(days.filter((d) => d !== gone).map((d) => [d, week[d]])),
          },
        ],
      };
    }),
    fc.nat().map((which) => (problem: Problem): Change => {
      // A busier point: every band of one point needs one person more.
      const points = problem.sites.flatMap((s) => s.servicePoints);
      const point = points[which % points.length] as (typeof points)[number];
      return {
        cover: [
          {
            point: point.id,
            cover: point.cover.map((b) => ({
              ...b,
              min: b.min + 1,
              ...(b.target !== undefined ? { target: b.target + 1 } : {}),
              ...(b.max !== undefined ? { max: b.max + 1 } : {}),
            })),
          },
        ],
      };
    }),
    fc.nat().map((which) => (_problem: Problem, published: RotaInput, now: number): Change => {
      // A published stint after `now` pinned where it is.
      const later = published.assignments.filter((x) => Date.parse(x.start) >= now);
      const chosen = later[which % Math.max(1, later.length)];
      return chosen
        ? { pin: [{ person: chosen.person, point: chosen.point, start: chosen.start, end: chosen.end }] }
        : {};
    }),
    fc.nat().map((who) => (problem: Problem): Change => {
      // A newcomer who can do what an existing colleague does, every day.
      const model = problem.people[who % problem.people.length] as Problem["people"][number];
      return {
        addPeople: [
          {
            ...model,
            id: "newcomer",
            name: "New Comer",
            availability: {
              mon: [["00:00", "24:00"]],
              tue: [["00:00", "24:00"]],
              wed: [["00:00", "24:00"]],
              thu: [["00:00", "24:00"]],
              fri: [["00:00", "24:00"]],
              sat: [["00:00", "24:00"]],
              sun: [["00:00", "24:00"]],
            },
          },
        ],
      };
    }),
  );
}

function changedProblem(problem: Problem, change: Change): Problem {
  const applied = applyChange(problem, change);
  if (!applied.ok) throw new Error(`the test built an invalid change: ${JSON.stringify(applied.issues)}`);
  return applied.value;
}

/** person@slotStart → point, for every slot that starts before `now` (people still in the problem). */
function placementsBefore(problem: Problem, rota: RotaInput, now: number): Map<string, string> {
  const step = problem.slotMinutes * 60_000;
  const out = new Map<string, string>();
  for (const x of rota.assignments) {
    for (let t = Date.parse(x.start); t < Date.parse(x.end) && t < now; t += step) out.set(`${x.person}@${t}`, x.point);
  }
  return out;
}

/** When the shift that an assignment belongs to began: back over the person's stints that end where the next begins. */
function shiftStart(rota: RotaInput, stint: Assignment): number {
  let start = Date.parse(stint.start);
  for (
    let before = rota.assignments.find((x) => x.person === stint.person && Date.parse(x.end) === start);
    before;
    before = rota.assignments.find((x) => x.person === stint.person && Date.parse(x.end) === start)
  ) {
    start = Date.parse(before.start);
  }
  return start;
}

/** Matches an assignment of the same person and point that contains the interval. */
function within(x: { person: string; point: string; start: string; end: string }) {
  return {
    person: x.person,
    point: x.point,
    start: expect.toSatisfy((s: string) => Date.parse(s) <= Date.parse(x.start)),
    end: expect.toSatisfy((e: string) => Date.parse(x.end) <= Date.parse(e)),
  };
}

function sorted(assignments: readonly Assignment[]): string[] {
  return assignments
    .map((x) => `${x.person} ${x.point} ${Date.parse(x.start)} ${Date.parse(x.end)} ${x.shadowing ? "shadowing" : ""}`)
    .sort();
}

function gapQuery(gap: Rota["uncovered"][number]) {
  return { point: gap.point as string, start: gap.start, end: gap.end };
}

/** Two hours (or what is left of the day) of some point from some open slot. */
function anyStretch(problem: Problem, pickPoint: number, pickSlot: number) {
  const points = problem.sites.flatMap((site) => site.servicePoints.map((point) => ({ site, point })));
  const { site, point } = points[pickPoint % points.length] as (typeof points)[number];
  const slots = siteSlots(problem, site);
  const slot = slots[pickSlot % slots.length] as (typeof slots)[number];
  return { point: point.id, start: iso(slot.start), end: iso(slot.start + 2 * 60 * 60_000) };
}

function isStaff(problem: Problem, person: string): boolean {
  return problem.people.find((p) => p.id === person)?.role === "staff";
}

/** The assignment is a shift on its own: the person does not work right before or after it. */
function isWholeShift(rota: Rota, a: Assignment): boolean {
  return !rota.assignments.some(
    (b) =>
      b !== a &&
      b.person === a.person &&
      (Date.parse(b.end) === Date.parse(a.start) || Date.parse(b.start) === Date.parse(a.end)),
  );
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}
