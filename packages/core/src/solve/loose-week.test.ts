import { fc, it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { example } from "../../test/support/examples";
import { compile } from "../compile/instance";
import { penalty } from "../rules/hours-fairness";
import { LooseWeeks } from "./loose-week";
import { bestDays } from "./search/dp";
import { SearchState } from "./search/state";
import { canonical } from "./solve";

// dst-week has a site open round the clock (shifts past midnight), small-campus one shift a day.
const states = Object.fromEntries(
  (["small-campus", "dst-week"] as const).map((name) => [name, new SearchState(compile(canonical(example(name))))]),
);

/** Slot values from a seed: prices of a few hundred points, rewards and costs alike. */
function valuer(seed: number): (k: number, g: number) => number {
  return (k, g) => {
    const x = Math.sin(seed * 12.9898 + k * 78.233 + g * 37.719) * 43758.5453;
    return (x - Math.floor(x) - 0.6) * 400;
  };
}

describe("loose-week", () => {
  it.prop([fc.constantFrom("small-campus", "dst-week"), fc.integer({ min: 1, max: 1e6 })], { numRuns: 12 })(
    "never costs more than the week DP's best week at the same slot values",
    (name, seed) => {
      const state = states[name] as SearchState;
      const inst = state.inst;
      const weeks = new LooseWeeks(state);
      const valueAt = valuer(seed);
      const days = inst.dates.map((_, d) => d);
      const h = inst.slotMinutes / 60;
      for (const person of inst.people) {
        if (person.maxShiftsPerDay !== 1) continue;
        const exact = bestDays(state, person.index, days, new Map(), { valueAt });
        if (!exact) continue;
        const none = penalty(0, person.targetSlots * h, person.minSlots * h, inst.weights);
        expect(weeks.week(person.index, valueAt).cost).toBeLessThanOrEqual(exact.cost + none + 1e-6);
      }
    },
  );

  it.prop([fc.integer({ min: 1, max: 1e6 })], { numRuns: 8 })(
    "costs exactly the slots it takes, a shift a day worked and the hours term",
    (seed) => {
      const state = states["small-campus"] as SearchState;
      const inst = state.inst;
      const weeks = new LooseWeeks(state);
      const valueAt = valuer(seed);
      const h = inst.slotMinutes / 60;
      for (const person of inst.people) {
        const week = weeks.week(person.index, valueAt);
        const worked = new Set(week.slots.map(({ slot }) => inst.slots[slot]?.day));
        const cost =
          week.slots.reduce((sum, { slot, point }) => sum + valueAt(point, slot), 0) +
          worked.size * state.w.shifts +
          penalty(week.slots.length * h, person.targetSlots * h, person.minSlots * h, inst.weights);
        expect(week.cost).toBeCloseTo(cost, 6);
        expect(week.slots.length).toBeLessThanOrEqual(person.maxWeekSlots);
        for (const { slot, point } of week.slots) expect(state.options[person.index]?.[slot]).toContain(point);
      }
    },
  );
});
