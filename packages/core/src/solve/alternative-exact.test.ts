import { describe, expect, it } from "vitest";
import { check } from "../check";
import { compile, placementsOf } from "../compile/instance";
import { metrics } from "../metrics";
import { highs } from "../../test/support/highs";
import { alternative, balanced, desk, problem } from "../../test/support/preference-swap";
import { band, hardViolations, point, rota, site, staff, stint, tinyProblem, TUESDAY } from "../../test/support/tiny";
import { closerByExact, countedBound, fewestAlternativeChanges } from "./alternative-exact";
import { canonical } from "./solve";

describe("an alternative's fewest changes against the balanced rota", () => {
  it("holds its figures and proves the fewest: only the change its goal needs", async () => {
    const fewest = fewestAlternativeChanges(problem, balanced, alternative, "preferences-first", {
      backend: await highs(),
    });
    // Monday's swap (16 person-slots) gains nothing: Cal taking Tuesday (16) is all the goal needs.
    expect(fewest).toMatchObject({ changes: 32, minimum: 16, bound: 16, proven: true });
    // Counting alone proves less: Bob leaving Tuesday moves no wish, so 4 h of wishes need 8 or more.
    const judged = compile(canonical(problem), { reference: { assignments: balanced.assignments, now: -Infinity } });
    expect(countedBound(judged, "preferences-first", placementsOf(judged, alternative.assignments))).toBe(8);
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
    // Each person-slot moves Σ |hours − target| by at most half an hour: 8 h closer needs 16.
    const judged = compile(canonical(fair), { reference: { assignments: balanced.assignments, now: -Infinity } });
    expect(countedBound(judged, "fairness-first", placementsOf(judged, both.assignments))).toBe(16);
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

  it("moves people the alternative left alone when that is fewer changes for the same goal", async () => {
    // Two may staff the desk on Monday, one on Tuesday. Eve would rather not work Monday mornings;
    // Cal wants Tuesday's.
    const roomy = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [
              band(["mon"], "09:00", "13:00", 1, { max: 2 }),
              band(["tue"], "09:00", "13:00", 1, { max: 1 }),
            ]),
          ],
        }),
      ],
      people: [
        staff("ann"),
        staff("bob"),
        staff("cal", { preferences: [{ days: ["tue"], from: "09:00", to: "13:00", weight: 5 }] }),
        staff("eve", { preferences: [{ days: ["mon"], from: "09:00", to: "13:00", weight: -5 }] }),
      ],
    });
    const both = rota([...balanced.assignments, stint("eve", "desk", "09:00", "13:00")]);
    // Cal taking Bob's Tuesday gains 4 h of wishes for 16 person-slots; Eve staying home on Monday,
    // a day the alternative did not change, gains the same 4 h for 8.
    const tuesday = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("eve", "desk", "09:00", "13:00"),
      stint("cal", "desk", "09:00", "13:00", TUESDAY),
    ]);
    const backend = await highs();
    expect(fewestAlternativeChanges(roomy, both, tuesday, "preferences-first", { backend })).toMatchObject({
      changes: 16,
      minimum: 8,
      proven: true,
    });
    const judge = compile(canonical(roomy));
    const closer = closerByExact(roomy, judge, both, tuesday, "preferences-first", { backend, nodeLimit: 1 });
    expect(closer?.assignments.map((a) => `${a.person} ${a.start.slice(0, 10)}`).sort()).toEqual([
      "ann 2026-11-23",
      "bob 2026-11-24",
    ]);
    expect(check(roomy, closer ?? both).valid).toBe(true);
  });

  it("moves a person whose hours it changed to a date it left alone when that is fewer changes", async () => {
    // Ann shelves but is not trained for the desk, which is open on Monday only.
    const shelving = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { max: 1 })]),
            point("shelf", "shelving", [band(["mon", "tue"], "09:00", "13:00", 1, { max: 1 })]),
          ],
        }),
      ],
      people: [
        staff("ann", { training: { shelving: "independent" } }),
        staff("bob", { training: { helpdesk: "independent", shelving: "independent" } }),
        staff("cal", { training: { helpdesk: "independent", shelving: "independent" } }),
      ],
    });
    // Each works 4 h a week by contract: Bob's 8 h and Ann's none are 8 h off in all.
    const before = rota([
      stint("bob", "desk", "09:00", "13:00"),
      stint("cal", "shelf", "09:00", "13:00"),
      stint("bob", "shelf", "09:00", "13:00", TUESDAY),
    ]);
    // The alternative gives Ann Bob's Monday through Cal (24 person-slots): on Monday alone nothing
    // fewer holds the goal, while Ann taking Bob's Tuesday, a date it did not touch, needs 16.
    const monday = rota([
      stint("cal", "desk", "09:00", "13:00"),
      stint("ann", "shelf", "09:00", "13:00"),
      stint("bob", "shelf", "09:00", "13:00", TUESDAY),
    ]);
    const backend = await highs();
    expect(fewestAlternativeChanges(shelving, before, monday, "fairness-first", { backend })).toMatchObject({
      changes: 24,
      minimum: 16,
      proven: true,
    });
    const judge = compile(canonical(shelving));
    const closer = closerByExact(shelving, judge, before, monday, "fairness-first", { backend, nodeLimit: 1 });
    expect(closer?.assignments.map((a) => `${a.person} ${a.point} ${a.start.slice(0, 10)}`).sort()).toEqual([
      "ann shelf 2026-11-24",
      "bob desk 2026-11-23",
      "cal shelf 2026-11-23",
    ]);
    expect(check(shelving, closer ?? monday).valid).toBe(true);
  });
});
