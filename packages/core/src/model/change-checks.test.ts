import { describe, expect, it } from "vitest";
import { staff, tinyProblem } from "../../test/support/tiny";
import { changeIssues } from "./change-checks";
import { parseProblem } from "./parse";

// Ann has a training day on Wednesday already recorded; the week is Mon 23 – Sun 29 Nov 2026 (London).
const problem = tinyProblem({
  people: [staff("ann", { absences: [{ from: "2026-11-25T09:00", to: "2026-11-25T17:00", reason: "training" }] })],
});
const BEFORE_WEEK = "2026-11-22T00:00";
const sick = (from: string, to: string, person = "ann") => ({ person, from, to, reason: "sick" });

describe("changeIssues", () => {
  it("accepts a new absence later in the week", () => {
    expect(changeIssues(problem, { absences: [sick("2026-11-24T12:00", "2026-11-24T18:00")] }, BEFORE_WEEK)).toEqual({
      invalid: [],
      conflicts: [],
    });
  });

  it("refuses an empty change: it asks for nothing, so nothing is created", () => {
    for (const empty of [{}, { absences: [], pin: [] }]) {
      expect(changeIssues(problem, empty, BEFORE_WEEK).invalid).toEqual([
        expect.objectContaining({ path: "", code: "empty_change", message: expect.stringContaining("nothing") }),
      ]);
    }
  });

  it("refuses an absence outside the rota's week (year 9999), naming the week", () => {
    const far = changeIssues(problem, { absences: [sick("9999-01-01T09:00", "9999-01-02T09:00")] }, BEFORE_WEEK);
    expect(far.invalid).toEqual([
      expect.objectContaining({
        path: "absences.0",
        code: "outside_week",
        message: expect.stringContaining("Mon 23 Nov 2026"),
      }),
    ]);
  });

  it("refuses an absence already recorded (or inside one), and the same absence twice in one change", () => {
    const again = changeIssues(problem, { absences: [sick("2026-11-25T10:00", "2026-11-25T12:00")] }, BEFORE_WEEK);
    expect(again.conflicts).toEqual([
      expect.objectContaining({
        path: "absences.0",
        code: "duplicate_absence",
        message: expect.stringContaining("already recorded as absent"),
      }),
    ]);
    const twice = sick("2026-11-24T12:00", "2026-11-24T18:00");
    expect(changeIssues(problem, { absences: [twice, twice] }, BEFORE_WEEK).conflicts).toEqual([
      expect.objectContaining({ path: "absences.1", code: "duplicate_absence" }),
    ]);
  });

  it("refuses what lies wholly before now: it could change nothing", () => {
    const over = changeIssues(
      problem,
      { absences: [sick("2026-11-24T12:00", "2026-11-24T18:00")] },
      "2026-11-24T19:00",
    );
    expect(over.conflicts).toEqual([
      expect.objectContaining({
        path: "absences.0",
        code: "in_the_past",
        message: expect.stringContaining("before now"),
      }),
    ]);
    // The whole week is over: no change to it can be repaired any more.
    const later = changeIssues(problem, { removePeople: ["ann"] }, "2026-12-07T09:00");
    expect(later.conflicts).toEqual([expect.objectContaining({ path: "", code: "week_over" })]);
    // Under way at now: the rest of it still matters.
    expect(
      changeIssues(problem, { absences: [sick("2026-11-24T12:00", "2026-11-24T18:00")] }, "2026-11-24T13:00"),
    ).toEqual({ invalid: [], conflicts: [] });
  });
});

describe("changeIssues: taking out a mistaken absence", () => {
  const training = { person: "ann", from: "2026-11-25T09:00", to: "2026-11-25T17:00" };

  it("accepts a recorded absence taken out, and the corrected one recorded in the same change", () => {
    const corrected = sick("2026-11-26T09:00", "2026-11-26T17:00");
    expect(changeIssues(problem, { removeAbsences: [training], absences: [corrected] }, BEFORE_WEEK)).toEqual({
      invalid: [],
      conflicts: [],
    });
    // Taken out and recorded again as it was: not a duplicate of itself.
    expect(
      changeIssues(problem, { removeAbsences: [training], absences: [sick(training.from, training.to)] }, BEFORE_WEEK)
        .conflicts,
    ).toEqual([]);
  });

  it("refuses one that matches no recorded absence, and one that ended before now, with its path", () => {
    const other = { ...training, to: "2026-11-25T16:00" };
    expect(changeIssues(problem, { removeAbsences: [other] }, BEFORE_WEEK).conflicts).toEqual([
      expect.objectContaining({ path: "removeAbsences.0", code: "unknown_absence" }),
    ]);
    expect(changeIssues(problem, { removeAbsences: [training] }, "2026-11-25T18:00").conflicts).toEqual([
      expect.objectContaining({ path: "removeAbsences.0", code: "in_the_past" }),
    ]);
  });

  it("an empty list of them is still an empty change", () => {
    expect(changeIssues(problem, { removeAbsences: [] }, BEFORE_WEEK).invalid).toEqual([
      expect.objectContaining({ code: "empty_change" }),
    ]);
  });
});

describe("local times that do not exist", () => {
  const toronto = (absence: { from: string; to: string }) =>
    parseProblem({
      ...problem,
      timeZone: "America/Toronto",
      weekStart: "2027-03-08",
      people: [{ ...problem.people[0], absences: [absence] }],
    });

  it("refuses a time in the spring-forward gap, saying it does not exist that day", () => {
    const result = toronto({ from: "2027-03-14T02:30", to: "2027-03-14T09:00" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: "people.0.absences.0.from",
        code: "nonexistent_time",
        message: expect.stringMatching(/02:30 does not exist on 2027-03-14 in America\/Toronto.*03:00/),
      }),
    ]);
  });

  it("says so for 02:00–03:00 that day instead of 'must start before it ends'", () => {
    const result = toronto({ from: "2027-03-14T02:00", to: "2027-03-14T03:00" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toEqual(["nonexistent_time"]);
  });

  it("accepts the same wall time with an explicit offset, and times on either side of the gap", () => {
    expect(toronto({ from: "2027-03-14T02:30-05:00", to: "2027-03-14T09:00" }).ok).toBe(true);
    expect(toronto({ from: "2027-03-14T01:30", to: "2027-03-14T03:00" }).ok).toBe(true);
  });
});
