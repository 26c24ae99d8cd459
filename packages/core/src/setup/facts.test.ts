import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { availableHours, shareOut, weekFacts } from "./facts";
import { setupFromProblem } from "./week";

const open = { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] };
const desk = (id: string) => point(id, "helpdesk", [band(["mon", "tue"], "09:00", "17:00", 1)]);
/** Two libraries: ann works only at the big one, bob only at the small one, cy at both; all on 10 h. */
const problem = tinyProblem({
  sites: [
    site("big", { open, servicePoints: [desk("big-desk")] }),
    site("small", { open, servicePoints: [desk("small-desk")] }),
  ],
  people: [
    staff("ann", { sites: ["big"], hours: { target: 10, max: 20, maxPerDay: 6 } }),
    staff("bob", { sites: ["small"], hours: { target: 10, max: 20 } }),
    staff("cy", { sites: ["big", "small"], hours: { target: 10, max: 20 }, training: { helpdesk: "shadowing" } }),
  ],
});
const { setup } = setupFromProblem(problem);
const stint = (person: string, point: string, day: string, from: string, to: string) => ({
  person,
  point,
  start: `2026-11-${day}T${from}`,
  end: `2026-11-${day}T${to}`,
});

describe("what a person could work", () => {
  it("counts demand at points they work alone, inside availability, at most maxPerDay a day", () => {
    expect(Object.fromEntries(availableHours(problem))).toEqual({ ann: 12, bob: 16, cy: 0 });
  });
});

describe("fair shares", () => {
  it("split each desk's worked hours among those who can work it, not the whole organisation's", () => {
    const facts = weekFacts(
      problem,
      {
        assignments: [
          stint("ann", "big-desk", "23", "09:00", "15:00"),
          stint("bob", "small-desk", "23", "09:00", "11:00"),
        ],
      },
      setup,
    );
    expect(facts.map((f) => [f.person, f.worked, f.fairShare])).toEqual([
      ["ann", 6, 6],
      ["bob", 2, 2],
      ["cy", 0, 0],
    ]);
  });

  it("water-fill: what a capped person cannot take goes to the others in proportion", () => {
    const shares = shareOut(
      12,
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 2],
      ]),
      new Map([
        ["a", 1],
        ["b", 10],
        ["c", 10],
      ]),
    );
    expect(Object.fromEntries(shares)).toEqual({ a: 1, b: 11 / 3, c: 22 / 3 });
  });
});
