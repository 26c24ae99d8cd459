import { describe, expect, it } from "vitest";
import { at, band, point, rota, site, staff, stint, tinyProblem, TUESDAY } from "../test/support/tiny";
import { diff } from "./diff";

// The desk is open Monday and Tuesday 09:00–13:00; its name is what a coordinator reads.
const open = { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] };
const both = { training: { helpdesk: "independent", roving: "independent" } };
const main = site("main", {
  open,
  servicePoints: [
    point("desk", "helpdesk", [band(["mon", "tue"], "09:00", "13:00", 1)], { name: "Help Desk" }),
    point("roving", "roving", [band(["mon", "tue"], "09:00", "13:00", 0, { target: 1 })], { name: "Roving" }),
  ],
});
const problem = tinyProblem({
  sites: [main],
  people: [staff("ann", { ...both, name: "Ann Lee" }), staff("bob", { ...both, name: "Bob Roe" })],
});
const published = rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "roving", "09:00", "11:00", TUESDAY)]);

describe("diff", () => {
  it("finds nothing between a rota and itself, however its times are written", () => {
    const offsets = rota(
      published.assignments.map((a) => ({ ...a, start: `${a.start}:00.000+00:00`, end: `${a.end}Z` })),
    );
    expect(diff(problem, published, offsets)).toEqual({ changes: 0, people: [], words: [] });
  });

  it("lists stints removed and added, each in words with the point's name, the day and the times", () => {
    const next = rota([stint("ann", "desk", "09:00", "13:00"), stint("ann", "roving", "09:00", "11:00", TUESDAY)]);
    expect(diff(problem, published, next)).toEqual({
      changes: 2,
      people: [
        {
          person: "ann",
          removed: [],
          added: [{ point: "roving", start: at("09:00", TUESDAY), end: at("11:00", TUESDAY) }],
          moved: [],
        },
        {
          person: "bob",
          removed: [{ point: "roving", start: at("09:00", TUESDAY), end: at("11:00", TUESDAY) }],
          added: [],
          moved: [],
        },
      ],
      words: ["Ann Lee: now on Roving Tue 24 Nov 09:00–11:00", "Bob Roe: no longer on Roving Tue 24 Nov 09:00–11:00"],
    });
  });

  it("calls a stint of the same person on the same date that changed its time or point a move", () => {
    const next = rota([stint("ann", "desk", "09:00", "11:00"), stint("bob", "desk", "11:00", "13:00", TUESDAY)]);
    const changes = diff(problem, published, next);
    expect(changes.changes).toBe(2);
    expect(changes.people).toEqual([
      {
        person: "ann",
        removed: [],
        added: [],
        moved: [
          {
            from: { point: "desk", start: at("09:00"), end: at("13:00") },
            to: { point: "desk", start: at("09:00"), end: at("11:00") },
          },
        ],
      },
      {
        person: "bob",
        removed: [],
        added: [],
        moved: [
          {
            from: { point: "roving", start: at("09:00", TUESDAY), end: at("11:00", TUESDAY) },
            to: { point: "desk", start: at("11:00", TUESDAY), end: at("13:00", TUESDAY) },
          },
        ],
      },
    ]);
    expect(changes.words).toEqual([
      "Ann Lee: Help Desk Mon 23 Nov 09:00–13:00 becomes Help Desk Mon 23 Nov 09:00–11:00",
      "Bob Roe: Roving Tue 24 Nov 09:00–11:00 becomes Help Desk Tue 24 Nov 11:00–13:00",
    ]);
  });

  it("does not call a stint on another date a move", () => {
    const next = rota([
      stint("ann", "desk", "09:00", "13:00", TUESDAY),
      stint("bob", "roving", "09:00", "11:00", TUESDAY),
    ]);
    expect(diff(problem, published, next).people).toEqual([
      {
        person: "ann",
        removed: [{ point: "desk", start: at("09:00"), end: at("13:00") }],
        added: [{ point: "desk", start: at("09:00", TUESDAY), end: at("13:00", TUESDAY) }],
        moved: [],
      },
    ]);
  });

  it("reads back-to-back assignments at one point as one stint", () => {
    const split = rota([
      stint("ann", "desk", "09:00", "11:00"),
      stint("ann", "desk", "11:00", "13:00"),
      stint("bob", "roving", "09:00", "11:00", TUESDAY),
    ]);
    expect(diff(problem, published, split).changes).toBe(0);
  });

  it("adds the id to a name someone else has too", () => {
    const twins = tinyProblem({
      sites: [main],
      people: [
        staff("ann", { ...both, name: "Sam Reid" }),
        staff("bob", { ...both, name: "Sam Reid" }),
        staff("cal", { ...both, name: "Cal Moss" }),
      ],
    });
    const next = rota([stint("bob", "desk", "09:00", "13:00"), stint("cal", "roving", "09:00", "11:00")]);
    expect(diff(twins, rota([stint("ann", "desk", "09:00", "13:00")]), next).words).toEqual([
      "Sam Reid (ann): no longer on Help Desk Mon 23 Nov 09:00–13:00",
      "Sam Reid (bob): now on Help Desk Mon 23 Nov 09:00–13:00",
      "Cal Moss: now on Roving Mon 23 Nov 09:00–11:00",
    ]);
  });

  it("marks shadowing stints", () => {
    const learner = tinyProblem({
      sites: [main],
      people: [staff("ann", both), staff("cal", { training: { helpdesk: "shadowing" } })],
    });
    const next = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("cal", "desk", "09:00", "11:00", undefined, { shadowing: true }),
    ]);
    expect(diff(learner, rota([stint("ann", "desk", "09:00", "13:00")]), next).people).toEqual([
      {
        person: "cal",
        removed: [],
        added: [{ point: "desk", start: at("09:00"), end: at("11:00"), shadowing: true }],
        moved: [],
      },
    ]);
  });

  it("tells the times of a site in its own zone", () => {
    // New York is five hours behind London in November: 09:00 there is 14:00Z.
    const ny = tinyProblem({ sites: [site("main", { timeZone: "America/New_York" })] });
    const next = rota([
      { person: "ann", point: "desk", start: "2026-11-23T09:00-05:00", end: "2026-11-23T11:00-05:00" },
    ]);
    const changes = diff(ny, rota([]), next);
    expect(changes.people[0]?.added).toEqual([
      { point: "desk", start: "2026-11-23T09:00:00.000-05:00", end: "2026-11-23T11:00:00.000-05:00" },
    ]);
    expect(changes.words).toEqual(["ann: now on desk Mon 23 Nov 09:00–11:00"]);
  });
});
