import { describe, expect, it } from "vitest";
import { check } from "../check";
import { at, band, point, rota, site, staff, stint, TUESDAY, tinyProblem } from "../../test/support/tiny";
import { DeskrotaInputError } from "./errors";
import { applySwap, swapCandidates } from "./swaps";

// The Main Library's Help Desk needs one person Monday and Tuesday 09:00–17:00, and nobody is on
// it Monday 13:00–17:00: the gap. Roving would like someone in the mornings. The Science Library
// next door has its own desk.
const MONDAY_AFTERNOON = { point: "desk", start: "2026-11-23T13:00", end: "2026-11-23T17:00" };
const main = site("main", {
  name: "Main Library",
  open: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
  servicePoints: [
    point("desk", "helpdesk", [band(["mon", "tue"], "09:00", "17:00", 1)], { name: "Help Desk" }),
    point("roving", "roving", [band(["mon", "tue"], "09:00", "13:00", 0, { target: 1 })], { name: "Roving" }),
  ],
});
const science = site("sci", {
  name: "Science Library",
  open: { mon: [["09:00", "17:00"]] },
  servicePoints: [point("sci-desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)], { name: "Science Desk" })],
});
const desk = { training: { helpdesk: "independent", roving: "independent" } };
const who = (id: string, extra: Record<string, unknown> = {}) =>
  staff(id, { ...desk, name: id[0]?.toUpperCase() + id.slice(1), hours: { target: 4, max: 8 }, ...extra });
const problem = tinyProblem({
  sites: [main, science],
  people: [
    who("ann", { hours: { target: 8, max: 12, maxPerDay: 4 } }),
    who("bob"),
    who("cal", {
      hours: { target: 2, max: 4 },
      preferences: [{ days: ["mon"], from: "13:00", to: "17:00", weight: -2 }],
    }),
    who("dee", { training: { roving: "independent" } }),
    who("eve", { sites: ["main", "sci"] }),
    who("fay", { hours: { target: 4, max: 8, maxPerDay: 4 } }),
    who("gus", { hours: { target: 4, max: 4 } }),
    who("hal", { training: { helpdesk: "shadowing" } }),
    who("ivy", { absences: [{ from: "2026-11-23T12:00", to: "2026-11-23T18:00", reason: "dentist" }] }),
    who("jon", { availability: { tue: [["09:00", "17:00"]] } }),
    who("kim", { sites: ["sci"] }),
    who("lee", { availability: { mon: [["13:00", "15:00"]], tue: [["09:00", "17:00"]] }, shifts: { minMinutes: 60 } }),
  ],
});
const published = rota(
  [
    stint("ann", "desk", "09:00", "13:00"),
    stint("fay", "roving", "09:00", "13:00"),
    stint("eve", "sci-desk", "09:00", "13:00"),
    stint("kim", "sci-desk", "13:00", "17:00"),
    stint("gus", "desk", "09:00", "13:00", TUESDAY),
    stint("jon", "desk", "13:00", "17:00", TUESDAY),
  ],
  // The swaps read the assignments only: the published rota's gap list does not matter here.
  [],
);

describe("swapCandidates", () => {
  const report = swapCandidates(problem, published, MONDAY_AFTERNOON);

  it("ranks whoever takes the whole gap first, fewest knock-on changes next, then the rota's score", () => {
    expect(report.gap).toEqual(MONDAY_AFTERNOON);
    expect(report.candidates.map((c) => [c.person, c.whole, c.knockOn])).toEqual([
      ["bob", true, 0],
      ["cal", true, 0],
      // Fay leaves roving (below target), Ann her morning desk, Eve the Science Library's desk.
      ["fay", true, 1],
      ["ann", true, 1],
      ["eve", true, 1],
      ["lee", false, 0],
    ]);
    const scores = report.candidates.map((c) => c.scoreChange);
    expect(scores.slice(0, 2)).toEqual([...scores.slice(0, 2)].sort((x, y) => x - y));
    expect(scores.slice(2, 5)).toEqual([...scores.slice(2, 5)].sort((x, y) => x - y));
  });

  it("says what each candidate costs, in words", () => {
    const costs = Object.fromEntries(report.candidates.map((c) => [c.person, c.costs]));
    expect(costs).toEqual({
      bob: ["brings them to 4 of 4 h"],
      cal: [
        "goes 2 h over target (4 of 2 h)",
        "reaches their weekly maximum",
        "was asked to avoid Mondays 13:00–17:00",
      ],
      fay: ["changes one other stint of theirs that day"],
      ann: ["changes one other stint of theirs that day", "leaves Help Desk short for 4 h"],
      eve: ["changes one other stint of theirs that day", "leaves Science Desk short for 4 h"],
      lee: ["brings them to 2 of 4 h"],
    });
  });

  it("shows each candidate's day before and after, and the part of the gap they take", () => {
    const fay = report.candidates.find((c) => c.person === "fay");
    expect(fay?.before).toEqual([{ person: "fay", point: "roving", start: at("09:00"), end: at("13:00") }]);
    expect(fay?.after).toEqual([{ person: "fay", point: "desk", start: at("13:00"), end: at("17:00") }]);
    expect(fay?.covers).toEqual({ start: at("13:00"), end: at("17:00") });
    const lee = report.candidates.find((c) => c.person === "lee");
    expect(lee?.covers).toEqual({ start: at("13:00"), end: at("15:00") });
  });

  it("gives the main reason for the people closest to taking it who cannot", () => {
    expect(report.unable).toEqual([
      // Closest first: those trained but shadowing, absent or away, then the untrained and the
      // busy, then those who never work here.
      { person: "hal", name: "Hal", reason: "only shadowing on Help Desk, so does not count toward cover" },
      { person: "ivy", name: "Ivy", reason: "absent (dentist)" },
      { person: "jon", name: "Jon", reason: "not available then" },
      { person: "dee", name: "Dee", reason: "not trained for Help Desk" },
      { person: "gus", name: "Gus", reason: "weekly cap reached" },
      { person: "kim", name: "Kim", reason: "does not work at Main Library" },
    ]);
    const alone = tinyProblem({ sites: [main], people: [who("ann")] });
    const mornings = swapCandidates(alone, rota([stint("ann", "desk", "09:00", "13:00")]), {
      point: "desk",
      start: "2026-11-23T09:00",
      end: "2026-11-23T13:00",
    });
    expect(mornings).toEqual({
      gap: expect.anything(),
      candidates: [],
      unable: [{ person: "ann", name: "Ann", reason: "already on Help Desk then" }],
    });
  });

  it("refuses a query it cannot answer, naming the field", () => {
    const issues = (query: typeof MONDAY_AFTERNOON) => {
      try {
        swapCandidates(problem, published, query);
      } catch (error) {
        if (error instanceof DeskrotaInputError) return error.issues;
        throw error;
      }
      throw new Error("the query should be refused");
    };
    expect(issues({ ...MONDAY_AFTERNOON, point: "nowhere" })).toEqual([
      { path: "point", code: "unknown_reference", message: "there is no service point nowhere" },
    ]);
    expect(issues({ ...MONDAY_AFTERNOON, end: "2026-11-23T12:00" })).toEqual([
      { path: "end", code: "bad_interval", message: "the gap must start before it ends" },
    ]);
    expect(issues({ ...MONDAY_AFTERNOON, start: "after lunch" })).toEqual([
      { path: "start", code: "invalid_date", message: "after lunch is not a date and time" },
    ]);
    expect(issues({ ...MONDAY_AFTERNOON, start: "Monday", end: "2026-11-23T25:00" })).toEqual([
      { path: "start", code: "invalid_date", message: "Monday is not a date and time" },
      { path: "end", code: "invalid_date", message: "2026-11-23T25:00 is not a date and time" },
    ]);
    expect(issues({ ...MONDAY_AFTERNOON, start: "2026-11-25T09:00", end: "2026-11-25T13:00" })).toEqual([
      {
        path: "start",
        code: "off_grid",
        message: "desk has no open slot between 2026-11-25T09:00 and 2026-11-25T13:00",
      },
    ]);
  });

  it("never takes someone from a colleague who depends on them", () => {
    // Hal is shadowing on roving 13:00–15:00 beside Ann, the only independent colleague there; the
    // desk is empty 13:00–17:00. Ann could take the desk from 15:00, not before.
    const learning = tinyProblem({
      sites: [
        site("main", {
          name: "Main Library",
          open: { mon: [["09:00", "17:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)], { name: "Help Desk" }),
            point("roving", "roving", [band(["mon"], "13:00", "15:00", 0, { target: 1 })], { name: "Roving" }),
          ],
        }),
      ],
      people: [
        who("ann", { shifts: { minMinutes: 60 } }),
        who("hal", { training: { helpdesk: "none", roving: "shadowing" } }),
        who("bob", { availability: { tue: [["09:00", "17:00"]] } }),
      ],
    });
    const before = rota([
      stint("bob", "desk", "09:00", "13:00"),
      stint("ann", "roving", "13:00", "15:00"),
      stint("hal", "roving", "13:00", "15:00", undefined, { shadowing: true }),
    ]);
    const afternoon = swapCandidates(learning, before, MONDAY_AFTERNOON);
    expect(afternoon.candidates.map((c) => [c.person, c.covers])).toEqual([
      ["ann", { start: at("15:00"), end: at("17:00") }],
    ]);
    const early = swapCandidates(learning, before, {
      point: "desk",
      start: "2026-11-23T13:00",
      end: "2026-11-23T15:00",
    });
    expect(early.candidates).toEqual([]);
    expect(early.unable).toContainEqual({
      person: "ann",
      name: "Ann",
      reason: "needed beside Hal (shadowing on Roving) then",
    });
  });

  it("never moves a pinned stint", () => {
    // Eve is pinned to the Science Library's desk on Monday morning, so she cannot come over to
    // the Main Library that afternoon (one site a day).
    const pinned = {
      ...problem,
      pinned: [{ person: "eve", point: "sci-desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" }],
    };
    const report = swapCandidates(pinned, published, MONDAY_AFTERNOON);
    expect(report.candidates.map((c) => c.person)).not.toContain("eve");
    expect(report.unable).toContainEqual({ person: "eve", name: "Eve", reason: "at Science Library that day" });

    // Ann is pinned to roving 13:00–15:00: she could take the desk from 15:00, not before.
    const roving = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "17:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)], { name: "Help Desk" }),
            point("roving", "roving", [band(["mon"], "09:00", "17:00", 0, { target: 1 })], { name: "Roving" }),
          ],
        }),
      ],
      people: [who("ann", { shifts: { minMinutes: 60 } }), who("bob", { availability: { tue: [["09:00", "17:00"]] } })],
      pinned: [{ person: "ann", point: "roving", start: "2026-11-23T13:00", end: "2026-11-23T15:00" }],
    });
    const before = rota([stint("bob", "desk", "09:00", "13:00"), stint("ann", "roving", "13:00", "15:00")]);
    expect(swapCandidates(roving, before, MONDAY_AFTERNOON).candidates.map((c) => [c.person, c.covers])).toEqual([
      ["ann", { start: at("15:00"), end: at("17:00") }],
    ]);
    const early = swapCandidates(roving, before, { point: "desk", start: "2026-11-23T13:00", end: "2026-11-23T15:00" });
    expect(early).toMatchObject({
      candidates: [],
      unable: expect.arrayContaining([{ person: "ann", name: "Ann", reason: "pinned to Roving then" }]),
    });
  });
});

