import { describe, expect, it } from "vitest";
import { repairState } from "../../test/support/repair";
import type { Change } from "../model/change";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";
import { fillByChains } from "./repair-chain";
import { gapLevelsOf } from "./search/gap-levels";

// Monday 12:00–21:00, a desk for one or two. Ann (a lead) is off 14:30–17:00; Cat, no lead, may work only then; Lee,
// a lead and keyholder for at most 2.5 h a day, closes 19:00–21:00 beside Bob (no lead). With Cat on the desk, the
// site is without a lead 14:30–19:00 (9 half-hours). Lee sliding to 14:30–17:00 leaves 17:00–21:00 without one
// (8) and the close without a keyholder: better in the order cover, lead, keyholder, though a lead's and a
// keyholder's half-hour weigh the same (the typical week's Science on Wednesday, s016 off).
const noLead = { qualifications: [] };
const problem = tinyProblem({
  sites: [
    site("main", {
      open: { mon: [["12:00", "21:00"]] },
      servicePoints: [point("desk", "helpdesk", [band(["mon"], "12:00", "21:00", 1, { max: 2 })])],
    }),
  ],
  people: [
    staff("ann"),
    staff("bob", noLead),
    staff("cat", { ...noLead, availability: { mon: [["14:30", "17:00"]] } }),
    staff("lee", { hours: { target: 2.5, max: 20, maxPerDay: 2.5 } }),
  ],
});
const published = rota([
  stint("ann", "desk", "12:00", "17:00"),
  stint("bob", "desk", "17:00", "21:00"),
  stint("lee", "desk", "19:00", "21:00"),
]);
const change: Change = {
  absences: [{ person: "ann", from: "2026-11-23T14:30", to: "2026-11-23T17:00", reason: "sick" }],
};
const SUNDAY = Date.parse("2026-11-22T12:00:00Z");

describe("a chain for a run without a lead", () => {
  it("slides Lee's evening to the afternoon: one half-hour fewer without a lead, the close without keys", () => {
    const kept = [
      stint("ann", "desk", "12:00", "14:30"),
      stint("cat", "desk", "14:30", "17:00"),
      ...published.assignments.filter((a) => a.person !== "ann"),
    ];
    const open = repairState(problem, published.assignments, kept, SUNDAY, change);
    // Cover is back (Cat); the run 14:30–17:00 has no lead, and no move of one person's day fills it at a gain.
    expect(gapLevelsOf(open)).toEqual({ cover: 0, lead: 9, keyholder: 0 });
    const chained = fillByChains(open, new Set([0]), { moves: 0, seed: 1, stallLimit: 60, ruinSize: 4 });
    expect(chained && gapLevelsOf(chained)).toEqual({ cover: 0, lead: 8, keyholder: 1 });
  });
});
