import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { metrics } from "../metrics";
import { at, staff, tinyProblem } from "../../test/support/tiny";
import { alternatives, PROFILES } from "./alternatives";

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
const who = (rota: { assignments: { person: string }[] }) => rota.assignments.map((a) => a.person);

describe("alternatives", () => {
  const found = alternatives(problem, 4, options);

  it("gives one rota per profile, in the order of the profiles, each described", () => {
    expect(found.map((a) => a.profile)).toEqual(["balanced", "coverage-first", "fairness-first", "preferences-first"]);
    expect(found.map((a) => a.description)).toEqual(PROFILES.map((p) => p.description));
  });

  it("gives rotas that differ where the profiles weigh differently", () => {
    const byProfile = Object.fromEntries(found.map((a) => [a.profile, who(a.rota)]));
    expect(byProfile).toEqual({
      balanced: ["ann"],
      "coverage-first": ["ann"],
      "fairness-first": ["ann"],
      "preferences-first": ["bob"],
    });
    expect(found.find((a) => a.profile === "preferences-first")?.rota.assignments).toEqual([
      { person: "bob", point: "desk", start: at("09:00"), end: at("13:00") },
    ]);
    // Every person-slot of Bob's rota is placed differently from Ann's.
    expect(found.map((a) => a.differsFromFirst)).toEqual([0, 0, 0, 100]);
  });

  it("scores and measures every alternative with the problem's own weights, so they compare like for like", () => {
    for (const alternative of found) {
      expect(check(problem, alternative.rota).violations).toEqual([]);
      const score = scoreRota(problem, alternative.rota);
      expect(alternative.rota.score).toEqual({ hard: 0, ...score });
      expect(alternative.metrics).toEqual(metrics(problem, alternative.rota));
    }
    const [balanced, , , preferences] = found;
    // Bob's rota is worse by the problem's weights: that is why the balanced profile did not pick it.
    expect((preferences?.rota.score.soft ?? 0) > (balanced?.rota.score.soft ?? 0)).toBe(true);
  });

  it("continues past the named profiles with the problem's own weights from other starting points", () => {
    const more = alternatives(problem, 6, options);
    expect(more.map((a) => a.profile)).toEqual([
      "balanced",
      "coverage-first",
      "fairness-first",
      "preferences-first",
      "balanced-2",
      "balanced-3",
    ]);
    expect(alternatives(problem, 20, options)).toHaveLength(8);
    expect(alternatives(problem, 1, options).map((a) => a.profile)).toEqual(["balanced"]);
  });

  it("splits a time budget evenly between the alternatives", () => {
    // A clock that advances a millisecond per reading: each solve uses its quarter of 400 ms (less
    // what the solver keeps back for finishing, plus the few readings of its report), not more.
    let ms = 0;
    const timed = alternatives(problem, 4, { timeLimitMs: 400, clock: () => ++ms, seed: 1 });
    expect(timed.map((a) => a.rota.solver?.status)).toEqual(["time-limit", "time-limit", "time-limit", "time-limit"]);
    for (const a of timed) expect(a.rota.solver?.timeMs).toSatisfy((t: number) => t >= 75 && t <= 105);
  });

  it("is reproducible with a work budget and a seed", () => {
    const again = alternatives(problem, 4, options);
    expect(again.map((a) => a.rota.assignments)).toEqual(found.map((a) => a.rota.assignments));
  });
});
