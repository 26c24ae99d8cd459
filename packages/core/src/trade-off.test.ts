import { describe, expect, it } from "vitest";
import { band, point, rota, site, staff, stint, tinyProblem } from "../test/support/tiny";
import { metrics } from "./metrics";
import { dominatedBy, tradeOffSentence } from "./trade-off";
import { tradeOffFacts } from "./trade-off-facts";

const FALL_BACK_MONDAY = "2026-10-19";
const FALL_BACK_SUNDAY = "2026-10-25";

// A desk open Sunday 00:00–04:00 in the fall-back week (Europe/London): 01:00–02:00 happens twice,
// so the night has five hours. Ann leads, holds the keys and is contracted for those hours; Bob
// does neither and is contracted for none.
const night = site("main", {
  name: "Main Library",
  open: { sun: [["00:00", "04:00"]] },
  servicePoints: [point("desk", "helpdesk", [band(["sun"], "00:00", "04:00", 1)])],
});
const problem = tinyProblem({
  weekStart: FALL_BACK_MONDAY,
  sites: [night],
  people: [
    staff("ann", { name: "Ann", hours: { target: 5, max: 6 } }),
    staff("bob", { name: "Bob", qualifications: [], hours: { target: 0, max: 6 } }),
  ],
});
const led = rota([stint("ann", "desk", "00:00", "04:00", FALL_BACK_SUNDAY)]);
const unled = rota([stint("bob", "desk", "00:00", "04:00", FALL_BACK_SUNDAY)]);

describe("trade-off", () => {
  it("says where a gap grows, in local days and parts of the day, counting a repeated hour twice", () => {
    const sentence = tradeOffSentence("unled", metrics(problem, led), metrics(problem, unled), "led", {
      reference: tradeOffFacts(problem, led),
      rota: tradeOffFacts(problem, unled),
    });
    expect(sentence).toBe(
      "unled: no better than led on any headline figure; 5 h more without a lead on Sun night at Main Library, " +
        "1 h more without a keyholder on Sun night at Main Library, people on average 5 h further from their " +
        "contracted hours (2 people 10 h further), the person furthest from their contract 5 h further (now Ann, " +
        "5 h off)",
    );
  });

  it("says how many people move which way, and by how many hours in all", () => {
    const facts = tradeOffFacts(problem, unled);
    expect([...facts.deviation]).toEqual([
      ["ann", 5],
      ["bob", 5],
    ]);
    const back = tradeOffSentence("led", metrics(problem, unled), metrics(problem, led), "unled", {
      reference: facts,
      rota: tradeOffFacts(problem, led),
    });
    expect(back).toBe(
      "led: 5 h less without a lead on Sun night at Main Library, 1 h less without a keyholder on Sun night at " +
        "Main Library, people on average 5 h closer to their contracted hours (2 people 10 h closer), the person " +
        "furthest from their contract 5 h closer (now Ann, 0 h off); costs nothing on the headline figures",
    );
  });

  it("calls a rota dominated when another is as good on every headline figure and clearly better on one", () => {
    const a = metrics(problem, led);
    const b = metrics(problem, unled);
    // Unled is worse on every figure that differs and better on none.
    expect(dominatedBy(a, b)).toBe(true);
    expect(dominatedBy(b, a)).toBe(false);
    // One figure alone decides when nothing else differs.
    const worse = { ...a, gapHours: { ...a.gapHours, supervision: a.gapHours.supervision + 1 } };
    expect(dominatedBy(a, worse)).toBe(true);
    expect(dominatedBy(worse, a)).toBe(false);
    // Below the least difference worth a coordinator's attention, two rotas are as good as each other.
    const barely = { ...a, meanHoursDeviation: a.meanHoursDeviation + 0.05 };
    expect(dominatedBy(a, barely)).toBe(false);
    expect(dominatedBy(a, a)).toBe(false);
  });
});
