import { describe, expect, it } from "vitest";
import { band, point, site, staff, student, tinyProblem } from "../../test/support/tiny";
import { applyChange, isEmptyChange, parseChange, type Change } from "./change";
import type { Problem } from "./problem";

// Ann leads and mentors Cal, who is shadowing on the desk; Bob is pinned to the desk 09:00–11:00.
const pin = { person: "bob", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" };
const problem = tinyProblem({
  people: [
    staff("ann", { absences: [{ from: "2026-11-25T09:00", to: "2026-11-25T17:00", reason: "training" }] }),
    staff("bob"),
    student("cal", { training: { helpdesk: "shadowing" }, mentor: "ann" }),
  ],
  pinned: [pin],
});

/** The problem after a change that must apply. */
function applied(change: Change): Problem {
  const result = applyChange(problem, change);
  if (!result.ok) throw new Error(`the change should apply: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The issues of a change that must not apply. */
function issuesOf(change: unknown) {
  const parsed = parseChange(change);
  if (!parsed.ok) return parsed.issues;
  const result = applyChange(problem, parsed.value);
  if (result.ok) throw new Error("the change should not apply");
  return result.issues;
}

const person = (p: Problem, id: string) => p.people.find((q) => q.id === id);

describe("parseChange", () => {
  it("reads a change in the problem format's own shapes", () => {
    const change = {
      absences: [{ person: "ann", from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" }],
      removePeople: ["cal"],
    };
    expect(parseChange(change)).toEqual({ ok: true, value: change });
  });

  it("refuses unknown parts and times that are not dates, each with its path", () => {
    expect(issuesOf({ absence: [] })).toEqual([expect.objectContaining({ path: "", code: "unrecognized_keys" })]);
    expect(issuesOf({ absences: [{ person: "ann", from: "tomorrow", to: "2026-11-24T18:00" }] })).toContainEqual(
      expect.objectContaining({ path: "absences.0.from" }),
    );
    expect(issuesOf({ pin: [{ ...pin, end: "2026-02-30T11:00" }] })).toEqual([
      expect.objectContaining({ path: "pin.0.end", message: "is not a real date and time" }),
    ]);
    expect(
      issuesOf({ cover: [{ point: "desk", cover: [{ days: ["someday"], from: "09:00", to: "13:00", min: 1 }] }] }),
    ).toEqual([expect.objectContaining({ path: "cover.0.cover.0.days.0" })]);
  });
});

describe("isEmptyChange", () => {
  it("is true for a change with nothing in it, empty lists included", () => {
    expect(isEmptyChange({})).toBe(true);
    expect(isEmptyChange({ absences: [], pin: [] })).toBe(true);
    expect(isEmptyChange({ removePeople: ["cal"] })).toBe(false);
  });
});

describe("applyChange", () => {
  it("adds an absence to the person's own, keeping those they had", () => {
    const next = applied({
      absences: [{ person: "ann", from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" }],
    });
    expect(person(next, "ann")?.absences).toEqual([
      { from: "2026-11-25T09:00", to: "2026-11-25T17:00", reason: "training" },
      { from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" },
    ]);
    expect(person(next, "bob")?.absences).toBeUndefined();
  });

  it("releases the pins an absence of the pinned person overlaps, and only those", () => {
    const later = { person: "bob", point: "desk", start: "2026-11-24T09:00", end: "2026-11-24T11:00" };
    const pinned = { ...problem, pinned: [pin, later, { ...pin, person: "ann" }] };
    const result = applyChange(pinned, {
      absences: [{ person: "bob", from: "2026-11-23T10:30", to: "2026-11-23T17:00", reason: "sick" }],
    });
    expect(result.ok && result.value.pinned).toEqual([later, { ...pin, person: "ann" }]);
    // Touching is not overlapping: back at 09:00, the pin from 09:00 stays.
    const back = applyChange(pinned, {
      absences: [{ person: "bob", from: "2026-11-23T07:00", to: "2026-11-23T09:00" }],
    });
    expect(back.ok && back.value.pinned).toEqual(pinned.pinned);
  });

  it("replaces a person's weekly availability", () => {
    const next = applied({ availability: [{ person: "bob", availability: { tue: [["09:00", "13:00"]] } }] });
    expect(person(next, "bob")?.availability).toEqual({ tue: [["09:00", "13:00"]] });
    expect(person(next, "ann")?.availability).toEqual(person(problem, "ann")?.availability);
  });

  it("removes a person with their pins, and is nobody's mentor any more", () => {
    const next = applied({ removePeople: ["bob", "ann"] });
    expect(next.people.map((p) => p.id)).toEqual(["cal"]);
    expect(next.pinned).toEqual([]);
    expect(person(next, "cal")).not.toHaveProperty("mentor");
  });

  it("adds people", () => {
    const next = applied({ addPeople: [staff("dee") as Problem["people"][number]] });
    expect(next.people.map((p) => p.id)).toEqual(["ann", "bob", "cal", "dee"]);
  });

  it("adds a pin and removes exactly the pin named by unpin", () => {
    const later = { person: "ann", point: "desk", start: "2026-11-23T11:00", end: "2026-11-23T13:00" };
    expect(applied({ pin: [later] }).pinned).toEqual([pin, later]);
    expect(applied({ unpin: [pin] }).pinned).toEqual([]);
  });

  it("replaces the cover bands of one point", () => {
    const busier = [band(["mon"], "09:00", "13:00", 1, { target: 2 })];
    const twoPoints = tinyProblem({
      sites: [
        site("main", {
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
            point("roving", "roving", [band(["mon"], "09:00", "13:00", 0)]),
          ],
        }),
      ],
    });
    const result = applyChange(twoPoints, {
      cover: [{ point: "desk", cover: busier as Problem["sites"][number]["servicePoints"][number]["cover"] }],
    });
    expect(result.ok && result.value.sites[0]?.servicePoints.map((p) => p.cover)).toEqual([
      busier,
      [band(["mon"], "09:00", "13:00", 0)],
    ]);
  });

  it("leaves the problem it was given as it was", () => {
    const before = JSON.stringify(problem);
    applied({
      absences: [{ person: "ann", from: "2026-11-24T12:00", to: "2026-11-24T18:00" }],
      removePeople: ["cal"],
      unpin: [pin],
      availability: [{ person: "bob", availability: {} }],
    });
    expect(JSON.stringify(problem)).toBe(before);
  });

  it("leaves the problem as it was after an absences-only change too (validated alone, sharing the rest)", () => {
    const before = JSON.stringify(problem);
    applied({
      absences: [{ person: "bob", from: "2026-11-23T09:00", to: "2026-11-23T10:00" }],
      removeAbsences: [{ person: "ann", from: "2026-11-25T09:00", to: "2026-11-25T17:00" }],
    });
    expect(JSON.stringify(problem)).toBe(before);
  });

  it("validates an absences-only change alone, and finds in it what the whole problem's validation finds", () => {
    // An empty list of another part sends the same absences through the whole problem's validation.
    const whole = (absences: unknown[]) => ({ absences, availability: [] });
    const cases: unknown[][] = [
      [{ person: "ann", from: "2026-11-24T18:00", to: "2026-11-24T12:00" }],
      // The hour the clocks skip in London, at either end.
      [{ person: "bob", from: "2026-03-29T01:30", to: "2026-03-29T04:00" }],
      [{ person: "bob", from: "2026-03-29T00:00", to: "2026-03-29T01:15" }],
      [{ person: "bob", from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: 3 }],
      [{ person: "bob", from: "tomorrow", to: "2026-11-24T18:00" }],
    ];
    for (const absences of cases) {
      const alone = applyChange(problem, { absences } as Change);
      expect(alone.ok).toBe(false);
      expect(alone).toEqual(applyChange(problem, whole(absences) as Change));
    }
    const fine = [{ person: "bob", from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" }];
    expect(applied({ absences: fine })).toEqual(applied(whole(fine) as Change));
    expect(applied({ removeAbsences: [{ person: "ann", from: "2026-11-25T09:00", to: "2026-11-25T17:00" }] })).toEqual(
      applied({ removeAbsences: [{ person: "ann", from: "2026-11-25T09:00", to: "2026-11-25T17:00" }], pin: [] }),
    );
  });

  it("names unknown people and points with their paths in the change", () => {
    expect(issuesOf({ absences: [{ person: "zed", from: "2026-11-24T12:00", to: "2026-11-24T18:00" }] })).toEqual([
      { path: "absences.0.person", code: "unknown_reference", message: "there is no person zed" },
    ]);
    expect(issuesOf({ availability: [{ person: "zed", availability: {} }] })).toEqual([
      { path: "availability.0.person", code: "unknown_reference", message: "there is no person zed" },
    ]);
    expect(issuesOf({ removePeople: ["bob", "zed"] })).toEqual([
      { path: "removePeople.1", code: "unknown_reference", message: "there is no person zed" },
    ]);
    expect(issuesOf({ cover: [{ point: "nowhere", cover: [] }] })).toEqual([
      { path: "cover.0.point", code: "unknown_reference", message: "there is no service point nowhere" },
    ]);
    expect(issuesOf({ unpin: [{ ...pin, person: "ann" }] })).toEqual([
      {
        path: "unpin.0",
        code: "unknown_reference",
        message: "ann has no pin on desk from 2026-11-23T09:00 to 2026-11-23T11:00",
      },
    ]);
    expect(issuesOf({ addPeople: [staff("bob")] })).toEqual([
      { path: "addPeople.0.id", code: "duplicate_id", message: "person bob already exists" },
    ]);
  });

  it("reports what the whole problem's validation finds in the change at its path in the change", () => {
    expect(issuesOf({ absences: [{ person: "ann", from: "2026-11-24T18:00", to: "2026-11-24T12:00" }] })).toEqual([
      {
        path: "absences.0.to",
        code: "bad_interval",
        message: "the absence must start before it ends (2026-11-24T18:00 – 2026-11-24T12:00)",
      },
    ]);
    expect(issuesOf({ pin: [{ ...pin, person: "zed", point: "nowhere" }] })).toEqual([
      { path: "pin.0.person", code: "unknown_reference", message: "there is no person zed" },
      { path: "pin.0.point", code: "unknown_reference", message: "there is no service point nowhere" },
    ]);
    expect(
      issuesOf({ cover: [{ point: "desk", cover: [{ days: ["mon"], from: "09:10", to: "13:00", min: 1 }] }] }),
    ).toEqual([{ path: "cover.0.cover.0.from", code: "off_grid", message: "09:10 is not on the 30-minute slot grid" }]);
    expect(issuesOf({ availability: [{ person: "bob", availability: { mon: [["09:00", "12:45"]] } }] })).toEqual([
      {
        path: "availability.0.availability.mon.0.1",
        code: "off_grid",
        message: "12:45 is not on the 30-minute slot grid",
      },
    ]);
    expect(issuesOf({ addPeople: [staff("dee", { sites: ["main", "annex"], mentor: "zed" })] })).toEqual([
      { path: "addPeople.0.sites.1", code: "unknown_reference", message: "there is no site annex" },
      { path: "addPeople.0.mentor", code: "unknown_reference", message: "there is no person zed" },
    ]);
  });

  it("lists every issue of a change at once", () => {
    const issues = issuesOf({
      absences: [{ person: "zed", from: "2026-11-24T12:00", to: "2026-11-24T18:00" }],
      removePeople: ["yan"],
      cover: [{ point: "nowhere", cover: [] }],
    });
    expect(issues.map((i) => i.path)).toEqual(["absences.0.person", "removePeople.0", "cover.0.point"]);
  });
});
