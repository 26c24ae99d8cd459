import { describe, expect, it } from "vitest";
import type { SolveRun } from "../src/child/solve-task";
import { certificateGoals, certificateRows } from "../src/sections/certificate";
import type { RunRecord, SolveSummary } from "../src/sections/solves";

/** A run of a 60 s solve: its improvements, its bounds as they came, and its final report. */
function run(curve: [number, number][], bounds: [number, number][], finished: boolean): RunRecord {
  const final = curve.at(-1)?.[1] ?? 0;
  return {
    seed: 1,
    status: "ok",
    peakRssMb: 100,
    run: {
      curve,
      bounds,
      boundFinished: finished,
      solver: { objective: final, bestBound: bounds.at(-1)?.[1] ?? null },
    } as unknown as SolveRun,
  };
}

const summary = { instance: "large-system", timeLimitMs: 60_000 } as SolveSummary;
const best = { "large-system": { objective: 100, how: "test", commit: "x" } };

describe("certificateRows", () => {
  it("reads each run's rota and bound as they stood at 10 s, and the rota's own at the limit", () => {
    const runs = {
      "large-system": [
        // At 10 s: 130 against a bound of 90 (30.8 %); at 60 s: 110 against 92 (16.4 %).
        run(
          [
            [500, 200],
            [9_000, 130],
            [30_000, 110],
          ],
          [
            [2_000, -50],
            [8_000, 90],
            [40_000, 92],
          ],
          true,
        ),
        // At 10 s its only bound is too weak for a gap; at 60 s 120 against 84 (30 %).
        run(
          [
            [700, 180],
            [50_000, 120],
          ],
          [
            [3_000, -400],
            [20_000, 84],
          ],
          false,
        ),
      ],
    };
    const [row] = certificateRows([summary], runs, best);
    expect(row?.at).toEqual([
      { atS: 10, reportedGapPct: 30.77, noUsefulBound: 1, boundToBestPct: 255 },
      { atS: 60, reportedGapPct: 23.18, noUsefulBound: 0, boundToBestPct: 12 },
    ]);
    expect(row?.boundFinished).toBe(1);
    const [at10, at60] = certificateGoals(row ? [row] : []);
    // Half the runs had no useful bound at 10 s: not met, whatever the other run's gap.
    expect(at10?.met).toBe(false);
    expect(at60?.met).toBe(false);
    expect(at60?.measured).toMatch(/^23\.2 %/);
  });
});
