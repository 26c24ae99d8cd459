import type { Problem, Rota } from "@deskrota/core";
import { describe, expect, test } from "vitest";
import { columnRuns, type PointGrid, siteGrid } from "../src/client/grid";
import { formatSpan as span } from "@deskrota/core";
import { timeRange } from "../src/client/time";

// The grid the page draws, from a problem and a rota: rows of local time merged where nothing
// changes, cells by day, gaps with their reasons, and differences against other rotas.

const week = (overrides: Partial<Problem> = {}): Problem => ({
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "America/Toronto",
  slotMinutes: 30,
  sites: [
    {
      id: "lib",
      name: "Campus Library",
      timeZone: "America/Toronto",
      open: {
        mon: [["09:00", "13:00"]],
        tue: [["09:00", "13:00"]],
        wed: [["09:00", "13:00"]],
        sat: [["10:00", "12:00"]],
      },
      servicePoints: [
        {
          id: "desk",
          name: "Service Desk",
          kind: "helpdesk",
          cover: [{ days: ["mon", "tue", "wed"], from: "09:00", to: "13:00", min: 1 }],
        },
      ],
    },
  ],
  people: [
    { id: "a", name: "Alex Kim", role: "staff", sites: ["lib"], hours: { target: 10 } },
    { id: "s", name: "Sam Lee", role: "student", sites: ["lib"], hours: { target: 3 } },
  ],
  ...overrides,
});

const rota = (assignments: Rota["assignments"], uncovered: Rota["uncovered"] = []): Rota => ({
  assignments,
  uncovered,
  score: { hard: 0, soft: 0, byRule: {} },
  people: [],
});

// Toronto is UTC−5 in November: the instants carry other offsets on purpose.
const first = rota(
  [
    { person: "a", point: "desk", start: "2026-11-23T14:00:00.000Z", end: "2026-11-23T11:00:00.000-05:00" },
    { person: "s", point: "desk", start: "2026-11-23T11:00:00.000-05:00", end: "2026-11-23T13:00:00.000-05:00" },
    { person: "a", point: "desk", start: "2026-11-24T09:00:00.000-05:00", end: "2026-11-24T13:00:00.000-05:00" },
    {
      person: "s",
      point: "desk",
      start: "2026-11-24T09:00:00.000-05:00",
      end: "2026-11-24T10:00:00.000-05:00",
      shadowing: true,
    },
  ],
  [
    {
      rule: "cover",
      point: "desk",
      start: "2026-11-25T09:00:00.000-05:00",
      end: "2026-11-25T13:00:00.000-05:00",
      missing: 1,
      reason: "nobody trained is available",
      cause: "nobody-available",
    },
    {
      rule: "supervision",
      site: "lib",
      start: "2026-11-25T09:00:00.000-05:00",
      end: "2026-11-25T13:00:00.000-05:00",
      missing: 1,
      reason: "no lead is available",
    },
  ],
);

const people = (grid: PointGrid, row: number, day: number) =>
  grid.rows[row]?.cells[day]?.people.map((p) => `${p.name}${p.shadowing ? " (shadowing)" : ""}`);

