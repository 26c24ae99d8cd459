import { describe, expect, it } from "vitest";
import { example } from "../../test/support/examples";
import { highs } from "../../test/support/highs";
import type { BackendOptions, MilpBackend } from "./backends/backend";
import { exactOrBound } from "./exact";
import { lowerBound, solve } from "./solve";

describe("exactOrBound", () => {
  const problem = example("dst-week");
  /** `step` seconds a reading: the Lagrangian gets a few iterations, not minutes */
  const fastClock = (step = 1) => {
    let now = 0;
    return () => (now += step * 1000);
  };
  let relaxed: number | undefined;
  const lp = async () => (relaxed ??= lowerBound(problem, await highs()) as number);

  // The Lagrangian is weak on the 24-hour site of dst-week, the LP is not: with time to spare the
  // LP runs too, and only better bounds are reported.
  it("bounds a mid-sized week by the LP relaxation too when the limit is long, and never reports a worse bound after " +
    "a better one", async () => {
    const reported: number[] = [];
    // The LP gets a quarter of the limit in real seconds (the clock is fake, HiGHS's is not): a
    // minute, time enough on a loaded machine for an LP of 3 s.
    const result = await exactOrBound(problem, highs, {
      timeLimitSeconds: 240,
      clock: fastClock(20),
      onBound: (b) => reported.push(b),
    });
    expect(result.bound as number).toBeGreaterThanOrEqual((await lp()) - 1e-6);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    expect(result.bound).toBe(reported[reported.length - 1]);
    const rota = solve(problem, { workBudget: 2000, seed: 1 });
    expect(result.bound as number).toBeLessThanOrEqual(rota.solver?.objective ?? -Infinity);
  }, 300_000); // two LPs of dst-week, each up to the minute it is given

  it("leaves the LP out where the Lagrangian is already close to the rota (typical-week: passes its LP)", async () => {
    let loads = 0;
    const counted = () => {
      loads++;
      return highs();
    };
    const result = await exactOrBound(example("typical-week"), counted, {
      timeLimitSeconds: 60,
      clock: fastClock(0.15),
      // the best rota known (benchmarks/best-known.json)
      incumbent: () => 15_485,
    });
    expect(loads).toBe(0);
    expect(result.boundKind).toBe("lagrangian");
    // Its LP relaxation is 12 552 (docs/decisions.md §16).
    expect(result.bound as number).toBeGreaterThan(0.8 * 15_485);
    expect(result.bound as number).toBeLessThanOrEqual(15_485);
  }, 120_000);

  it("leaves the LP out of a short solve, and does not load a backend for it", async () => {
    const reported: number[] = [];
    let loads = 0;
    const counted = () => {
      loads++;
      return highs();
    };
    const result = await exactOrBound(problem, counted, {
      timeLimitSeconds: 10,
      clock: fastClock(),
      onBound: (b) => reported.push(b),
    });
    expect(reported.length).toBeGreaterThan(0);
    expect(result.bound as number).toBeLessThan(await lp());
    expect(loads).toBe(0);
  });

  it("keeps the LP bound of a small week whose limit leaves the whole-week MILP too little time", async () => {
    // What each solve was asked: the LP (a relaxation), then the MILP only with ≥ 5 s for it.
    const asked: BackendOptions[] = [];
    const recording: MilpBackend = {
      name: "recording",
      maxDenseCells: Infinity,
      solve: (_milp, options) => {
        asked.push(options);
        return options.relaxation ? { status: "optimal", objective: 100, bound: 100 } : { status: "limit" };
      },
    };
    const small = example("small-campus");
    const short = await exactOrBound(small, async () => recording, { timeLimitSeconds: 3 });
    expect(short).toEqual({ bound: 100, boundKind: "lp-relaxation", proven: false });
    expect(asked.map((o) => o.relaxation === true)).toEqual([true]);
    asked.length = 0;
    await exactOrBound(small, async () => recording, { timeLimitSeconds: 6.5 });
    expect(asked.map((o) => o.relaxation === true)).toEqual([true, false]);
    expect(asked[1]?.timeLimitSeconds).toBe(5);
  });
});
