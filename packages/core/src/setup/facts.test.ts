import { describe, expect, it } from "vitest";
import type { Assignment } from "../model/rota";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { availableHours, weekFacts } from "./facts";
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

  it("give the lead the hours the supervision rule needs of them, not a contract's proportion", () => {
    const oneDesk = tinyProblem({
      sites: [site("big", { open, servicePoints: [desk("big-desk")] })],
      people: [
        staff("ann", { sites: ["big"], hours: { target: 10, max: 20 }, qualifications: ["lead", "keyholder"] }),
        staff("bob", { sites: ["big"], hours: { target: 10, max: 20 }, qualifications: [] }),
      ],
    });
    const rota = { assignments: [stint("bob", "big-desk", "23", "09:00", "17:00")] };
    const shares = (p: typeof oneDesk) =>
      weekFacts(p, rota, setupFromProblem(p).setup).map((f) => [f.person, f.fairShare]);
    // One place at the desk and a lead needed in every open slot: only ann can be there.
    expect(shares(oneDesk)).toEqual([
      ["ann", 8],
      ["bob", 0],
    ]);
    const noRule = { ...oneDesk, weights: { supervision: 0, keyholder: 0 } };
    expect(shares(noRule)).toEqual([
      ["ann", 4],
      ["bob", 4],
    ]);
  });

  it("count shadowing in the shadowing person's own share, off their max", () => {
    const facts = weekFacts(
      problem,
      {
        assignments: [
          stint("ann", "big-desk", "23", "09:00", "13:00"),
          { ...stint("cy", "big-desk", "23", "09:00", "13:00"), shadowing: true },
        ],
      },
      setup,
    );
    expect(facts.map((f) => [f.person, f.worked, f.fairShare])).toEqual([
      ["ann", 4, 4],
      ["bob", 0, 0],
      ["cy", 4, 4],
    ]);
  });

  it("give no hours at a site on a day the rota had the person shadowing at another", () => {
    const monday = { mon: [["09:00", "17:00"]] };
    const twoSites = tinyProblem({
      sites: [
        site("big", {
          open: monday,
          servicePoints: [point("big-desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)])],
        }),
        site("small", {
          open: monday,
          servicePoints: [point("small-rec", "reception", [band(["mon"], "09:00", "17:00", 1)])],
        }),
      ],
      weights: { supervision: 0, keyholder: 0 },
      people: [
        staff("ann", { sites: ["big"], hours: { target: 10, max: 20 } }),
        staff("dan", {
          sites: ["big", "small"],
          hours: { target: 10, max: 20 },
          training: { helpdesk: "independent", reception: "shadowing" },
        }),
      ],
    });
    const shares = (dan: Assignment) =>
      weekFacts(
        twoSites,
        { assignments: [stint("ann", "big-desk", "23", "09:00", "13:00"), dan] },
        setupFromProblem(twoSites).setup,
      ).map((f) => [f.person, f.fairShare]);
    // Shadowing at the small library on Monday, Dan could not have had the big one's Monday hours.
    expect(shares({ ...stint("dan", "small-rec", "23", "09:00", "11:00"), shadowing: true })).toEqual([
      ["ann", 4],
      ["dan", 2],
    ]);
    // Shadowing at the big library itself, the 4 h are shared: ann 3, dan 1 + his 2 h of shadowing.
    expect(shares({ ...stint("dan", "big-desk", "23", "13:00", "15:00"), shadowing: true })).toEqual([
      ["ann", 3],
      ["dan", 3],
    ]);
  });
});
