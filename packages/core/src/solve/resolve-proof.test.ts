import { describe, expect, it } from "vitest";
import { check } from "../check";
import { applyChange, type Change } from "../model/change";
import { highs } from "../../test/support/highs";
import { rota, staff, stint, TUESDAY, tinyProblem, twoMornings } from "../../test/support/tiny";
import type { MilpBackend } from "./backends/backend";
import { resolve, type ResolveResult } from "./resolve";

// A desk open Monday and Tuesday mornings; Cal may work only 4 h a week, Dee only on Tuesdays: the
// fewest changes that fill Ann's Monday move Cal to Monday and Dee to Tuesday (32 person-slots).
const problem = tinyProblem({
  sites: [twoMornings()],
  people: [
    staff("ann"),
    staff("cal", { hours: { target: 4, max: 4 } }),
    staff("dee", { availability: { tue: [["00:00", "24:00"]] } }),
  ],
});
const published = rota([stint("ann", "desk", "09:00", "13:00"), stint("cal", "desk", "09:00", "13:00", TUESDAY)]);
const change: Change = {
  absences: [{ person: "ann", from: "2026-11-23T09:00", to: "2026-11-23T13:00", reason: "sick" }],
};
const SUNDAY = "2026-11-22T12:00";

describe("resolve with the proof", () => {
  it("fills through a chain of moves the search misses, and says it is proven fewest only once proved", async () => {
    const proved = resolve(problem, published, change, {
      now: SUNDAY,
      workBudget: 200,
      seed: 1,
      proof: { backend: await highs() },
    });
    const after = applyChange(problem, change);
    if (!after.ok) throw new Error("the change is valid");
    expect(check(after.value, proved.rota).violations).toEqual([]);
    expect(proved.proof).toEqual({
      changedSlots: 32,
      minimum: 32,
      bound: 32,
      proven: true,
      timedOut: false,
      timeLimitSeconds: 30,
      target: { cover: 0, lead: 0, keyholder: 0 },
      fillsMore: false,
    });
    expect(proved.minimal).toBe(true);
    expect(proved.minimalReason).toMatch(/^32 person-slots \(16 h\) changed: proven the fewest by the exact model/);
    expect(proved.rota.uncovered).toEqual([]);
  });

  it("fills through the chain without the exact model, with the proven fewest changes, and claims no proof", () => {
    // Two people must move (Cal to Monday, Dee to Cal's Tuesday): no single move of the search fills it.
    const plain = resolve(problem, published, change, { now: SUNDAY, workBudget: 200, seed: 1 });
    const after = applyChange(problem, change);
    if (!after.ok) throw new Error("the change is valid");
    expect(check(after.value, plain.rota).violations).toEqual([]);
    expect(plain.proof).toBeUndefined();
    expect(plain.rota.uncovered).toEqual([]);
    expect(plain.minimalWords).toMatch(/^not proven: 32 person-slots \(16 h\) changed/);
    expect(plain.options.map((o) => [o.id, o.chosen, o.words])).toEqual([
      ["fills", true, "fills everything: 2 people, 16 h changed"],
      [
        "smaller",
        false,
        "leaves desk Mon 23 Nov 09:00–13:00 open, with 4 h without a lead and 1 h without a keyholder: " +
          "1 person, 4 h changed",
      ],
    ]);
  });

  it("says the time limit stopped it, and claims nothing, when the model runs out of time", () => {
    // A backend stopped by its limit before it has a point: as HiGHS answers on a week too big for the time given.
    const stopped: MilpBackend = { name: "stopped", maxDenseCells: Infinity, solve: () => ({ status: "limit" }) };
    const result = resolve(problem, published, change, {
      now: SUNDAY,
      workBudget: 200,
      seed: 1,
      proof: { backend: stopped, timeLimitSeconds: 1 },
    });
    expect(result.proof).toMatchObject({ proven: false, timedOut: true, minimum: null, timeLimitSeconds: 1 });
    expect(result.minimal).toBe(false);
    expect(result.minimalWords).toMatch(/^not proven: time limit: the exact model stopped at its 1 s per solve /);
    expect(result.minimalWords).toMatch(/before proving the fewest; \d+ person-slots/);
  });

  it("hands the search's repair to onAnswer before the proof, and the proof's as the result", async () => {
    const answers: ResolveResult[] = [];
    const proved = resolve(problem, published, change, {
      now: SUNDAY,
      workBudget: 200,
      seed: 1,
      proof: { backend: await highs() },
      onAnswer: (searched) => answers.push(searched),
    });
    const plain = resolve(problem, published, change, { now: SUNDAY, workBudget: 200, seed: 1 });
    expect(answers).toHaveLength(1);
    expect(answers[0]?.rota.assignments).toEqual(plain.rota.assignments);
    expect(answers[0]?.proof).toBeUndefined();
    expect(proved.proof?.proven).toBe(true);
    // No proof, no early answer: the result is the only one.
    resolve(problem, published, change, { now: SUNDAY, workBudget: 200, seed: 1, onAnswer: (a) => answers.push(a) });
    expect(answers).toHaveLength(1);
  });
});