describe("applySwap", () => {
  it("puts the candidate's new day in place of their old one, as a rota the checker accepts", () => {
    // The published stints are written without offsets, the candidates' with: the same stints.
    const report = swapCandidates(problem, published, MONDAY_AFTERNOON);
    expect(report.candidates.length).toBeGreaterThan(0);
    for (const candidate of report.candidates) {
      const swapped = applySwap(problem, published, candidate);
      expect(check(problem, swapped).violations).toEqual([]);
      expect(swapped.assignments).toEqual(expect.arrayContaining(candidate.after));
      const gone = candidate.before.filter(
        (b) => !candidate.after.some((a) => a.point === b.point && a.start === b.start && a.end === b.end),
      );
      for (const stint of gone) expect(swapped.assignments).not.toContainEqual(stint);
      // Everyone else's stints are as they were.
      const others = (assignments: readonly { person: string; point: string; start: string; end: string }[]) =>
        assignments
          .filter((a) => a.person !== candidate.person)
          .map((a) => `${a.person} ${a.point} ${Date.parse(a.start)}–${Date.parse(a.end)}`)
          .sort();
      expect(others(swapped.assignments)).toEqual(
        others(published.assignments.map((a) => ({ ...a, start: `${a.start}Z`, end: `${a.end}Z` }))),
      );
    }
  });
});
