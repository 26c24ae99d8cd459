import { describe, expect, it } from "vitest";
import { check } from "../check";
import { applyChange, type Change } from "../model/change";
import type { Problem } from "../model/problem";
import { highs } from "../../test/support/highs";
import { at, rota, staff, stint, TUESDAY, tinyProblem, twoMornings } from "../../test/support/tiny";
import { minimumChange } from "./repair-exact";

// A desk open Monday and Tuesday 09:00–13:00 needing one person. Ann works Monday, Cal Tuesday;
// Cal may work only 4 h a week, and Dee only on Tuesdays. With 30-minute slots a morning is 8.
const desk = twoMornings();
const tuesdays = { tue: [["00:00", "24:00"]] };
const cal = staff("cal", { hours: { target: 4, max: 4 } });
const dee = staff("dee", { availability: tuesdays });
const problem = tinyProblem({ sites: [desk], people: [staff("ann"), cal, dee] });
const published = rota([stint("ann", "desk", "09:00", "13:00"), stint("cal", "desk", "09:00", "13:00", TUESDAY)]);
const SUNDAY = "2026-11-22T12:00";
const sick = (who: string, from: string, to: string): Change => ({
  absences: [{ person: who, from, to, reason: "sick" }],
});
const after = (change: Change, on: Problem = problem) => {
  const result = applyChange(on, change);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe("minimumChange", () => {
  it("fills first, then proves the fewest changes: Cal moves to Monday and Dee takes Cal's Tuesday", async () => {
    const change = sick("ann", "2026-11-23T09:00", "2026-11-23T13:00");
    const result = minimumChange(problem, published, change, SUNDAY, { backend: await highs() });
    const none = { cover: 0, lead: 0, keyholder: 0 };
    expect(result).toMatchObject({ before: none, target: none, targetProven: true, proven: true });
    // Ann's 8 slots off, Cal's 8 on Monday and 8 off Tuesday, Dee's 8 on: filling Monday takes all four.
    expect(result.changes).toBe(32);
    expect(result.bound).toBe(32);
    expect(check(after(change), result.rota ?? { assignments: [] }).violations).toEqual([]);
    expect(result.rota?.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ person: "cal", start: at("09:00"), end: at("13:00") }),
        expect.objectContaining({ person: "dee", start: at("09:00", TUESDAY), end: at("13:00", TUESDAY) }),
      ]),
    );
  });

  it("settles for the best cover there is when it cannot be restored, and then changes only what must", async () => {
    // Ann is away both days, and there is no Dee.
    const alone = tinyProblem({ sites: [desk], people: [staff("ann"), cal] });
    const change = sick("ann", "2026-11-23T09:00", "2026-11-24T13:00");
    const result = minimumChange(alone, published, change, SUNDAY, { backend: await highs() });
    // Moving Cal to Monday would open Tuesday: cover stays 8 slots short, with a lead and a keyholder
    // missing for the same morning (8 slots, and its opening and closing).
    expect(result.target).toEqual({ cover: 8, lead: 8, keyholder: 2 });
    expect(result).toMatchObject({ targetProven: true, proven: true, changes: 8, bound: 8 });
  });

  it("keeps what began before now: Ann's morning until 11:00, and the fewest changes around it", async () => {
    // It is 11:00 on Monday and Ann goes home. Cal's 4 h are split: Monday 11:00–13:00 and two
    // hours of Tuesday, Dee the other two (a shift is at least two hours).
    const change = sick("ann", "2026-11-23T11:00", "2026-11-23T13:00");
    const result = minimumChange(problem, published, change, "2026-11-23T11:00", { backend: await highs() });
    expect(result).toMatchObject({ proven: true, changes: 16, target: { cover: 0, lead: 0, keyholder: 0 } });
    expect(result.rota?.assignments).toContainEqual(
      expect.objectContaining({ person: "ann", start: at("09:00"), end: at("11:00") }),
    );
    expect(check(after(change), result.rota ?? { assignments: [] }).violations).toEqual([]);
  });

  it("takes the target from a known repair that reaches it, and proves the same minimum from it", async () => {
    const change = sick("ann", "2026-11-23T09:00", "2026-11-23T13:00");
    const known = rota([stint("cal", "desk", "09:00", "13:00"), stint("dee", "desk", "09:00", "13:00", TUESDAY)]);
    const result = minimumChange(problem, published, change, SUNDAY, { backend: await highs(), start: known });
    expect(result).toMatchObject({ proven: true, changes: 32, targetProven: true });
  });
});
