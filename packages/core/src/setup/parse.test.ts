import { describe, expect, it } from "vitest";
import { staff, tinyProblem } from "../../test/support/tiny";
import { parseEntries } from "./entries";
import { parseSetup } from "./parse";
import { setupFromProblem } from "./week";

const valid = () =>
  JSON.parse(JSON.stringify(setupFromProblem(tinyProblem({ people: [staff("ann"), staff("bob")] })).setup));

describe("parseSetup", () => {
  it("accepts a setup with a training policy", () => {
    const parsed = parseSetup({ ...valid(), training: { shadowingHoursToIndependent: 8, byPoint: { desk: 4 } } });
    expect(parsed.ok).toBe(true);
  });

  it("lists every problem with its path: problem fields, week-only fields, references and the grid", () => {
    const input = valid();
    input.weekStart = "2026-11-23";
    input.people[0].absences = [];
    input.people[1].id = "ann";
    input.people[1].sites = ["annex"];
    input.people[1].availability = { mon: [["09:10", "12:00"]] };
    input.training = { byPoint: { nowhere: 3 } };
    const parsed = parseSetup(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ["", "unrecognized_keys"],
        ["people.0", "unrecognized_keys"],
        ["people.1.id", "duplicate_id"],
        ["people.1.sites.0", "unknown_reference"],
        ["people.1.availability.mon.0.0", "off_grid"],
        ["training.byPoint.nowhere", "unknown_reference"],
      ]),
    );
  });
});

describe("parseEntries", () => {
  it("reads absences and availability exceptions of the setup's people", () => {
    const entries = [
      { id: "1", kind: "absence", person: "ann", from: "2026-12-01T09:00", to: "2026-12-01T12:00", reason: "dentist" },
      { id: "2", kind: "availability", person: "bob", date: "2026-12-02", available: [["09:00", "12:00"]] },
    ];
    expect(parseEntries(entries, parseSetupOk())).toEqual({ ok: true, value: entries });
  });

  it("names each bad entry by its path", () => {
    const parsed = parseEntries(
      [
        { id: "1", kind: "absence", person: "zed", from: "2026-12-01T12:00", to: "2026-12-01T09:00" },
        { id: "1", kind: "availability", person: "bob", date: "2026-12-02", available: [["09:15", "12:00"]] },
        { id: "3", kind: "availability", person: "bob", date: "2026-12-02", available: [] },
      ],
      parseSetupOk(),
    );
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { path: "0.person", code: "unknown_reference", message: "there is no person zed" },
        { path: "0.to", code: "bad_interval", message: expect.stringMatching(/start before it ends/) },
        { path: "1.id", code: "duplicate_id", message: "entry id 1 is used twice" },
        { path: "1.available.0.0", code: "off_grid", message: "09:15 is not on the 30-minute slot grid" },
        { path: "2.date", code: "duplicate_date", message: "bob has two exceptions on 2026-12-02" },
      ],
    });
    const wrongKind = parseEntries([{ id: "1", kind: "holiday", person: "ann" }], parseSetupOk());
    expect(wrongKind.ok).toBe(false);
    if (!wrongKind.ok) expect(wrongKind.issues[0]?.message).toMatch(/absence.*availability/);
  });
});

function parseSetupOk() {
  const parsed = parseSetup(valid());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}
