import { describe, expect, it } from "vitest";
import { repairState } from "../../test/support/repair";
import { check } from "../check";
import { applyChange, type Change } from "../model/change";
import { band, point, rota, site, staff, stint, student, tinyProblem } from "../../test/support/tiny";
import { fillByChains, takeBack } from "./repair-chain";
import { changesFrom } from "./repair-exact";
import { gapLevelsOf } from "./search/gap-levels";
import type { SearchState } from "./search/state";
import { resolve } from "./resolve";

// Monday 12:00–21:00: a help desk that takes one person, and roving 12:00–16:00 in stints of at most 2 h. Only Ann
// and Bob may rove; Ann is off 12:00–14:00. The fewest changes (18 person-slots, as the small campus's s001 on
// Thursday): Bob starts at 12:00 and ends at 19:00 (7 h, his most), which needs Stu, on the desk at 14:00, to rove
// that half-hour so that Bob can take the desk between his two roving stints; Cal takes 19:00–21:00.
const roving = { helpdesk: "independent", roving: "independent" };
const problem = tinyProblem({
  sites: [
    site("main", {
      open: { mon: [["12:00", "21:00"]] },
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "12:00", "21:00", 1, { max: 1 })]),
        point("roving", "roving", [band(["mon"], "12:00", "16:00", 1, { max: 1 })], { maxStintMinutes: 120 }),
      ],
    }),
  ],
  people: [
    staff("ann", { training: roving }),
    staff("bob", { training: roving, hours: { target: 7, max: 20, maxPerDay: 7 } }),
    staff("cal", { hours: { target: 2, max: 20, maxPerDay: 2 } }),
    staff("dan"),
    student("stu", { training: roving, availability: { mon: [["14:00", "16:00"]] } }),
  ],
});
const published = rota([
  stint("ann", "roving", "12:00", "14:00"),
  stint("dan", "desk", "12:00", "14:00"),
  stint("stu", "desk", "14:00", "16:00"),
  stint("bob", "roving", "14:00", "16:00"),
  stint("bob", "desk", "16:00", "21:00"),
]);
const change: Change = {
  absences: [{ person: "ann", from: "2026-11-23T12:00", to: "2026-11-23T14:00", reason: "sick" }],
};

const SUNDAY = Date.parse("2026-11-22T12:00:00Z");

/** The published rota less Ann's stint: roving 12:00–14:00 open. */
function withoutAnn(): SearchState {
  const kept = published.assignments.filter((a) => a.person !== "ann");
  return repairState(problem, published.assignments, kept, SUNDAY, change);
}

describe("a chain's first move with a colleague stepping aside", () => {
  it("slides Bob to 12:00–19:00 with Stu roving 14:00–14:30 by the chain alone (no search moves after it)", () => {
    // With Stu left on the desk, Bob's day could not start at 12:00 and run past 14:00: the chain changed 40.
    const open = withoutAnn();
    expect(gapLevelsOf(open).cover).toBe(4);
    const chained = fillByChains(open, new Set([0]), { moves: 0, seed: 1, stallLimit: 60, ruinSize: 4 });
    expect(chained && gapLevelsOf(chained)).toEqual({ cover: 0, lead: 0, keyholder: 0 });
    const back = chained && (takeBack(chained) ?? chained);
    expect(back && changesFrom(back.inst, back.at)).toBe(18);
  });

  it("repairs Ann's absence so, at the proven fewest changes", () => {
    const repaired = resolve(problem, published, change, { now: "2026-11-22T12:00", workBudget: 400, seed: 1 });
    const after = applyChange(problem, change);
    if (!after.ok) throw new Error("the change is valid");
    expect(check(after.value, repaired.rota).violations).toEqual([]);
    expect(repaired.rota.uncovered).toEqual([]);
    expect(repaired.minimalWords).toMatch(/^not proven: 18 person-slots \(9 h\) changed/);
  });
});
