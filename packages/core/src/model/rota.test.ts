import { describe, expect, it } from "vitest";
import { solve } from "../solve/solve";
import { Rota, RotaInput } from "./rota";
import { staff, tinyProblem } from "../../test/support/tiny";

describe("rota schema", () => {
  it("accepts what the solver returns, with every timestamp carrying its offset", () => {
    const rota = solve(tinyProblem({ people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } })] }), {
      workBudget: 50,
      seed: 1,
    });
    expect(Rota.parse(rota)).toEqual(rota);
    const stamps = [...rota.assignments, ...rota.uncovered].flatMap((x) => [x.start, x.end]);
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
  });

  it("lets the checker take a hand-made rota with nothing but assignments", () => {
    expect(
      RotaInput.safeParse({
        assignments: [{ person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" }],
      }).success,
    ).toBe(true);
  });

  it("rejects an unknown field, an uncovered run with nothing missing, and an unknown gap rule", () => {
    const result = Rota.safeParse({
      assignments: [
        { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00", colour: "red" },
      ],
      uncovered: [
        { rule: "lunch", point: "desk", start: "2026-11-23T11:00", end: "2026-11-23T13:00", missing: 0, reason: "x" },
      ],
      score: { hard: 0, soft: 0, byRule: {} },
      people: [],
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual([
      "assignments.0",
      "uncovered.0.rule",
      "uncovered.0.missing",
    ]);
  });
});
