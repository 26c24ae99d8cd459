import { check, parseProblem, applyChange, type Change, type Problem } from "@deskrota/core/internal";
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
  it("proves a small week's repair unasked: it fills through the chain, with the fewest changes", async () => {
    const result = await resolve(problem, published, change, { now: "2026-11-22T12:00", workBudget: 200, pool });
    const after = applyChange(problem, change);
    if (!after.ok) throw new Error("the change is valid");
    expect(check(after.value, result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result).toMatchObject({
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
    expect(result.minimalWords).toMatch(
      /^proven minimal: 32 person-slots \(16 h\) changed: proven the fewest by the exact/,
    );
  });
});
