import { describe, expect, test } from "vitest";
import {
  type Band,
  barFindings,
  barInWords,
  cutBy,
  drawn,
  exceptionCuts,
  overlapInWords,
  shifted,
} from "../src/client/views/cover-bands";

// What the cover timeline says about a band and how a drag or a key moves it, without a browser:
// the words a screen reader hears, the problems said on a bar, and the moves snapped to the grid.

const band = (from: string, to: string, days: Band["days"] = ["mon"], extra: Partial<Band> = {}): Band => ({
  days,
  from,
  to,
  min: 1,
  ...extra,
});

describe("a band in words", () => {
  test("a bar says its point, day, times and the numbers given", () => {
    expect(barInWords("Reception", band("09:00", "17:00", ["mon"], { target: 2, max: 3 }), "mon")).toBe(
      "Reception Mon 09:00–17:00, min 1, target 2, max 3",
    );
  });
});

describe("what is wrong with a bar", () => {
  const open: [string, string][] = [["09:00", "17:00"]];

  test("the part outside opening hours, a closed day; each overlap apart, with where it is", () => {
    const bands = [band("08:00", "18:00"), band("12:00", "14:00", ["mon", "tue"])];
    expect(barFindings(bands, 0, "mon", open, 30, [])).toEqual({
      wrong: ["08:00–09:00, 17:00–18:00 is outside opening hours (09:00–17:00)"],
      overlaps: [{ band: 1, from: "12:00", to: "14:00" }],
      cuts: [],
    });
    expect(overlapInWords(1, { band: 0, from: "12:00", to: "14:00" })).toBe(
      "Bands 1 and 2 overlap 12:00–14:00: the larger numbers hold there",
    );
    expect(barFindings(bands, 1, "tue", [], 30, [])).toEqual({
      wrong: ["the site is closed on Tue"],
      overlaps: [],
      cuts: [],
    });
    // Bands that only touch do not overlap.
    expect(barFindings([band("09:00", "12:00"), band("12:00", "17:00")], 0, "mon", open, 30, [])).toEqual({
      wrong: [],
      overlaps: [],
      cuts: [],
    });
    // A dated exception on the weekday is a note of its own, beside what is wrong.
    expect(barFindings(bands, 1, "tue", open, 30, [{ date: "2026-12-29", open: [] }]).cuts).toEqual([
      "Tue 29 Dec 2026: the site is closed, so the band does not apply",
    ]);
  });

  test("numbers out of order, a time off the grid, a band that ends before it starts", () => {
    const wrong = (b: Band) => barFindings([b], 0, "mon", open, 30, []).wrong;
    expect(wrong(band("09:15", "17:00", ["mon"], { target: 0, max: 0 }))).toEqual([
      "09:15 is not on the 30-minute grid",
      "target 0 is below min 1",
      "max 0 is below 1",
    ]);
    expect(wrong(band("12:00", "10:00"))).toEqual(["it ends (10:00) before it starts (12:00)"]);
    expect(wrong(band("", "10:00"))[0]).toBe("its start time is missing");
  });
});

describe("moves", () => {
  test("a move keeps the length on the grid and inside the drawing; an edge keeps one slot", () => {
    const b = band("09:00", "12:00");
    expect(shifted(b, "move", 44, 30, 480, 1080)).toMatchObject({ from: "09:30", to: "12:30" });
    expect(shifted(b, "move", 600, 30, 480, 1080)).toMatchObject({ from: "15:00", to: "18:00" });
    expect(shifted(b, "move", -600, 30, 480, 1080)).toMatchObject({ from: "08:00", to: "11:00" });
    expect(shifted(b, "end", -600, 30, 480, 1080)).toMatchObject({ from: "09:00", to: "09:30" });
    expect(shifted(b, "start", 600, 15, 480, 1080)).toMatchObject({ from: "11:45", to: "12:00" });
    expect(shifted(band("22:00", "24:00"), "end", 60, 30, 0, 1440)).toMatchObject({ to: "24:00" });
  });

  test("a drawn band is one day's, on the grid, either way round, at least a slot", () => {
    expect(drawn("fri", 965, 1135, 30)).toEqual({ days: ["fri"], from: "16:00", to: "19:00", min: 1 });
    expect(drawn("fri", 1135, 965, 30)).toEqual({ days: ["fri"], from: "16:00", to: "19:00", min: 1 });
    expect(drawn("sat", 600, 605, 60)).toEqual({ days: ["sat"], from: "10:00", to: "11:00", min: 1 });
  });
});

describe("what a dated exception cuts", () => {
  const friday = band("08:30", "17:00", ["fri"]);

  test("a closed date takes the whole band; shorter hours take what is outside them", () => {
    expect(cutBy(friday, { date: "2026-12-25", open: [] })).toEqual(["08:30–17:00"]);
    expect(cutBy(friday, { date: "2026-12-25", open: [["10:00", "12:00"]] })).toEqual(["08:30–10:00", "12:00–17:00"]);
    expect(cutBy(friday, { date: "2026-12-25", open: [["08:00", "18:00"]] })).toEqual([]);
  });

  test("only exceptions on the bar's weekday are said, in date order, with their note", () => {
    const exceptions = [
      { date: "2027-01-01", open: [["08:30", "12:00"]] as [string, string][] },
      { date: "2026-12-25", open: [], note: "Christmas" },
      { date: "2026-12-24", open: [] },
    ];
    expect(exceptionCuts(friday, "fri", exceptions)).toEqual([
      "Fri 25 Dec 2026 (Christmas): the site is closed, so the band does not apply",
      "Fri 1 Jan 2027: open 08:30–12:00 only, so 12:00–17:00 of the band does not apply",
    ]);
    expect(exceptionCuts(band("08:30", "17:00", ["wed"]), "wed", exceptions)).toEqual([]);
  });
});
