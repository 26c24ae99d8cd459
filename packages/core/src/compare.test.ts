import { describe, expect, it } from "vitest";
import { band, point, rota, site, staff, stint, student, tinyProblem } from "../test/support/tiny";
import { scoreRota } from "./check";
import { compare } from "./compare";
import { metrics } from "./metrics";

// Monday 09:00–13:00: the desk needs one person and would like two, roving would like one.
// Ann leads and holds the keys (4 h contracted); Bob does neither (2 h), likes 09:00–11:00 and
// would rather not work 11:00–13:00.
const both = { training: { helpdesk: "independent", roving: "independent" } };
const main = site("main", {
  servicePoints: [
    point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { target: 2 })]),
    point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1 })]),
  ],
});
const bob = staff("bob", {
  ...both,
  qualifications: [],
  hours: { target: 2, max: 4 },
  preferences: [
    { days: ["mon"], from: "09:00", to: "11:00", weight: 1 },
    { days: ["mon"], from: "11:00", to: "13:00", weight: -2 },
  ],
});
const problem = tinyProblem({ sites: [main], people: [staff("ann", both), bob] });

/** Bob roves in the hours he likes. */
const a = rota([stint("ann", "desk", "09:00", "13:00"), stint("bob", "roving", "09:00", "11:00")]);
/** Bob takes the desk in the hours he would rather not; Ann roves then. */
const b = rota([
  stint("ann", "desk", "09:00", "11:00"),
  stint("ann", "roving", "11:00", "13:00"),
  stint("bob", "desk", "11:00", "13:00"),
]);
/** Only Bob, and nobody on the desk. */
const c = rota([stint("bob", "roving", "09:00", "11:00")]);

describe("metrics", () => {
  it("measures cover against min and target, hours against contracts, and wishes met and not", () => {
    expect(metrics(problem, a)).toEqual({
      minCoverPct: 100,
      // desk 8 of 16 person-slots, roving 4 of 8
      targetCoverPct: 50,
      gapHours: { cover: 0, supervision: 0, keyholder: 0 },
      assignedHours: 6,
      meanHoursDeviation: 0,
      maxHoursDeviation: 0,
      eveningHoursSpread: 0,
      weekendHoursSpread: 0,
      preferenceHoursMet: 2,
      preferenceHoursViolated: 0,
      shadowingHours: 0,
      shifts: 2,
    });
    expect(metrics(problem, b)).toMatchObject({
      minCoverPct: 100,
      targetCoverPct: 50,
      preferenceHoursMet: 0,
      preferenceHoursViolated: 2,
      shifts: 2,
    });
  });

  it("counts gap hours by rule: below min, without a lead, without a keyholder at opening and closing", () => {
    expect(metrics(problem, c)).toMatchObject({
      minCoverPct: 0,
      gapHours: { cover: 4, supervision: 4, keyholder: 1 },
      assignedHours: 2,
      // Ann 4 h short, Bob on target
      meanHoursDeviation: 2,
      maxHoursDeviation: 4,
    });
  });

  it("spreads evening and weekend hours among those who work any, and counts shadowing hours", () => {
    const late = site("main", {
      open: { mon: [["16:00", "22:00"]], sat: [["16:00", "22:00"]] },
      servicePoints: [point("desk", "helpdesk", [band(["mon", "sat"], "16:00", "22:00", 1, { max: 2 })])],
    });
    const people = [staff("ann"), staff("bob"), student("cal", { training: { helpdesk: "shadowing" } })];
    const evening = tinyProblem({ sites: [late], people });
    const saturday = "2026-11-28";
    const worked = rota([
      stint("ann", "desk", "16:00", "22:00"),
      stint("bob", "desk", "16:00", "19:00", saturday),
      stint("ann", "desk", "19:00", "22:00", saturday),
      stint("cal", "desk", "16:00", "18:00", undefined, { shadowing: true }),
    ]);
    // Evenings (from 18:00): Ann 4 + 3, Bob 1, Cal 0 (works none, so is not in the spread).
    // Weekend: Ann 3, Bob 3.
    expect(metrics(evening, worked)).toMatchObject({ eveningHoursSpread: 6, weekendHoursSpread: 0, shadowingHours: 2 });
  });
});

