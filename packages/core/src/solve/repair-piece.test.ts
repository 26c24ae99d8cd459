import { describe, expect, it } from "vitest";
import { repairState } from "../../test/support/repair";
import type { Change } from "../model/change";
import { band, point, rota, site, staff, stint, tinyProblem } from "../../test/support/tiny";
import { fillByChains } from "./repair-chain";
import { gapLevelsOf } from "./search/gap-levels";

// Two sites open Monday 12:00–18:00, a desk each. Ann is off at Main 16:00–18:00. Only Bob could work at Main then,
// and only until 17:00; he is at Health 13:00–17:00, where Cal could take his place. The fewest gaps: Bob moves
// to Main and takes 16:00–17:00, Cal takes Health (the typical week's Friday, s031 off: s037 from Health to Main).
const desk = (id: string) =>
  site(id, {
    open: { mon: [["12:00", "18:00"]] },
    servicePoints: [point(`${id}-desk`, "helpdesk", [band(["mon"], "12:00", "18:00", 1)])],
  });
const problem = tinyProblem({
  sites: [desk("main"), desk("health")],
  people: [
    staff("ann", { sites: ["main"] }),
    staff("bob", { sites: ["main", "health"], availability: { mon: [["12:00", "17:00"]] } }),
    staff("cal", { sites: ["health"], availability: { mon: [["13:00", "17:00"]] } }),
    staff("dee", { sites: ["health"] }),
  ],
});
const published = rota([
  stint("ann", "main-desk", "12:00", "18:00"),
  stint("dee", "health-desk", "12:00", "13:00"),
  stint("bob", "health-desk", "13:00", "17:00"),
  stint("dee", "health-desk", "17:00", "18:00"),
]);
const change: Change = {
  absences: [{ person: "ann", from: "2026-11-23T16:00", to: "2026-11-23T18:00", reason: "sick" }],
};
const SUNDAY = Date.parse("2026-11-22T12:00:00Z");

describe("a chain that takes one end of a run nobody can take whole", () => {
  it("moves Bob to Main for 16:00–17:00 and lets Cal take his place at Health", () => {
    const kept = published.assignments.map((a) =>
      a.person === "ann" ? stint("ann", "main-desk", "12:00", "16:00") : a,
    );
    const open = repairState(problem, published.assignments, kept, SUNDAY, change);
    expect(gapLevelsOf(open).cover).toBe(4);
    const chained = fillByChains(open, new Set([0]), { moves: 0, seed: 1, stallLimit: 60, ruinSize: 4 });
    expect(chained && gapLevelsOf(chained).cover).toBe(2);
  });

  it("does so with Eve pinned shadowing at Health 12:00–17:00, beside Bob until he moves", () => {
    // Eve needs an independent colleague beside her: Bob leaving strands her until Cal is settled in. With only runs
    // taken whole (before), no chain filled any of Main's run.
    const withEve = tinyProblem({
      sites: [desk("main"), desk("health")],
      people: [...problem.people, staff("eve", { sites: ["health"], training: { helpdesk: "shadowing" } })],
      pinned: [{ person: "eve", point: "health-desk", start: "2026-11-23T12:00", end: "2026-11-23T17:00" }],
    });
    const assignments = [
      ...published.assignments,
      stint("eve", "health-desk", "12:00", "17:00", undefined, { shadowing: true }),
    ];
    const kept = assignments.map((a) => (a.person === "ann" ? stint("ann", "main-desk", "12:00", "16:00") : a));
    const open = repairState(withEve, assignments, kept, SUNDAY, change);
    expect(gapLevelsOf(open).cover).toBe(4);
    const chained = fillByChains(open, new Set([0]), { moves: 0, seed: 1, stallLimit: 60, ruinSize: 4 });
    expect(chained && gapLevelsOf(chained).cover).toBe(2);
  });
});
