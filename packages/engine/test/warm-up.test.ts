import { parseProblem, resolve, type ResolveResult } from "@deskrota/core/internal";
import { describe, expect, it } from "vitest";
import { warmOn, warmUp } from "../src/warm-up";
import { annSick, chainPublished, chainWeek } from "./support/chain-week";

const parsed = parseProblem(chainWeek);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem = parsed.value;

/** A repair without its time, which is all that may differ between two runs. */
const repaired = (): unknown => {
  const { rota, ...rest }: ResolveResult = resolve(problem, chainPublished, annSick, {
    now: "2026-11-22T12:00",
    workBudget: 200,
  });
  const { solver, ...kept } = rota;
  return { ...rest, rota: kept, solver: { ...solver, timeMs: 0 } };
};

describe("a worker's warm-up", () => {
  it("repairs the small campus after absences, and leaves later repairs as they were without it", () => {
    const cold = repaired();
    expect(warmUp()).toBe(12);
    expect(repaired()).toEqual(cold);
  });

  it("repairs a published week after its own absences, and leaves its later repairs as they were", () => {
    const cold = repaired();
    // Two stints: Ann's alone, then Cal's (the next three stints are only that one).
    expect(warmOn(problem, chainPublished, { clock: () => performance.now() })).toBe(2);
    expect(repaired()).toEqual(cold);
  });

  it("stops within the repair under way when told to, with the repairs made so far", () => {
    let reads = 0;
    const clock = () => reads++;
    expect(warmOn(problem, chainPublished, { clock, shouldStop: () => reads > 3 })).toBe(0);
    expect(warmOn(problem, chainPublished, { clock, shouldStop: () => true })).toBe(0);
  });
});
