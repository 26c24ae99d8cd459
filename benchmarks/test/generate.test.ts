import { parseProblem } from "@deskrota/core/internal";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate";

describe("generate", () => {
  it.each([
    [1, 10, "none"],
    [3, 60, "none"],
    [5, 120, "spring"],
    [20, 600, "fall"],
  ] as const)("%i sites × %i people (%s) is a valid v1 problem of that size", (sites, people, dst) => {
    const problem = generate({ sites, people, seed: 1, dst });
    const parsed = parseProblem(problem);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(problem.sites).toHaveLength(sites);
    expect(problem.people).toHaveLength(people);
  });

  it("gives the same problem for the same seed and another for another seed", () => {
    const options = { sites: 3, people: 60, seed: 7 } as const;
    expect(JSON.stringify(generate(options))).toBe(JSON.stringify(generate(options)));
    expect(JSON.stringify(generate({ ...options, seed: 8 }))).not.toBe(JSON.stringify(generate(options)));
  });

  it(
    "has what a real week has: students around a cohort slot, shadowing with mentors, leads and keyholders at every " +
      "site, a duty point",
    () => {
      const problem = generate({ sites: 3, people: 60, seed: 1 });
      const students = problem.people.filter((p) => p.role === "student");
      expect(students.length).toBeGreaterThan(10);
      // Nobody in the Wednesday cohort is free during it.
      for (const s of students.filter((_, i) => i % 2 === 0)) {
        for (const [from, to] of s.availability?.wed ?? []) expect(to <= "13:00" || from >= "17:00").toBe(true);
      }
      expect(
        students.some((s) =>
          Object.keys(s.availability ?? {}).some((d) => (s.availability?.[d as "mon"]?.length ?? 0) > 1),
        ),
      ).toBe(true);
      expect(problem.people.some((p) => Object.values(p.training ?? {}).includes("shadowing") && p.mentor)).toBe(true);
      for (const site of problem.sites) {
        const here = problem.people.filter((p) => p.sites.includes(site.id));
        expect(here.some((p) => p.qualifications?.includes("lead"))).toBe(true);
        expect(here.some((p) => p.qualifications?.includes("keyholder"))).toBe(true);
      }
      expect(problem.sites.some((s) => s.servicePoints.some((p) => p.kind === "duty"))).toBe(true);
      expect(problem.people.some((p) => (p.preferences?.length ?? 0) > 0)).toBe(true);
    },
  );

  it("puts the clock change in the week asked for, with a 24-hour site", () => {
    const fall = generate({ sites: 2, people: 40, seed: 1, dst: "fall" });
    expect(fall.weekStart).toBe("2026-10-19");
    expect(fall.sites[0]?.open.sun).toEqual([["00:00", "24:00"]]);
    expect(generate({ sites: 2, people: 40, seed: 1, dst: "spring" }).weekStart).toBe("2026-03-23");
  });
});
