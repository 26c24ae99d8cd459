import { fc, it as prop } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { example } from "../../../test/support/examples";
import { highs } from "../../../test/support/highs";
import { RULES } from "../../rules";
import type { MilpBackend } from "../backends/backend";
import { compile } from "../../compile/instance";
import { buildModel } from "../../compile/model";
import { canonical, startingState } from "../solve";
import { freedOf, moveModel, Polisher, restrictToMove, type MoveModel } from "./polish";
import { search } from "./search";
import type { SearchState } from "./state";

/** A rota to move from: the search's own moves only, deterministic. */
function rotaOf(name: string): SearchState {
  const state = startingState(compile(canonical(example(name))));
  search(state, new Map(), { moves: 400, seed: 3 });
  return state;
}

function optimum(backend: MilpBackend, move: MoveModel): number {
  const result = backend.solve(move.sub, { relativeGap: 0 });
  if (result.status !== "optimal" || !result.x) throw new Error(`HiGHS: ${result.status}`);
  return move.sub.objectiveOf(result.x);
}

const integerLabels = (move: MoveModel) => move.sub.labels.filter((_, j) => move.sub.integer[j]).sort();

/**
 * The exact moves build their MILP for the freed people only, holding everyone else's placements
 * nearby; the oracle is the whole week's model with everything but the freed person-days held.
 */
async function expectSameMove(state: SearchState, personDays: [number, number][]): Promise<void> {
  const backend = await highs();
  const own = moveModel(state, personDays, true);
  const whole = restrictToMove(state, buildModel(state.inst, RULES), freedOf(personDays));
  if (!whole || !own) {
    expect(own).toBe(whole);
    return;
  }
  expect(integerLabels(own)).toEqual(integerLabels(whole));
  expect(optimum(backend, own)).toBeCloseTo(optimum(backend, whole), 6);
}

describe("exact moves", () => {
  const small = rotaOf("small-campus");
  const personDay = fc.tuple(fc.nat(small.inst.people.length - 1), fc.nat(small.inst.dates.length - 1));

  prop.prop([fc.array(personDay, { minLength: 1, maxLength: 8 })], { numRuns: 25 })(
    "solve the whole week's model restricted to the freed person-days (small-campus)",
    async (personDays) => {
      await expectSameMove(small, personDays);
    },
  );

  it("solve the same MILP across midnight on a 24-hour site and over whole weeks (dst-week)", async () => {
    const state = rotaOf("dst-week");
    const nights = state.inst.people.filter((p) =>
      p.sites.some((s) =>
        state.inst.slots.some((g) => g.site === s && g.next >= 0 && state.inst.slots[g.next]?.day !== g.day),
      ),
    );
    expect(nights.length).toBeGreaterThan(2);
    const [a, b, c] = nights.map((p) => p.index) as [number, number, number];
    for (let day = 0; day < state.inst.dates.length; day++)
      await expectSameMove(state, [
        [a, day],
        [b, day],
        [c, day],
      ]);
    await expectSameMove(state, [
      [a, 5],
      [a, 6],
      [b, 5],
      [c, 6],
    ]);
    await expectSameMove(
      state,
      state.inst.dates.flatMap(
        (_, day) =>
          [
            [a, day],
            [b, day],
          ] as [number, number][],
      ),
    );
  });

  it("win back a day that was cleared, with the backend options the moves use", async () => {
    const state = rotaOf("small-campus");
    const busiest = state.inst.people
      .map((p) => p.index)
      .sort((a, b) => state.dayPlan(b, 2).length - state.dayPlan(a, 2).length)[0] as number;
    expect(state.dayPlan(busiest, 2).length).toBeGreaterThan(0);
    const before = state.objective;
    state.setDay(busiest, 2, []);
    const cleared = state.objective;
    const gain = new Polisher(state, await highs()).improve([[busiest, 2]], { nodeLimit: 1000, seed: 1 });
    expect(gain).toBeLessThan(0);
    expect(state.objective).toBeCloseTo(cleared + gain, 6);
    expect(state.objective).toBeLessThanOrEqual(before + 1e-6);
  });
});
