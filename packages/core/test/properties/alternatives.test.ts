import { it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { check } from "../../src/check";
import { diff } from "../../src/diff";
import { difference } from "../../src/difference";
import { metrics } from "../../src/metrics";
import { alternatives, PROFILES } from "../../src/solve/alternatives";
import { goalVerdict } from "../../src/solve/goals";
import { dominatedBy } from "../../src/trade-off";
import { problems } from "./problems";

/** Per profile; each rung of the push gets a seventh of it. Small, so each case takes a fraction of a second. */
const BUDGET = 200;
const RUNS = 10;

describe("alternatives on generated problems", () => {
  it.prop([problems({ maxPeople: 6 })], { numRuns: RUNS })(
    "offer only rotas clearly better on their goal by the stated margin, dominated by none, changes counted",
    (problem) => {
      const { alternatives: offered, dropped } = alternatives(problem, PROFILES.length, { workBudget: BUDGET });
      const [balanced, ...others] = offered;
      expect(balanced?.profile).toBe("balanced");
      if (!balanced) return;
      // Every profile tried is either offered or named with its reason.
      expect([...offered.map((a) => a.profile), ...dropped.map((d) => d.profile)].sort()).toEqual(
        PROFILES.map((p) => p.id).sort(),
      );
      for (const d of dropped) expect(d.reason).toMatch(new RegExp(`^${d.profile}: \\S`));
      const reference = metrics(problem, balanced.rota);
      for (const alternative of others) {
        expect(check(problem, alternative.rota).violations).toEqual([]);
        // Measured afresh from the rotas, not taken from what the alternative says of itself.
        const measured = metrics(problem, alternative.rota);
        const verdict = goalVerdict(alternative.profile, reference, measured);
        expect(verdict?.clear, verdict?.words).toBe(true);
        expect(alternative.goal).toEqual(verdict);
        for (const other of offered)
          if (other !== alternative) expect(dominatedBy(metrics(problem, other.rota), measured)).toBe(false);
        expect(alternative.changes).toBe(diff(problem, balanced.rota, alternative.rota).changes);
        expect(alternative.differsFromFirst).toBe(difference(problem, balanced.rota, alternative.rota));
        expect(alternative.changes).toBeGreaterThan(0);
      }
    },
  );
});
