import { describe, expect, it } from "vitest";
import { compile } from "../compile/instance";
import { highs } from "../../test/support/highs";
import { alternative, balanced, problem } from "../../test/support/preference-swap";
import { rota, stint, TUESDAY } from "../../test/support/tiny";
import { fewestAlternativeChanges } from "./alternative-exact";
import { takeBack } from "./alternative-polish";
import { canonical } from "./solve";

describe("taking back what an alternative's goal does not need", () => {
  it("undoes the needless swap together, keeps the one the goal needs, and reaches the proven fewest", async () => {
    const back = takeBack(
      problem,
      compile(canonical(problem)),
      balanced,
      alternative,
      "preferences-first",
      () => false,
    );
    const kept = (back?.assignments ?? []).map((a) => `${a.person} ${a.start.slice(0, 10)}`);
    expect(kept).toEqual(["ann 2026-11-23", "cal 2026-11-24"]);
    const exact = fewestAlternativeChanges(problem, balanced, back ?? alternative, "preferences-first", {
      backend: await highs(),
    });
    expect(exact).toMatchObject({ changes: 16, minimum: 16, proven: true });
  });

  it("takes nothing back when every change is what the goal needs", () => {
    const needed = rota([stint("ann", "desk", "09:00", "13:00"), stint("cal", "desk", "09:00", "13:00", TUESDAY)]);
    expect(takeBack(problem, compile(canonical(problem)), balanced, needed, "preferences-first", () => false)).toBe(
      undefined,
    );
  });
});
