import { describe, expect, it } from "vitest";
import { example } from "../../test/support/examples";
import { highs } from "../../test/support/highs";
import { exactOrBound } from "./exact";
import { lowerBound, solve } from "./solve";

describe("exactOrBound", () => {
  const problem = example("dst-week");
  /** one reading a second: the Lagrangian gets a few iterations, not a minute */
  const fastClock = () => {
    let now = 0;
    return () => (now += 1000);
  };
  let relaxed: number | undefined;
  const lp = async () => (relaxed ??= lowerBound(problem, await highs()) as number);

  // The Lagrangian is weak on the 24-hour site of dst-week, the LP is not: with time to spare the
  // LP runs too, and only better bounds are reported.
  it(
    "bounds a mid-sized week by the LP relaxation too when the limit is long, and never reports a worse bound after " +
      "a better one",
    async () => {
      const backend = await highs();
      const reported: number[] = [];
      const result = exactOrBound(problem, backend, {
        timeLimitSeconds: 60,
        clock: fastClock(),
        onBound: (b) => reported.push(b),
      });
      expect(result.bound as number).toBeGreaterThanOrEqual((await lp()) - 1e-6);
      expect(reported).toEqual([...reported].sort((a, b) => a - b));
      expect(result.bound).toBe(reported[reported.length - 1]);
      const rota = solve(problem, { workBudget: 2000, seed: 1 });
      expect(result.bound as number).toBeLessThanOrEqual(rota.solver?.objective ?? -Infinity);
    },
  );

  it("leaves the LP out of a short solve", async () => {
    const backend = await highs();
    const reported: number[] = [];
    const result = exactOrBound(problem, backend, {
      timeLimitSeconds: 10,
      clock: fastClock(),
      onBound: (b) => reported.push(b),
    });
    expect(reported.length).toBeGreaterThan(0);
    expect(result.bound as number).toBeLessThan(await lp());
  });
});