describe("siteGrid", () => {
  const grid = siteGrid(week(), first, "lib");
  const desk = grid.points[0] as PointGrid;

  test("rows are runs of local time that read the same on every day, columns the seven dates", () => {
    expect(grid).toMatchObject({ name: "Campus Library", zone: "America/Toronto" });
    expect(grid.dates).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    // Breaks where anything changes on any day: 10:00 (Tuesday's shadowing ends), 11:00 (Monday's handover).
    expect(desk.rows.map((r) => [r.from, r.to])).toEqual([
      [540, 600],
      [600, 660],
      [660, 780],
    ]);
  });

  test("each cell names who is on, in the site's zone, independent people before shadowing ones", () => {
    expect(people(desk, 0, 0)).toEqual(["Alex Kim"]);
    expect(people(desk, 2, 0)).toEqual(["Sam Lee"]);
    expect(people(desk, 0, 1)).toEqual(["Alex Kim", "Sam Lee (shadowing)"]);
    expect(people(desk, 1, 1)).toEqual(["Alex Kim"]);
  });

  test("gaps carry their reason and run; days without cover demand are closed", () => {
    const wednesday = desk.rows[0]?.cells[2];
    expect(wednesday).toMatchObject({
      open: true,
      people: [],
      gaps: [{ missing: 1, reason: "nobody trained is available", cause: "nobody-available" }],
    });
    expect(desk.rows[0]?.cells[3]).toMatchObject({ open: false, people: [], gaps: [] });
    // Saturday opens, but the desk has no cover band then.
    expect(desk.rows[2]?.cells[5]?.open).toBe(false);
    expect(grid.siteGaps).toEqual([expect.objectContaining({ rule: "supervision", reason: "no lead is available" })]);
  });

  test("a day's back-to-back rows with the same cell merge into one run", () => {
    const runs = (day: number) =>
      columnRuns(desk, day).map((r) => [
        r.from,
        r.to,
        r.rows,
        r.cell.people.map((p) => p.id).join("+") || r.cell.gaps.length,
      ]);
    expect(runs(0)).toEqual([
      [540, 660, 2, "a"],
      [660, 780, 1, "s"],
    ]);
    expect(runs(1)).toEqual([
      [540, 600, 1, "a+s"],
      [600, 780, 2, "a"],
    ]);
    expect(runs(2)).toEqual([[540, 780, 3, 1]]);
  });

  test("against another rota, cells whose people differ say who was there", () => {
    const second = rota(first.assignments.map((a) => (a.person === "s" && !a.shadowing ? { ...a, person: "a" } : a)));
    const compared = siteGrid(week(), second, "lib", [first]);
    const monday = (compared.points[0] as PointGrid).rows.map((r) => r.cells[0]);
    expect(monday.map((c) => c?.before?.people.map((p) => p.name))).toEqual([undefined, undefined, ["Sam Lee"]]);
    expect(monday[2]?.before?.other).toBe(0);
    expect(columnRuns(compared.points[0] as PointGrid, 0).map((r) => r.rows)).toEqual([2, 1]);
  });
});

describe("a week when the clocks go back", () => {
  // Europe/London leaves summer time at 02:00 on Sunday 25 October 2026: 01:00–02:00 happens twice.
  const problem = week({
    weekStart: "2026-10-19",
    timeZone: "Europe/London",
    sites: [
      {
        id: "lib",
        name: "Main Library (24 h)",
        timeZone: "Europe/London",
        open: { sun: [["00:00", "24:00"]] },
        servicePoints: [
          {
            id: "desk",
            name: "Help Desk",
            kind: "helpdesk",
            cover: [{ days: ["sun"], from: "00:00", to: "24:00", min: 1 }],
          },
        ],
      },
    ],
  });
  const night = rota([
    { person: "a", point: "desk", start: "2026-10-25T00:00:00.000+01:00", end: "2026-10-25T03:00:00.000+00:00" },
  ]);
  const desk = siteGrid(problem, night, "lib").points[0] as PointGrid;

  test("a four-hour night stint fills the wall-clock rows 00:00–03:00 once each", () => {
    const sunday = columnRuns(desk, 6).filter((r) => r.cell.people.length);
    expect(sunday).toEqual([expect.objectContaining({ from: 0, to: 180 })]);
    expect(sunday[0]?.cell.people).toEqual([{ id: "a", name: "Alex Kim", shadowing: false }]);
  });

  test("times are written in the site's zone", () => {
    expect(span("2026-10-25T00:00:00.000+01:00", "2026-10-25T03:00:00.000+00:00", "Europe/London")).toBe(
      "Sun 25 Oct 00:00–03:00",
    );
    expect(timeRange("2026-10-24T22:00:00.000+01:00", "2026-10-25T00:00:00.000+01:00", "Europe/London")).toBe(
      "22:00–24:00",
    );
    expect(timeRange("2026-10-24T22:00:00.000+01:00", "2026-10-25T02:00:00.000+00:00", "Europe/London")).toBe(
      "22:00–Sun 25 Oct 02:00",
    );
  });
});
