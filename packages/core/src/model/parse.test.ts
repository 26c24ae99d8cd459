import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseProblem, type Issue } from "./parse";
import { band, site, staff, tinyProblem } from "../../test/support/tiny";

const EXAMPLES = ["small-campus", "typical-week", "dst-week", "large-system"] as const;
const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../../docs/examples/${name}.json`, import.meta.url), "utf8"));

/** A valid problem as plain JSON, to break in one place or many. */
const valid = () =>
  JSON.parse(
    JSON.stringify(
      tinyProblem({
        people: [staff("ann"), staff("bob", { mentor: "ann" })],
        pinned: [{ person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" }],
      }),
    ),
  );

function issuesOf(input: unknown): Issue[] {
  const parsed = parseProblem(input);
  if (parsed.ok) throw new Error("expected the problem to be rejected");
  return parsed.issues;
}

const issue = (path: string, code: string, message: string | RegExp = /./) =>
  expect.objectContaining({
    path,
    code,
    message: typeof message === "string" ? message : expect.stringMatching(message),
  });

describe("parseProblem", () => {
  it.each(EXAMPLES)("accepts the %s example as it is", (name) => {
    const parsed = parseProblem(example(name));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it("accepts 24:00 as the end of a day and dated times with or without an offset", () => {
    const input = valid();
    input.sites[0].open.mon = [["09:00", "24:00"]];
    input.people[0].absences = [
      { from: "2026-11-24T09:00+00:00", to: "2026-11-24T10:00Z" },
      { from: "2026-11-25T09:00", to: "2026-11-25T10:00:00.000" },
    ];
    expect(parseProblem(input).ok).toBe(true);
  });

  it(
    "lists every problem at once: unknown fields, unknown ids, off-grid times, empty intervals, negative hours, a " +
      "week not starting on Monday",
    () => {
      const input = valid();
      input.weekStart = "2026-11-24";
      input.colour = "blue";
      input.sites[0].servicePoints[0].kind2 = "helpdesk";
      input.sites[0].servicePoints[0].cover[0].from = "09:15";
      input.sites[0].servicePoints[0].cover.push(band(["mon"], "12:00", "12:00", 1));
      input.sites[0].exceptions = [{ date: "2026-11-25", open: [["10:00", "10:45"]] }];
      input.people[0].sites = ["main", "nowhere"];
      input.people[0].hours = { target: -2, max: 20 };
      input.people[0].absences = [{ from: "2026-11-24T12:00", to: "2026-11-24T11:00" }];
      input.people[0].availability.mon = [["09:00", "09:10"]];
      input.people[1].mentor = "ghost";
      input.people[1].training = { desks: "independent" };
      input.pinned = [{ person: "nobody", point: "nopoint", start: "2026-11-23T11:00", end: "2026-11-23T09:00" }];

      expect(issuesOf(input)).toEqual(
        expect.arrayContaining([
          issue("weekStart", "not_monday", "2026-11-24 is a Tuesday; the week must start on a Monday"),
          issue("", "unrecognized_keys", /colour/),
          issue("sites.0.servicePoints.0", "unrecognized_keys", /kind2/),
          issue("sites.0.servicePoints.0.cover.0.from", "off_grid", "09:15 is not on the 30-minute slot grid"),
          issue("sites.0.servicePoints.0.cover.1.to", "bad_interval", /start before it ends/),
          issue("sites.0.exceptions.0.open.0.1", "off_grid", "10:45 is not on the 30-minute slot grid"),
          issue("people.0.sites.1", "unknown_reference", "there is no site nowhere"),
          issue("people.0.hours.target", "too_small"),
          issue("people.0.absences.0.to", "bad_interval", /start before it ends/),
          issue("people.0.availability.mon.0.1", "off_grid", "09:10 is not on the 30-minute slot grid"),
          issue("people.1.mentor", "unknown_reference", "there is no person ghost"),
          issue("people.1.training.desks", "unknown_reference", /neither a service-point kind nor a service-point id/),
          issue("pinned.0.person", "unknown_reference", "there is no person nobody"),
          issue("pinned.0.point", "unknown_reference", "there is no service point nopoint"),
          issue("pinned.0.end", "bad_interval", /start before it ends/),
        ]),
      );
    },
  );

  it("still lists the cross-reference problems when a field has the wrong type or an unknown value", () => {
    // A misspelt day is the kind of slip that must not hide every other problem.
    const input = valid();
    input.sites[0].servicePoints[0].cover[0].days = ["monday"];
    input.version = 2;
    input.people[1].mentor = "ghost";
    expect(issuesOf(input)).toEqual([
      issue("version", "invalid_value", "this engine reads format version 1"),
      issue("sites.0.servicePoints.0.cover.0.days.0", "invalid_value"),
      issue("people.1.mentor", "unknown_reference", "there is no person ghost"),
    ]);
  });

  it("answers input that is not a problem at all with one issue, not a crash", () => {
    for (const input of [null, 3, "problem", []])
      expect(issuesOf(input)).toEqual([issue("", "invalid_type", /expected object/)]);
  });

  it("rejects from ≥ to in every kind of window", () => {
    const input = valid();
    input.sites[0].open.mon = [["13:00", "09:00"]];
    input.people[0].availability.tue = [["10:00", "10:00"]];
    input.people[0].preferences = [{ days: ["mon"], from: "12:00", to: "11:00", weight: 2 }];
    expect(issuesOf(input)).toEqual([
      issue("sites.0.open.mon.0", "custom", "the window must start before it ends"),
      issue("people.0.availability.tue.0", "custom", "the window must start before it ends"),
      issue("people.0.preferences.0.to", "bad_interval", "the preference must start before it ends (12:00–11:00)"),
    ]);
  });

  it("rejects negative or inconsistent hours", () => {
    const input = valid();
    input.people[0].hours = { target: 10, min: -1, max: 8, maxPerDay: 0 };
    input.people[1].hours = { target: 4, min: 6 };
    expect(issuesOf(input)).toEqual(
      expect.arrayContaining([
        issue("people.0.hours.min", "too_small"),
        issue("people.0.hours.maxPerDay", "too_small"),
        issue("people.0.hours.max", "custom", "max 8 h is below target 10 h"),
        issue("people.1.hours.min", "custom", "min 6 h is above target 4 h"),
      ]),
    );
  });

  it("rejects bands whose target or max fall below their minimum", () => {
    const input = valid();
    input.sites[0].servicePoints[0].cover = [
      band(["mon"], "09:00", "13:00", 2, { target: 1 }),
      band(["mon"], "09:00", "13:00", 1, { target: 2, max: 1 }),
    ];
    expect(issuesOf(input)).toEqual([
      issue("sites.0.servicePoints.0.cover.0.target", "custom", "target 1 is below min 2"),
      issue("sites.0.servicePoints.0.cover.1.max", "custom", "max 1 is below min/target 2"),
    ]);
  });

  it("rejects duplicate ids, a person mentoring themselves, and a stint limit shorter than a slot", () => {
    const input = valid();
    input.people[1].id = "ann";
    input.people[0].mentor = "ann";
    input.sites.push(site("main"));
    input.sites[0].servicePoints[0].maxStintMinutes = 15;
    expect(issuesOf(input)).toEqual(
      expect.arrayContaining([
        issue("people.1.id", "duplicate_id", "person id ann is used twice"),
        issue("sites.1.id", "duplicate_id", "site id main is used twice"),
        issue("sites.1.servicePoints.0.id", "duplicate_id", "service point id desk is used twice"),
        issue("people.0.mentor", "bad_reference", "a person cannot mentor themselves"),
        issue("sites.0.servicePoints.0.maxStintMinutes", "off_grid", /shorter than one 30-minute slot/),
      ]),
    );
  });

  it("rejects times that are not times, dates that are not dates, and zones that are not zones", () => {
    const input = valid();
    input.sites[0].open.mon = [["9:00", "24:30"]];
    input.sites[0].exceptions = [{ date: "2026-02-30", open: [] }];
    input.timeZone = "Europe/Londres";
    input.slotMinutes = 20;
    expect(issuesOf(input)).toEqual(
      expect.arrayContaining([
        issue("sites.0.open.mon.0.0", "invalid_format"),
        issue("sites.0.open.mon.0.1", "invalid_format"),
        issue("sites.0.exceptions.0.date", "custom", "is not a real calendar date"),
        issue("timeZone", "custom", "must be an IANA time zone such as Europe/London"),
        issue("slotMinutes", "invalid_union", "must be 15, 30 or 60"),
      ]),
    );
  });
});
