import { describe, expect, it } from "vitest";
import { HOURS_HISTORY, historyLength } from "./acceptance";

describe("late acceptance's history", () => {
  it("is 1.5 moves per person, from 50 to 300, where the hours are not most of the objective", () => {
    expect([10, 60, 100, 300, 600].map((people) => historyLength(people, false))).toEqual([50, 90, 150, 300, 300]);
  });

  it("is short where the hours against targets are most of it, whatever the size", () => {
    expect([10, 300, 600].map((people) => historyLength(people, true))).toEqual([
      HOURS_HISTORY,
      HOURS_HISTORY,
      HOURS_HISTORY,
    ]);
    expect(HOURS_HISTORY).toBeLessThan(historyLength(300, false) / 10);
  });
});
