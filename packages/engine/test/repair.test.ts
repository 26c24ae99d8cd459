import {
  check,
  parseProblem,
  applyChange,
  type Change,
  type Problem,
  type ResolveResult,
} from "@deskrota/core/internal";
import { afterAll, describe, expect, it } from "vitest";
import { resolve, WorkerPool } from "../src";
import { HELD_VERSIONS, SMALL_WEEK_PROOF_SECONDS } from "../src/protocol";
import { annSick, chainPublished, chainWeek } from "./support/chain-week";

const pool = new WorkerPool(1);
afterAll(() => pool.close());

const parsed = parseProblem(chainWeek);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem: Problem = parsed.value;
const published = chainPublished;
const change: Change = annSick;

describe("the engine's repair", () => {
  it("answers with the search's repair, then proves a small week's: through the chain, fewest changes", async () => {
    let told: (proved: ResolveResult | undefined) => void = () => undefined;
    const proving = new Promise<ResolveResult | undefined>((resolved) => {
      told = resolved;
    });
    const answer = await resolve(problem, published, change, {
      now: "2026-11-22T12:00",
      workBudget: 200,
      pool,
      onProof: told,
    });
    // The search fills through the chain (someone moves to Ann's Monday, another takes what they
    // leave: decisions.md §25) and claims no proof; the exact model then proves it the fewest.
    expect(answer.proof).toBeUndefined();
    expect(answer.rota.uncovered).toEqual([]);
    const proved = await proving;
    const after = applyChange(problem, change);
    if (!after.ok) throw new Error("the change is valid");
    expect(check(after.value, proved?.rota ?? answer.rota).violations).toEqual([]);
    expect(proved?.rota.uncovered).toEqual([]);
    expect(proved).toMatchObject({
      minimal: true,
      proof: {
        proven: true,
        minimum: 32,
        changedSlots: 32,
        timedOut: false,
        timeLimitSeconds: SMALL_WEEK_PROOF_SECONDS,
      },
    });
    // Unasked, and still said: the same line the CLI prints and the API answers.
    expect(proved?.minimalWords).toMatch(
      /^proven minimal: 32 person-slots \(16 h\) changed: proven the fewest by the exact/,
    );
  });

  it("runs no exact model unless a proof is listened for or asked", async () => {
    const result = await resolve(problem, published, change, { now: "2026-11-22T12:00", workBudget: 200, pool });
    expect(result.proof).toBeUndefined();
    expect(result.minimal).toBe(false);
  });
});

describe("the published version a re-solve repairs", () => {
  it("is sent to a thread once, then named by its key, with the same repair", async () => {
    const one = new WorkerPool(1);
    try {
      const sent: boolean[] = [];
      const again = () =>
        resolve(problem, published, change, {
          now: "2026-11-22T12:00",
          workBudget: 200,
          pool: one,
          onTiming: (t) => {
            sent.push(t.sentVersion);
            expect(t.postedAt).toBeLessThanOrEqual(t.startedAt);
            expect(t.startedAt).toBeLessThanOrEqual(t.endedAt);
            expect(t.endedAt).toBeLessThanOrEqual(t.receivedAt);
          },
        });
      const first = await again();
      const second = await again();
      // An equal copy is the same version: sent by key alone too.
      const copy = await resolve(structuredClone(problem), structuredClone(published), change, {
        now: "2026-11-22T12:00",
        workBudget: 200,
        pool: one,
        onTiming: (t) => sent.push(t.sentVersion),
      });
      expect(sent).toEqual([true, false, false]);
      const { timeMs: _a, ...firstSolver } = first.rota.solver ?? {};
      const { timeMs: _b, ...secondSolver } = second.rota.solver ?? {};
      expect({ ...second, rota: { ...second.rota, solver: secondSolver } }).toEqual({
        ...first,
        rota: { ...first.rota, solver: firstSolver },
      });
      expect(copy.rota.assignments).toEqual(first.rota.assignments);
    } finally {
      await one.close();
    }
  });

  it("is sent again once the thread has dropped it for newer ones", async () => {
    const one = new WorkerPool(1);
    try {
      const sent: boolean[] = [];
      const at = (now: string, week: Problem) =>
        resolve(week, published, change, { now, workBudget: 50, pool: one, onTiming: (t) => sent.push(t.sentVersion) });
      // Versions that differ only in their seed: HELD_VERSIONS + 1 of them push the first out.
      const versions = Array.from({ length: HELD_VERSIONS + 1 }, (_, i) => ({
        ...problem,
        solver: { ...problem.solver, seed: i },
      }));
      for (const week of versions) await at("2026-11-22T12:00", week);
      await at("2026-11-22T12:00", versions[HELD_VERSIONS] as Problem);
      await at("2026-11-22T12:00", versions[0] as Problem);
      expect(sent).toEqual([...versions.map(() => true), false, true]);
    } finally {
      await one.close();
    }
  });
});
