import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { check } from "../src/check";
import { solve } from "../src/solve/solve";
import { brokenRules, gap, rota, site, staff, tinyProblem } from "./support/tiny";

// The clocks go back on Sunday 25 October 2026 (02:00 BST → 01:00 GMT) and forward on Sunday
// 29 March 2026 (01:00 GMT → 02:00 BST). A 24-hour site is open all that Sunday.
const FALL_BACK = { weekStart: "2026-10-19", sunday: "2026-10-25" };
const SPRING_FORWARD = { weekStart: "2026-03-23", sunday: "2026-03-29" };
const sundaySite = site("main", {
  open: { sun: [["00:00", "24:00"]] },
  servicePoints: [
    { id: "desk", name: "Help Desk", kind: "helpdesk", cover: [{ days: ["sun"], from: "00:00", to: "24:00", min: 1 }] },
  ],
});
const nightOwl = (hours: Record<string, unknown>) => staff("ann", { hours, shifts: { minMinutes: 60 } });

describe("a week with a daylight-saving change", () => {
  it("measures a night shift across the fall-back hour in real hours: 00:00–06:00 is 7 h", () => {
    const problem = tinyProblem({
      weekStart: FALL_BACK.weekStart,
      sites: [sundaySite],
      people: [nightOwl({ target: 6, max: 6 })],
    });
    const night = [
      { person: "ann", point: "desk", start: `${FALL_BACK.sunday}T00:00`, end: `${FALL_BACK.sunday}T06:00` },
    ];
    const report = check(
      problem,
      rota(night, [
        gap("cover", "desk", "06:00", "24:00", 1, FALL_BACK.sunday),
        gap("supervision", "main", "06:00", "24:00", 1, FALL_BACK.sunday),
        gap("keyholder", "main", "23:30", "24:00", 1, FALL_BACK.sunday),
      ]),
    );
    expect(brokenRules(report)).toEqual(["weekly-hours"]);
    expect(report.violations[0]?.message).toBe("ann works 7 h this week; the weekly maximum is 6 h");
  });

  it("measures a night shift across the spring-forward hour in real hours: 00:00–06:00 is 5 h", () => {
    const problem = tinyProblem({
      weekStart: SPRING_FORWARD.weekStart,
      sites: [sundaySite],
      people: [nightOwl({ target: 5, max: 5 })],
    });
    const night = [
      { person: "ann", point: "desk", start: `${SPRING_FORWARD.sunday}T00:00`, end: `${SPRING_FORWARD.sunday}T06:00` },
    ];
    const report = check(
      problem,
      rota(night, [
        gap("cover", "desk", "06:00", "24:00", 1, SPRING_FORWARD.sunday),
        gap("supervision", "main", "06:00", "24:00", 1, SPRING_FORWARD.sunday),
        gap("keyholder", "main", "23:30", "24:00", 1, SPRING_FORWARD.sunday),
      ]),
    );
    expect(report.violations).toEqual([]);
  });

  it.each([
    ["fall-back", FALL_BACK, ["+01:00", "+00:00"], 25],
    ["spring-forward", SPRING_FORWARD, ["+00:00", "+01:00"], 23],
  ])("solves a %s Sunday into a valid rota whose times carry the offset in force", (_name, week, offsets, hours) => {
    const people = ["ann", "bob", "cat", "dan"].map((id) =>
      staff(id, { hours: { target: 8, max: 10, maxPerDay: 10 }, shifts: { minMinutes: 120 } }),
    );
    const problem = tinyProblem({ weekStart: week.weekStart, sites: [sundaySite], people });
    const solved = solve(problem, { workBudget: 300, seed: 1 });
    expect(check(problem, solved).violations).toEqual([]);
    const stamps = [...solved.assignments, ...solved.uncovered].flatMap((x) => [x.start, x.end]);
    for (const stamp of stamps)
      expect(stamp.slice(-6)).toBe(DateTime.fromMillis(Date.parse(stamp), { zone: "Europe/London" }).toFormat("ZZ"));
    expect(new Set(stamps.map((s) => s.slice(-6)))).toEqual(new Set(offsets));
    // Everyone's minutes add up to the day's length at min 1, less what is reported missing.
    const worked = solved.people.reduce((sum, p) => sum + p.minutes, 0);
    const missing = solved.uncovered
      .filter((u) => u.rule === "cover")
      .reduce((sum, u) => sum + ((Date.parse(u.end) - Date.parse(u.start)) / 60_000) * u.missing, 0);
    expect(worked + missing).toBe(hours * 60);
  });
});
