import { describe, expect, it } from "vitest";
import { check } from "../check";
import { applyChange, type Change } from "../model/change";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { at, band, point, rota, site, staff, stint, tinyProblem, TUESDAY } from "../../test/support/tiny";
import { DeskrotaInputError } from "./errors";
import { resolve } from "./resolve";

// Undoing a mistaken absence is a change like any other: the re-solve takes the absence out and
// repairs the latest rota with the person available again, gaps first, then the fewest changes.
const SUNDAY_BEFORE = "2026-11-22T12:00";
const days = ["mon", "tue"];
const main = site("main", {
  open: Object.fromEntries(days.map((d) => [d, [["09:00", "17:00"]]])),
  servicePoints: [point("desk", "helpdesk", [band(days, "09:00", "17:00", 1)])],
});
const person = (id: string) =>
  staff(id, {
    training: { helpdesk: "independent" },
    name: id[0]?.toUpperCase() + id.slice(1),
    hours: { target: 8, max: 16, maxPerDay: 4 },
  });
// Each changed person-hour weighs twice a missing one: as weighed, a repair would rather leave a gap.
const problem: Problem = {
  ...tinyProblem({ sites: [main], people: [person("ann"), person("bob"), person("cal"), person("dee")] }),
  weights: { stability: 2000 },
};
const published = rota([
  stint("ann", "desk", "09:00", "13:00"),
  stint("bob", "desk", "13:00", "17:00"),
  stint("cal", "desk", "09:00", "13:00", TUESDAY),
  stint("dee", "desk", "13:00", "17:00", TUESDAY),
]);
const absence = { person: "bob", from: "2026-11-23T13:00", to: "2026-11-23T17:00" };
const applied = (on: Problem, change: Change) => {
  const result = applyChange(on, change);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const run = (on: Problem, from: RotaInput, change: Change, option?: "smaller") =>
  resolve(on, from, change, { now: SUNDAY_BEFORE, workBudget: 200, seed: 1, ...(option ? { option } : {}) });

describe("undoing a mistaken absence", () => {
  // The absence's repair as the coordinator took it: the smaller one, Bob's afternoon left open.
  const sick = { absences: [{ ...absence, reason: "sick" }] };
  const withAbsence = applied(problem, sick);
  const repaired = run(problem, published, sick, "smaller");

  it("refills the gap the absence left, changing no more person-slots than its repair did", () => {
    expect(repaired.rota.uncovered).toContainEqual(expect.objectContaining({ point: "desk", start: at("13:00") }));
    const undo = { removeAbsences: [absence] };
    const result = run(withAbsence, repaired.rota, undo);
    expect(check(applied(withAbsence, undo), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.diff.changes).toBeLessThanOrEqual(repaired.diff.changes);
    expect(result.diff.words).toEqual(["Bob: now on desk Mon 23 Nov 13:00–17:00"]);
  });

  it("changes nothing when the rota before the absence is the one to keep", () => {
    const result = run(withAbsence, published, { removeAbsences: [absence] });
    expect(result.diff.changes).toBe(0);
    expect(result.rota.uncovered).toEqual([]);
  });

  it("matches the recorded absence by its instants, however the times are written", () => {
    const written = { person: "bob", from: "2026-11-23T13:00:00+00:00", to: "2026-11-23T17:00:00.000Z" };
    const without = applied(withAbsence, { removeAbsences: [written] });
    expect(without.people.find((p) => p.id === "bob")?.absences ?? []).toEqual([]);
  });

  it("refuses an absence that is not recorded, with its path", () => {
    const wrong = { removeAbsences: [{ ...absence, to: "2026-11-23T16:00" }] };
    expect(applyChange(withAbsence, wrong)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: "removeAbsences.0", code: "unknown_reference" })],
    });
    try {
      run(withAbsence, repaired.rota, wrong);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeskrotaInputError);
      expect((error as DeskrotaInputError).issues.map((i) => i.path)).toEqual(["removeAbsences.0"]);
    }
  });
});
