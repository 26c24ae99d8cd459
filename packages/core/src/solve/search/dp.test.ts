import { describe, expect, it } from "vitest";
import { example } from "../../../test/support/examples";
import { compile } from "../../compile/instance";
import { canonical } from "../solve";
import { bestDays } from "./dp";
import { SearchState } from "./state";

// dst-week's site open round the clock has night shifts that run into the next date's.
const state = new SearchState(compile(canonical(example("dst-week"))));

describe("dp", () => {
  // The relaxed week (the bound's) forgets where a date's shift ended once no later plan can start
  // before it: a night shift still keeps the next date's early shift out.
  it("never plans a relaxed week whose shifts overlap", () => {
    const inst = state.inst;
    let nights = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const valueAt = (k: number, g: number) => {
        const x = Math.sin(seed * 12.9898 + k * 78.233 + g * 37.719) * 43758.5453;
        return (x - Math.floor(x) - 0.8) * 400;
      };
      const days = inst.dates.map((_, d) => d);
      for (const person of inst.people) {
        const week = bestDays(state, person.index, days, new Map(), { valueAt });
        const shifts = [...(week?.plans.values() ?? [])]
          .filter((plan) => plan.length > 0)
          .map((plan) => {
            const first = inst.slots[plan[0]?.slot as number];
            const last = inst.slots[plan[plan.length - 1]?.slot as number];
            return { start: first?.start as number, end: last?.end as number, date: first?.day };
          })
          .sort((a, b) => a.start - b.start);
        for (let i = 1; i < shifts.length; i++) {
          const [before, after] = [shifts[i - 1], shifts[i]] as const;
          expect(after?.start).toBeGreaterThanOrEqual(before?.end as number);
          if (before && inst.slots.some((s) => s.day !== before.date && s.start < before.end && s.end > before.start))
            nights++;
        }
      }
    }
    // Not vacuous: on these seeds someone works a night into the next date.
    expect(nights).toBeGreaterThan(0);
  });
});
