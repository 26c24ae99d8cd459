import { describe, expect, it } from "vitest";
import { certificateOf, gapOf } from "./certificate";

describe("gapOf", () => {
  it("is the relative distance from the score down to a bound that says something", () => {
    expect(gapOf(200, 150)).toBe(0.25);
    expect(gapOf(200, 200)).toBe(0);
  });

  it("is null where the bound is so weak that the figure would pass 100 % (the large week read 606.9 %)", () => {
    expect(gapOf(1000, -6069)).toBeNull();
    expect(gapOf(1000, null)).toBeNull();
  });
});

describe("certificateOf", () => {
  it("names the bound a gap comes from", () => {
    const words = certificateOf(14_600 / 0.9, 14_600, "lagrangian");
    expect(words).toMatch(/^at most 10\.0 % above the best possible score/);
    expect(words).toContain("Lagrangian");
    expect(certificateOf(200, 150, "lp-relaxation")).toContain("LP relaxation");
  });

  it("says so plainly when no useful bound is ready, never a figure above 100 %", () => {
    const words = certificateOf(1000, -6069, "lagrangian");
    expect(words).toMatch(/^no useful bound yet/);
    expect(words).not.toMatch(/\d+(\.\d+)? %/);
    expect(certificateOf(1000, null, null)).toBe("no bound computed");
  });

  it("calls a rota proven optimal only when the bound meets its score", () => {
    expect(certificateOf(512, 512, "milp")).toMatch(/^proven optimal/);
    expect(certificateOf(512, 511, "milp")).not.toMatch(/optimal/);
  });
});
