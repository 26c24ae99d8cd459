import { describe, expect, it } from "vitest";
import { check } from "../check";
import { compile } from "../compile/instance";
import { metrics } from "../metrics";
import { highs } from "../../test/support/highs";
import { alternative, balanced, desk, problem } from "../../test/support/preference-swap";
import { hardViolations, rota, staff, stint, tinyProblem, TUESDAY } from "../../test/support/tiny";
import { closerByExact, fewestAlternativeChanges } from "./alternative-exact";
import { canonical } from "./solve";

describe("an alternative's fewest changes against the balanced rota", () => {
  it("holds its figures and proves the fewest: only the change its goal needs", async () => {
    const fewest = fewestAlternativeChanges(problem, balanced, alternative, "preferences-first", {
      backend: await highs(),
    });
    // Monday's swap (16 person-slots) gains nothing: Cal taking Tuesday (16) is all the goal needs.
    expect(fewest).toMatchObject({ changes: 32, minimum: 16, bound: 16, proven: true });
    const found = fewest.rota ?? { assignments: [] };
    expect(hardViolations(problem, found)).toEqual([]);
    const [mine, theirs] = [metrics(problem, found), metrics(problem, alternative)];
    expect(mine.preferenceHoursMet - mine.preferenceHoursViolated).toBeGreaterThanOrEqual(
      theirs.preferenceHoursMet - theirs.preferenceHoursViolated,
    );
    expect(mine.gapHours).toEqual(theirs.gapHours);
  });

  it("holds a fairness alternative's distance from the contracts", async () => {
    // Ann's target is 8 h and Bob's none: Σ |hours − target| is 8 h in the balanced rota.
    const fair = tinyProblem({
      sites: [desk],
      people: [staff("ann", { hours: { target: 8, max: 20 } }), staff("bob", { hours: { target: 0, max: 20 } })],
    });
    const backend = await highs();
    // Ann on both mornings (0 h): Bob's Tuesday must go to her whole, 16 person-slots.
    const both = rota([stint("ann", "desk", "09:00", "13:00"), stint("ann", "desk", "09:00", "13:00", TUESDAY)]);
    expect(fewestAlternativeChanges(fair, balanced, both, "fairness-first", { backend })).toMatchObject({
      changes: 16,
      minimum: 16,
      proven: true,
    });
    // Ann on Tuesday until 11:00 as well (4 h): half of it, already the fewest.
    const half = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("ann", "desk", "09:00", "11:00", TUESDAY),
      stint("bob", "desk", "11:00", "13:00", TUESDAY),
    ]);
    expect(fewestAlternativeChanges(fair, balanced, half, "fairness-first", { backend })).toMatchObject({
      changes: 8,
      minimum: 8,
      proven: true,
    });
  });

  it("gives the alternative the model's closer rota, checked, and nothing when it is already the closest", async () => {
    const backend = await highs();
    const judge = compile(canonical(problem));
    const closer = closerByExact(problem, judge, balanced, alternative, "preferences-first", { backend, nodeLimit: 1 });
    // Ann keeps her Monday; Cal takes Bob's Tuesday, all the goal needs.
    expect(closer?.assignments.map((a) => `${a.person} ${a.start.slice(0, 10)}`)).toEqual([
      "ann 2026-11-23",
      "cal 2026-11-24",
    ]);
    expect(check(problem, closer ?? balanced).valid).toBe(true);
    expect(closerByExact(problem, judge, balanced, closer ?? alternative, "preferences-first", { backend })).toBe(
      undefined,
    );
  });
});