describe("compare", () => {
  it("puts rotas side by side with their metrics, their score by rule, and their changes against the first", () => {
    const comparison = compare(problem, [
      { id: "a", rota: a },
      { id: "b", rota: b },
      { id: "c", rota: c },
    ]);
    expect(comparison.reference).toBe("a");
    expect(comparison.rotas.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(comparison.rotas.map((r) => r.metrics)).toEqual([
      metrics(problem, a),
      metrics(problem, b),
      metrics(problem, c),
    ]);
    expect(comparison.rotas.map((r) => r.score)).toEqual([
      scoreRota(problem, a),
      scoreRota(problem, b),
      scoreRota(problem, c),
    ]);
    // b: Ann's desk stint is cut short and she roves after it, Bob's stint moves; c: Ann's stint goes.
    expect(comparison.rotas.map((r) => r.changes)).toEqual([0, 3, 1]);
    // Of the 16 person-slots worked in a or b, 12 are placed differently; of a's 12, c keeps Bob's 4.
    expect(comparison.rotas.map((r) => r.differsPct)).toEqual([0, 75, 66.7]);
  });

  it("counts changes against the reference it is given, and diffs the first two in words", () => {
    const comparison = compare(
      problem,
      [
        { id: "a", rota: a },
        { id: "b", rota: b },
      ],
      "b",
    );
    expect(comparison.reference).toBe("b");
    expect(comparison.rotas.map((r) => r.changes)).toEqual([3, 0]);
    expect(comparison.diff?.words).toEqual([
      "ann: now on roving Mon 23 Nov 11:00–13:00",
      "ann: desk Mon 23 Nov 09:00–13:00 becomes desk Mon 23 Nov 09:00–11:00",
      "bob: roving Mon 23 Nov 09:00–11:00 becomes desk Mon 23 Nov 11:00–13:00",
    ]);
  });

  it("has no diff for a single rota", () => {
    const comparison = compare(problem, [{ id: "a", rota: a }]);
    expect(comparison.diff).toBeUndefined();
    expect(comparison.rotas[0]).toMatchObject({ changes: 0, differsPct: 0 });
  });
});

describe("compare: the trade-off first", () => {
  it("leads with one sentence per rota that says what it gains and what that costs against the reference", () => {
    const { tradeOffs } = compare(problem, [
      { id: "a", rota: a },
      { id: "b", rota: b },
      { id: "c", rota: c },
    ]);
    expect(tradeOffs).toEqual([
      "b: no better than a on any headline figure; 2 h fewer of the hours people asked for (1 person 2 h fewer), " +
        "2 h more of the hours people asked to avoid",
      // Nobody on the desk and Ann without her 4 h: worse on everything it moves, and where (the
      // desk opens 09:00–13:00: three hours of morning, one of afternoon).
      "c: no better than a on any headline figure; 4 h more below minimum cover (3 h on Mon morning at main, " +
        "1 h on Mon afternoon at main), 4 h more without a lead (3 h on Mon morning at main, 1 h on Mon " +
        "afternoon at main), 1 h more without a keyholder (0.5 h on Mon afternoon at main, 0.5 h on Mon morning " +
        "at main), 33.3 points less of target cover (3 h on Mon morning at main, 1 h on Mon afternoon at main), " +
        "people on average 2 h further from their contracted hours (1 person 4 h further), the person furthest " +
        "from their contract 4 h further (now ann, 4 h off)",
    ]);
    // Against b, a gives Bob the hours he asked for at no cost.
    expect(
      compare(problem, [
        { id: "b", rota: b },
        { id: "a", rota: a },
      ]).tradeOffs,
    ).toEqual([
      "a: 2 h more of the hours people asked for (1 person 2 h more), 2 h fewer of the hours people asked to avoid; " +
        "costs nothing on the headline figures",
    ]);
  });
});
