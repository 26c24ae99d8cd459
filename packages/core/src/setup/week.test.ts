import { describe, expect, it } from "vitest";
import type { Problem } from "../model/problem";
import { DeskrotaInputError } from "../solve/errors";
import { parseDated, siteSlots } from "../time/week";
import { example } from "../../test/support/examples";
import { staff, tinyProblem } from "../../test/support/tiny";
import { parseSetup } from "./parse";
import type { DatedEntry } from "./entries";
import { buildWeekProblem, setupFromProblem } from "./week";

const EXAMPLES = ["small-campus", "typical-week", "dst-week", "large-system"] as const;

describe("buildWeekProblem", () => {
  it.each(EXAMPLES)("gives back the %s example from the setup made of it", (name) => {
    const problem = example(name);
    const { setup, entries } = setupFromProblem(problem);
    expect(parseSetup(JSON.parse(JSON.stringify(setup))).ok).toBe(true);
    expect(buildWeekProblem({ setup, weekStart: problem.weekStart, entries })).toEqual(problem);
  });

  it("builds the DST week with the clocks' change inside it (25-hour Sunday)", () => {
    const problem = example("dst-week");
    const { setup } = setupFromProblem(problem);
    const week = buildWeekProblem({ setup, weekStart: "2026-10-19", entries: [] });
    expect(week).toEqual(problem);
    const late = buildWeekProblem({
      setup,
      weekStart: "2026-10-19",
      entries: [{ id: "a1", kind: "absence", person: "s001", from: "2026-10-25T00:00", to: "2026-10-26T12:00" }],
    });
    // the week ends at local midnight Sunday→Monday, 25 hours after Sunday began
    expect(late.people[0]?.absences).toEqual([{ from: "2026-10-25T00:00", to: "2026-10-26T00:00" }]);
    const end = parseDated("2026-10-26T00:00", "Europe/London") - parseDated("2026-10-25T00:00", "Europe/London");
    expect(end / 3_600_000).toBe(25);
  });

  it("keeps only that week's absences, clipped to the week, and that week's site exceptions", () => {
    const base = tinyProblem({
      people: [staff("ann"), staff("bob")],
    });
    const { setup } = setupFromProblem(base);
    setup.sites[0] = {
      ...(setup.sites[0] as Problem["sites"][number]),
      exceptions: [
        { date: "2026-11-23", open: [["10:00", "12:00"]], note: "late opening" },
        { date: "2026-11-30", open: [] },
      ],
    };
    const entries: DatedEntry[] = [
      { id: "1", kind: "absence", person: "ann", from: "2026-11-20T09:00", to: "2026-11-23T11:00", reason: "leave" },
      { id: "2", kind: "absence", person: "ann", from: "2026-12-01T09:00", to: "2026-12-01T11:00" },
      { id: "3", kind: "availability", person: "bob", date: "2026-11-23", available: [["09:00", "10:00"]] },
      { id: "4", kind: "availability", person: "bob", date: "2026-11-24", available: [] },
      { id: "5", kind: "availability", person: "bob", date: "2026-12-02", available: [] },
    ];
    const week = buildWeekProblem({ setup, weekStart: "2026-11-23", entries });
    expect(week.sites[0]?.exceptions).toEqual([
      { date: "2026-11-23", open: [["10:00", "12:00"]], note: "late opening" },
    ]);
    expect(week.people[0]?.absences).toEqual([{ from: "2026-11-23T00:00", to: "2026-11-23T11:00", reason: "leave" }]);
    expect(week.people[1]?.availability?.mon).toEqual([["09:00", "10:00"]]);
    expect(week.people[1]?.availability?.tue).toBeUndefined();
    expect(week.people[1]?.availability?.wed).toEqual([["00:00", "24:00"]]);
    expect(siteSlots(week, week.sites[0] as Problem["sites"][number])).toHaveLength(4);

    const next = buildWeekProblem({ setup, weekStart: "2026-11-30", entries });
    expect(next.sites[0]?.exceptions).toEqual([{ date: "2026-11-30", open: [] }]);
    expect(next.people[0]?.absences).toEqual([{ from: "2026-12-01T09:00", to: "2026-12-01T11:00" }]);
    expect(next.people[1]?.availability?.tue).toEqual([["00:00", "24:00"]]);
    expect(next.people[1]?.availability?.wed).toBeUndefined();
  });

  it("refuses a week that does not start on a Monday, saying which day it is", () => {
    const { setup } = setupFromProblem(tinyProblem());
    expect(() => buildWeekProblem({ setup, weekStart: "2026-11-24" })).toThrow(DeskrotaInputError);
    expect(() => buildWeekProblem({ setup, weekStart: "2026-11-24" })).toThrow(/Tuesday/);
    expect(() => buildWeekProblem({ setup, weekStart: "next week" })).toThrow(/not an ISO date/);
  });
});

describe("setupFromProblem", () => {
  it("turns a problem's absences into dated entries and drops its pins", () => {
    const problem = tinyProblem({
      people: [staff("ann", { absences: [{ from: "2026-11-23T09:00", to: "2026-11-23T10:00", reason: "dentist" }] })],
      pinned: [{ person: "ann", point: "desk", start: "2026-11-23T11:00", end: "2026-11-23T13:00" }],
    });
    const { setup, entries } = setupFromProblem(problem);
    expect(setup).not.toHaveProperty("pinned");
    expect(setup).not.toHaveProperty("weekStart");
    expect(setup.people[0]).not.toHaveProperty("absences");
    expect(entries).toEqual([
      {
        id: "ann-2026-11-23-1",
        kind: "absence",
        person: "ann",
        from: "2026-11-23T09:00",
        to: "2026-11-23T10:00",
        reason: "dentist",
      },
    ]);
    const { pinned: _pins, ...unpinned } = problem;
    expect(buildWeekProblem({ setup, weekStart: problem.weekStart, entries })).toEqual(unpinned);
  });
});
