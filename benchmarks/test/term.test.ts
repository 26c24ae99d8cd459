import { describe, expect, it } from "vitest";
import { EXAMPLE_INSTANCES } from "../src/instances";
import { planFor } from "../src/plan";
import { measureImport, termAbsences } from "../src/sections/term";

describe("the term section", () => {
  it("runs alone with --instances term: a 12-week typical term and the large people sheet's import", () => {
    const plan = planFor("full", ["term"]);
    expect(plan.solves).toEqual([]);
    expect(plan.resolves).toEqual([]);
    expect(plan.terms.map((t) => [t.instance.id, t.settings.weeks, t.settings.timeLimitMs])).toEqual([
      ["typical-week", 12, undefined],
    ]);
    expect(plan.imports.map((i) => i.id)).toEqual(["large-system"]);
    expect(planFor("full", ["typical-week"]).terms).toEqual([]);
  });

  it("spreads the same seeded day-long absences over the term's weekdays every time", () => {
    const settings = { from: "2027-01-11", weeks: 12, absences: 12 };
    const absences = termAbsences(["a", "b", "c"], settings);
    expect(absences).toEqual(termAbsences(["a", "b", "c"], settings));
    expect(new Set(absences.map((a) => a.id)).size).toBe(12);
    for (const a of absences) {
      if (a.kind !== "absence") throw new Error("only absences");
      const day = new Date(`${a.from.slice(0, 10)}T12:00Z`);
      expect(day.getUTCDay()).toBeGreaterThanOrEqual(1);
      expect(day.getUTCDay()).toBeLessThanOrEqual(5);
      expect(a.from >= "2027-01-11" && a.from < "2027-04-05").toBe(true);
    }
  });

  it("imports an exported people sheet without an issue", () => {
    const small = EXAMPLE_INSTANCES.find((i) => i.id === "small-campus");
    if (!small) throw new Error("small-campus is an example instance");
    expect(measureImport(small)).toMatchObject({ instance: "small-campus", people: 10 });
  });
});
