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

const pool = new WorkerPool(1);
afterAll(() => pool.close());

// A desk open Monday and Tuesday mornings. Cal may work only 4 h a week, Dee only on Tuesdays:
// filling Ann's Monday takes a chain (Cal to Monday, Dee to Cal's Tuesday) the search alone misses.
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  role: "staff",
  sites: ["main"],
  hours: { target: 4, max: 20 },
  training: { helpdesk: "independent" },
  qualifications: ["lead", "keyholder"],
  availability: { mon: [["00:00", "24:00"]], tue: [["00:00", "24:00"]] },
  ...extra,
});
const parsed = parseProblem({
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "Europe/London",
  slotMinutes: 30,
  sites: [
    {
      id: "main",
      name: "Main",
      open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
      servicePoints: [
        {
          id: "desk",
          name: "Desk",
          kind: "helpdesk",
          cover: [{ days: ["mon", "tue"], from: "09:00", to: "13:00", min: 1 }],
        },
      ],
    },
  ],
  people: [
    person("ann"),
    person("cal", { hours: { target: 4, max: 4 } }),
    person("dee", { availability: { tue: [["00:00", "24:00"]] } }),
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem: Problem = parsed.value;
const published = {
  assignments: [
    { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" },
    { person: "cal", point: "desk", start: "2026-11-24T09:00", end: "2026-11-24T13:00" },
  ],
};
const change: Change = {
  absences: [{ person: "ann", from: "2026-11-23T09:00", to: "2026-11-23T13:00", reason: "sick" }],
};

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
