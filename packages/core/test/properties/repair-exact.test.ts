import { fc, it } from "@fast-check/vitest";
import { DateTime } from "luxon";
import { beforeAll, describe, expect } from "vitest";
import type { Change } from "../../src/model/change";
import type { Problem } from "../../src/model/problem";
import type { MilpBackend } from "../../src/solve/backends/backend";
import { minimumChange, repairFigures } from "../../src/solve/repair-exact";
import { resolve } from "../../src/solve/resolve";
import { solve } from "../../src/solve/solve";
import { highs } from "../support/highs";
import { problems } from "./problems";

const HALF_HOUR = 30 * 60_000;
/** Generous for problems of a few people: a model that does not prove its target in time is skipped. */
const PROOF_SECONDS = 20;

let backend: MilpBackend;
beforeAll(async () => {
  backend = await highs();
});

/** An absence of one person inside the week, told the day before it begins (nothing is frozen). */
const absenceArb = fc.record({
  who: fc.nat(),
  after: fc.integer({ min: 0, max: 7 * 48 - 1 }),
  length: fc.integer({ min: 2, max: 20 }),
});

function absent(problem: Problem, a: { who: number; after: number; length: number }) {
  const monday = DateTime.fromISO(problem.weekStart, { zone: problem.timeZone });
  const end = monday.plus({ days: 7 }).toMillis();
  const from = Math.min(monday.toMillis() + a.after * HALF_HOUR, end - HALF_HOUR);
  const person = problem.people[a.who % problem.people.length] as Problem["people"][number];
  const change: Change = {
    absences: [
      { person: person.id, from: iso(from), to: iso(Math.min(from + a.length * HALF_HOUR, end)), reason: "x" },
    ],
  };
  return { change, now: iso(monday.minus({ days: 1 }).toMillis()) };
}

describe("repairs against the exact minimum-change model", () => {
  it.prop([problems({ maxPeople: 6, allowAllDay: false }), absenceArb], { numRuns: 12 })(
    "the engine's proven repair never leaves more minimum cover unmet than the model says can be reached, and " +
      "never changes fewer person-slots than the proven minimum at the same levels",
    (problem, a) => {
      const published = solve(problem, { workBudget: 100, seed: 1 });
      const { change, now } = absent(problem, a);
      const exact = minimumChange(problem, published, change, now, { backend, timeLimitSeconds: PROOF_SECONDS });
      fc.pre(exact.proven);
      const repaired = resolve(problem, published, change, {
        now,
        workBudget: 100,
        seed: 1,
        proof: { backend, timeLimitSeconds: PROOF_SECONDS },
      });
      const engine = repairFigures(problem, published, change, now, repaired.rota);
      expect(engine.levels.cover).toBeLessThanOrEqual(exact.target.cover);
      expect(repaired.proof?.changedSlots).toBe(engine.changes);
      const sameLevels = (["cover", "lead", "keyholder"] as const).every((l) => engine.levels[l] === exact.target[l]);
      if (sameLevels) expect(engine.changes).toBeGreaterThanOrEqual(exact.changes as number);
      if (repaired.minimal) expect(engine.changes).toBe(exact.changes);
    },
  );
});

function iso(instant: number): string {
  return new Date(instant).toISOString();
}
