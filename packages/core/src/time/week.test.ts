import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseProblem } from "../model/parse";
import type { Problem, Site } from "../model/problem";
import { site, tinyProblem } from "../../test/support/tiny";
import { formatInstant, localInstant, parseDated, siteSlots, weekDates, weeklyCovers, type Slot } from "./week";

const ALL_DAY = [["00:00", "24:00"]];
const EVERY_DAY = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
const utc = (iso: string) => Date.parse(iso);

function slotsOf(problem: Problem, index = 0): Slot[] {
  return siteSlots(problem, problem.sites[index] as Site);
}
const perDate = (slots: Slot[]) =>
  slots.reduce((counts, s) => counts.set(s.date, (counts.get(s.date) ?? 0) + 1), new Map<string, number>());

/** A 24-hour site in London, for the week starting on `weekStart`. */
const allWeek = (weekStart: string) => tinyProblem({ weekStart, sites: [site("main", { open: EVERY_DAY })] });

describe("the week", () => {
  it("has seven dates from the Monday", () => {
    expect(weekDates("2026-11-23")).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(weekDates("2026-12-28").at(-1)).toBe("2027-01-03");
  });

  it("cuts each open window into slots of the grid, on the site's local calendar", () => {
    const slots = slotsOf(tinyProblem());
    expect(slots).toHaveLength(8);
    expect(slots[0]).toEqual({
      start: utc("2026-11-23T09:00Z"),
      end: utc("2026-11-23T09:30Z"),
      date: "2026-11-23",
      day: 0,
      minute: 9 * 60,
    });
    expect(slots.at(-1)?.end).toBe(utc("2026-11-23T13:00Z"));
    expect(slotsOf(tinyProblem({ slotMinutes: 15 }))).toHaveLength(16);
  });

  it("reads a window ending 24:00 as running to the next midnight, still on the day it started", () => {
    const late = slotsOf(
      tinyProblem({ sites: [site("main", { open: { mon: [["20:00", "24:00"]], tue: [["00:00", "02:00"]] } })] }),
    );
    expect(late).toHaveLength(12);
    expect(late.filter((s) => s.date === "2026-11-23").at(-1)?.end).toBe(utc("2026-11-24T00:00Z"));
    expect(late.every((s, i) => i === 0 || (late[i - 1] as Slot).end === s.start)).toBe(true);
  });

  it("merges overlapping windows into one run of slots", () => {
    expect(
      slotsOf(
        tinyProblem({
          sites: [
            site("main", {
              open: {
                mon: [
                  ["09:00", "12:00"],
                  ["11:00", "13:00"],
                ],
              },
            }),
          ],
        }),
      ),
    ).toHaveLength(8);
  });

  it("lets a dated exception replace the day's hours, or close the site that day", () => {
    const open = { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] };
    const later = slotsOf(
      tinyProblem({
        sites: [
          site("main", {
            open,
            exceptions: [{ date: "2026-11-23", open: [["12:00", "14:00"]], note: "training morning" }],
          }),
        ],
      }),
    );
    expect(perDate(later)).toEqual(
      new Map([
        ["2026-11-23", 4],
        ["2026-11-24", 8],
      ]),
    );
    expect(later[0]?.start).toBe(utc("2026-11-23T12:00Z"));
    const closed = slotsOf(
      tinyProblem({ sites: [site("main", { open, exceptions: [{ date: "2026-11-24", open: [] }] })] }),
    );
    expect(perDate(closed)).toEqual(new Map([["2026-11-23", 8]]));
  });

  it("uses the site's own zone over the problem's", () => {
    const toronto = tinyProblem({ sites: [site("main", { timeZone: "America/Toronto" })] });
    expect(slotsOf(toronto)[0]?.start).toBe(utc("2026-11-23T14:00Z"));
  });

  describe("across daylight saving", () => {
    it("gives a 24-hour site a 25-hour Sunday in the fall-back week (dst-week example)", () => {
      const parsed = parseProblem(
        JSON.parse(readFileSync(new URL("../../../../docs/examples/dst-week.json", import.meta.url), "utf8")),
      );
      if (!parsed.ok) throw new Error("dst-week is rejected");
      const main = parsed.value.sites.findIndex((s) => s.id === "main");
      const slots = slotsOf(parsed.value, main);
      expect(perDate(slots).get("2026-10-25")).toBe(50);
      expect(perDate(slots).get("2026-10-24")).toBe(48);
      // The hour 01:00–02:00 happens twice, so its wall-clock minutes repeat.
      const sunday = slots.filter((s) => s.date === "2026-10-25");
      expect(sunday.filter((s) => s.minute === 60)).toHaveLength(2);
      expect(sunday.every((s) => s.end - s.start === 30 * 60_000)).toBe(true);
    });

    it("gives a 24-hour site a 23-hour Sunday in the spring-forward week", () => {
      const slots = slotsOf(allWeek("2026-03-23"));
      expect(perDate(slots).get("2026-03-29")).toBe(46);
      expect(perDate(slots).get("2026-03-28")).toBe(48);
      expect(slots.filter((s) => s.date === "2026-03-29" && s.minute >= 60 && s.minute < 120)).toEqual([]);
    });

    it("keeps wall-clock times on the day of the change", () => {
      expect(localInstant("2026-03-29", "09:00", "Europe/London")).toBe(utc("2026-03-29T08:00Z"));
      expect(localInstant("2026-03-28", "09:00", "Europe/London")).toBe(utc("2026-03-28T09:00Z"));
      expect(localInstant("2026-10-25", "09:00", "Europe/London")).toBe(utc("2026-10-25T09:00Z"));
      expect(localInstant("2026-10-24", "09:00", "Europe/London")).toBe(utc("2026-10-24T08:00Z"));
      expect(localInstant("2026-03-29", "24:00", "Europe/London")).toBe(utc("2026-03-29T23:00Z"));
    });

    it("gives a daytime window the same slots on either side of a change", () => {
      const days = tinyProblem({
        weekStart: "2026-03-23",
        sites: [site("main", { open: { sat: [["09:00", "17:00"]], sun: [["09:00", "17:00"]] } })],
      });
      const slots = slotsOf(days);
      expect(perDate(slots)).toEqual(
        new Map([
          ["2026-03-28", 16],
          ["2026-03-29", 16],
        ]),
      );
      expect(slots.filter((s) => s.date === "2026-03-29")[0]?.minute).toBe(9 * 60);
    });

    it("writes instants with the offset in force then", () => {
      const sunday = slotsOf(allWeek("2026-10-19")).filter((s) => s.date === "2026-10-25");
      expect(formatInstant((sunday[0] as Slot).start, "Europe/London")).toBe("2026-10-25T00:00:00.000+01:00");
      expect(formatInstant((sunday.at(-1) as Slot).end, "Europe/London")).toBe("2026-10-26T00:00:00.000+00:00");
      const spring = slotsOf(allWeek("2026-03-23")).filter((s) => s.date === "2026-03-29");
      expect(spring.map((s) => formatInstant(s.start, "Europe/London")).slice(1, 4)).toEqual([
        "2026-03-29T00:30:00.000+00:00",
        "2026-03-29T02:00:00.000+01:00",
        "2026-03-29T02:30:00.000+01:00",
      ]);
      expect(formatInstant(utc("2026-11-23T14:00Z"), "America/Toronto")).toBe("2026-11-23T09:00:00.000-05:00");
    });
  });

  it("reads a dated time as local to the zone unless it carries its own offset", () => {
    expect(parseDated("2026-11-23T09:00", "Europe/London")).toBe(utc("2026-11-23T09:00Z"));
    expect(parseDated("2026-07-01T09:00", "Europe/London")).toBe(utc("2026-07-01T08:00Z"));
    expect(parseDated("2026-07-01T09:00+02:00", "Europe/London")).toBe(utc("2026-07-01T07:00Z"));
    expect(parseDated("2026-07-01T09:00Z", "America/Toronto")).toBe(utc("2026-07-01T09:00Z"));
  });

  it("matches a weekly pattern by wall-clock day and minute, whole slots only", () => {
    const hours = { mon: [["09:00", "11:00"]] as [string, string][] };
    expect(weeklyCovers(hours, 0, 9 * 60, 30)).toBe(true);
    expect(weeklyCovers(hours, 0, 10 * 60 + 30, 30)).toBe(true);
    expect(weeklyCovers(hours, 0, 10 * 60 + 30, 60)).toBe(false);
    expect(weeklyCovers(hours, 1, 9 * 60, 30)).toBe(false);
    expect(weeklyCovers(undefined, 0, 9 * 60, 30)).toBe(false);
  });
});
