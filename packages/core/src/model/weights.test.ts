import { describe, expect, it } from "vitest";
import { parseProblem } from "./parse";
import { DEFAULT_WEIGHTS, resolveWeights } from "./weights";
import { tinyProblem } from "../../test/support/tiny";

describe("weights", () => {
  it(
    "rank the coordinator's priorities: unmet minimum cover, then lead/keyholder time, then target, then hours, " +
      "then preferences",
    () => {
      const w = DEFAULT_WEIGHTS;
      expect(w.cover).toBeGreaterThan(w.supervision);
      expect(w.supervision).toBeGreaterThan(w.coverTarget);
      expect(w.coverTarget).toBeGreaterThan(w.hoursUnder);
      expect(w.hoursUnder).toBeGreaterThan(w.preferences);
    },
  );

  it("take the problem's own weights over the defaults, one by one", () => {
    expect(resolveWeights({ cover: 500, shifts: 0 })).toEqual({ ...DEFAULT_WEIGHTS, cover: 500, shifts: 0 });
    expect(resolveWeights(undefined)).toEqual(DEFAULT_WEIGHTS);
    expect(tinyProblem({ weights: { preferences: 4 } }).weights).toEqual({ preferences: 4 });
  });

  it("reject an unknown or negative weight", () => {
    const input = JSON.parse(JSON.stringify(tinyProblem()));
    input.weights = { cover: -1, prefrences: 2 };
    const parsed = parseProblem(input);
    expect(parsed.ok ? [] : parsed.issues.map((i) => [i.path, i.code])).toEqual([
      ["weights.cover", "too_small"],
      ["weights", "unrecognized_keys"],
    ]);
  });
});
