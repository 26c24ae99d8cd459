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
import { SMALL_WEEK_PROOF_SECONDS } from "../src/protocol";
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
    // The search alone misses the chain: the answer leaves Ann's Monday open and claims no proof.
    expect(answer.proof).toBeUndefined();
    expect(answer.rota.uncovered).not.toEqual([]);
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
