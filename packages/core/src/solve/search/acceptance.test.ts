import { describe, expect, it } from "vitest";
import { HOURS_HISTORY, historyLength, LateAcceptance } from "./acceptance";

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

  it("takes a worse rota only within what the history holds, and forgets it sooner once short", () => {
    const acceptance = new LateAcceptance(300, 1000);
    // The objective falls by 1 a move: a move 100 worse than before it is still within the 300 moves back.
    for (let move = 0; move < 300; move++) acceptance.record(move, 1000 - move);
    expect(acceptance.accepts(300, 700, 800)).toBe(true);
    acceptance.shorten(true, 700);
    expect(acceptance.accepts(300, 700, 800)).toBe(false);
    expect(acceptance.accepts(300, 700, 700)).toBe(true);
    for (let move = 300; move < 300 + HOURS_HISTORY; move++) acceptance.record(move, 1000 - move);
    // The short history remembers the last HOURS_HISTORY moves only.
    expect(acceptance.accepts(300 + HOURS_HISTORY, 680, 681)).toBe(true);
    expect(acceptance.accepts(300 + HOURS_HISTORY, 680, 701)).toBe(false);
    acceptance.shorten(false, 650);
    expect(acceptance.accepts(1, 600, 650)).toBe(true);
    expect(acceptance.accepts(1, 600, 651)).toBe(false);
  });
});
