import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { metrics } from "../metrics";
import { highs } from "../../test/support/highs";
import { at, staff, tinyProblem } from "../../test/support/tiny";
import { type Alternative, alternatives, PROFILES, withoutDominated } from "./alternatives";
import type { BackendOptions, MilpBackend } from "./backends/backend";

// The desk needs one person Monday 09:00–13:00. Ann is contracted for those 4 hours; Bob is
// contracted for none but would love them. The problem's own weights give Ann the desk (her hours
// outweigh his wish); weighing preferences six times as much gives it to Bob.
const problem = tinyProblem({
  people: [
    staff("ann", { hours: { target: 4, max: 4 } }),
    staff("bob", {
      hours: { target: 0, max: 4 },
      preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: 5 }],
    }),
  ],
});
const options = { workBudget: 50, seed: 1 };

describe("alternatives", () => {
  const { alternatives: found, dropped } = alternatives(problem, 4, options);
  const byProfile = Object.fromEntries(found.map((a) => [a.profile, a]));

  it("offers the balanced rota first, then only the profiles clearly better on their goal; names the others", () => {
    expect(found.map((a) => a.profile)).toEqual(["balanced", "preferences-first"]);
    expect(found.map((a) => a.description)).toEqual([PROFILES[0]?.description, PROFILES[3]?.description]);
    // Nothing to gain on cover or on hours: the same rota as balanced would be no choice at all.
    expect(dropped).toEqual([
      {
        profile: "coverage-first",
        reason:
          "coverage-first: not clearly better on cover: 0 h without minimum cover, a lead or a keyholder, against " +
          "0 h in balanced (margin asked: 1 h)",
      },
      {
        profile: "fairness-first",
        reason:
          "fairness-first: not clearly better on fairness: mean |hours − target| 0 h, against 0 h in balanced " +
          "(margin asked: 0.25 h)",
      },
    ]);
  });

  it("says by how much the alternative is better on its goal, the margin asked, and the trade-off in people", () => {
    expect(byProfile["preferences-first"]?.goal).toEqual({
      clear: true,
      words: "clearly better on preferences: 4 h of wishes met net, against 0 h in balanced (margin asked: 2 h)",
    });
    expect(byProfile["preferences-first"]?.tradeOff).toBe(
      "preferences-first: 4 h more of the hours people asked for (1 person 4 h more); costs people on average 4 h " +
        "further from their contracted hours (2 people 8 h further), the person furthest from their contract 4 h " +
        "further (now ann, 4 h off)",
    );
    expect(byProfile.balanced?.goal).toBeUndefined();
    expect(byProfile.balanced?.tradeOff).toBe("balanced: the rota the others are measured against");
  });

  it("counts what each alternative changes against the balanced rota", () => {
    expect(byProfile.balanced?.rota.assignments.map((a) => a.person)).toEqual(["ann"]);
    expect(byProfile["preferences-first"]?.rota.assignments).toEqual([
      { person: "bob", point: "desk", start: at("09:00"), end: at("13:00") },
    ]);
    // Ann's stint goes, Bob's comes: every person-slot worked is placed differently.
    expect(found.map((a) => [a.changes, a.differsFromFirst])).toEqual([
      [0, 0],
      [2, 100],
    ]);
  });

  it("scores and measures every alternative with the problem's own weights, so they compare like for like", () => {
    for (const alternative of found) {
      expect(check(problem, alternative.rota).violations).toEqual([]);
      const score = scoreRota(problem, alternative.rota);
      expect(alternative.rota.score).toEqual({ hard: 0, ...score });
      expect(alternative.metrics).toEqual(metrics(problem, alternative.rota));
    }
    const [balanced, preferences] = found;
    // Bob's rota is worse by the problem's weights: that is why the balanced profile did not pick it.
    expect((preferences?.rota.score.soft ?? 0) > (balanced?.rota.score.soft ?? 0)).toBe(true);
  });

  it("tries the first k profiles, balanced always first", () => {
    expect(alternatives(problem, 1, options).alternatives.map((a) => a.profile)).toEqual(["balanced"]);
    const two = alternatives(problem, 2, options);
    expect([two.alternatives.map((a) => a.profile), two.dropped.map((d) => d.profile)]).toEqual([
      ["balanced"],
      ["coverage-first"],
    ]);
    expect(alternatives(problem, 20, options).alternatives.map((a) => a.profile)).toEqual([
      "balanced",
      "preferences-first",
    ]);
  });

  it("starts each alternative from the balanced rota: a change that costs more than it gains is not made", () => {
    // Bob's wish is worth less than Ann's contracted hours even when weighed first: no alternative.
    const faint = tinyProblem({
      people: [
        staff("ann", { hours: { target: 4, max: 4 } }),
        staff("bob", {
          hours: { target: 0, max: 4 },
          preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: 0.01 }],
        }),
      ],
    });
    const none = alternatives(faint, 4, options);
    expect(none.alternatives.map((a) => a.profile)).toEqual(["balanced"]);
    expect(none.dropped.find((d) => d.profile === "preferences-first")?.reason).toBe(
      "preferences-first: not clearly better on preferences: 0 h of wishes met net, against 0 h in balanced " +
        "(margin asked: 2 h)",
    );
  });

  it("keeps within its time budget", () => {
    // A clock that advances a millisecond per reading: the balanced solve takes its quarter of 400 ms,
    // each profile's rungs their shares of another quarter, less what each keeps back for finishing.
    let ms = 0;
    const timed = alternatives(problem, 4, { timeLimitMs: 400, clock: () => ++ms, seed: 1 });
    expect(timed.alternatives[0]?.rota.solver?.status).toBe("time-limit");
    expect(ms).toBeLessThanOrEqual(440);
  });

  it("says which profiles the time limit left no room to try", () => {
    // A clock that jumps a second per reading: the balanced solve spends the whole limit.
    let ms = 0;
    const late = alternatives(problem, 3, { timeLimitMs: 400, clock: () => (ms += 1000), seed: 1 });
    expect(late.alternatives.map((a) => a.profile)).toEqual(["balanced"]);
    expect(late.dropped).toEqual([
      { profile: "coverage-first", reason: "coverage-first: not tried: the time limit was spent" },
      { profile: "fairness-first", reason: "fairness-first: not tried: the time limit was spent" },
    ]);
  });

  it("gives its exact step nodes for a work budget, and on a clock what is left of the share", async () => {
    const backend = await highs();
    const asked: { options: BackendOptions; at: number }[] = [];
    let ms = 0;
    const exact: MilpBackend = {
      ...backend,
      solve: (milp, o) => {
        asked.push({ options: o, at: ms });
        return backend.solve(milp, o);
      },
    };
    alternatives(problem, 4, { workBudget: 3000, seed: 1, exact });
    // Only preferences-first is offered; the model is tried for it alone, deterministically: the
    // person-days it changed open, then every person-day at the site-dates around them, then the
    // whole weeks of the people it changed.
    expect(asked.map(({ options: o }) => [o.nodeLimit, o.timeLimitSeconds])).toEqual([
      [3, undefined],
      [3, undefined],
      [3, undefined],
    ]);
    asked.length = 0;
    // A millisecond per reading: preferences-first, the last profile, ends at 85 % of the 40 s; the
    // first model may take a third of what is left, the second half of the rest, the third the rest.
    alternatives(problem, 4, { timeLimitMs: 40_000, clock: () => ++ms, seed: 1, exact });
    expect(asked).toHaveLength(3);
    const [first, second, third] = asked as { options: BackendOptions; at: number }[] as [
      { options: BackendOptions; at: number },
      { options: BackendOptions; at: number },
      { options: BackendOptions; at: number },
    ];
    const end = 1 + 0.85 * 40_000;
    expect(first.options.nodeLimit).toBeUndefined();
    expect(first.options.timeLimitSeconds ?? Infinity).toBeLessThanOrEqual((end - first.at) / 3000);
    expect(second.options.timeLimitSeconds ?? Infinity).toBeLessThanOrEqual((end - second.at) / 2000);
    expect(third.options.timeLimitSeconds).toBeGreaterThan(0);
    expect(third.at + (third.options.timeLimitSeconds ?? Infinity) * 1000).toBeLessThanOrEqual(end);
  });

  it("is reproducible with a work budget and a seed", () => {
    const again = alternatives(problem, 4, options);
    expect(again.alternatives.map((a) => a.rota.assignments)).toEqual(found.map((a) => a.rota.assignments));
    expect(again.dropped).toEqual(dropped);
  });
});

describe("withoutDominated", () => {
  const { alternatives: found } = alternatives(problem, 4, options);
  const [balanced, preferences] = found as [Alternative, Alternative];

  it("drops an alternative another one beats on every headline figure, and says which", () => {
    // As preferences-first, but an hour more without a lead and no hour of Bob's wish gained.
    const worse: Alternative = {
      ...preferences,
      profile: "fairness-first",
      metrics: {
        ...preferences.metrics,
        gapHours: { ...preferences.metrics.gapHours, supervision: preferences.metrics.gapHours.supervision + 1 },
      },
    };
    expect(withoutDominated(balanced, [preferences, worse])).toEqual({
      kept: [preferences],
      dropped: [
        {
          profile: "fairness-first",
          reason: "fairness-first: preferences-first is as good or better on every headline figure",
        },
      ],
    });
  });

  it("keeps alternatives that each win somewhere, and drops one the balanced rota beats", () => {
    expect(withoutDominated(balanced, [preferences])).toEqual({ kept: [preferences], dropped: [] });
    // The balanced rota with its furthest person an hour further from their contract.
    const costly: Alternative = {
      ...balanced,
      profile: "coverage-first",
      metrics: { ...balanced.metrics, maxHoursDeviation: balanced.metrics.maxHoursDeviation + 1 },
    };
    expect(withoutDominated(balanced, [costly]).dropped).toEqual([
      { profile: "coverage-first", reason: "coverage-first: balanced is as good or better on every headline figure" },
    ]);
  });
});
