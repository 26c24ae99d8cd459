import { parseProblem, type Problem } from "@deskrota/core/internal";
import { describe, expect, it } from "vitest";
import { prepare, resolve, WorkerPool } from "../src";
import { annSick, chainPublished, chainWeek } from "./support/chain-week";

const parsed = parseProblem(chainWeek);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem: Problem = parsed.value;
const now = "2026-11-22T12:00";

/** Runs `body` with a pool of its own, closed after. */
async function withPool<T>(size: number, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(size);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

describe("a published week prepared for its re-solves", () => {
  it("is warmed on in a thread that keeps it: its re-solve goes there, by key, repaired as unprepared", async () => {
    const plain = await withPool(1, (pool) => resolve(problem, chainPublished, annSick, { now, pool }));
    const sent: boolean[] = [];
    const { done, repaired } = await withPool(2, async (pool) => {
      // The first thread is busy with another week: the second is started and warms on this one.
      const other = resolve({ ...problem, solver: { ...problem.solver, seed: 9 } }, chainPublished, annSick, {
        now,
        pool,
      });
      const done = await prepare(problem, chainPublished, { pool });
      await other;
      // Both idle now: the re-solve goes to the second, which holds the week, not to the first.
      const repaired = await resolve(problem, chainPublished, annSick, {
        now,
        pool,
        onTiming: (t) => sent.push(t.sentVersion),
      });
      return { done, repaired };
    });
    expect(done).toEqual({ repairs: 2, preempted: false });
    expect(sent).toEqual([false]);
    expect(repaired.rota.assignments).toEqual(plain.rota.assignments);
    expect(repaired.diff).toEqual(plain.diff);
  });

  it("gives way to a real task that finds no other thread, which then runs at once", async () => {
    await withPool(1, async (pool) => {
      const warming = prepare(problem, chainPublished, { pool });
      const other = { ...problem, solver: { ...problem.solver, seed: 9 } };
      const repaired = await resolve(other, chainPublished, annSick, { now, pool });
      expect(repaired.rota.uncovered).toEqual([]);
      expect(await warming).toMatchObject({ preempted: true });
    });
  });

  it("stops when its signal aborts, as a newer version supersedes it, and the thread takes the next task", async () => {
    await withPool(1, async (pool) => {
      const superseded = await prepare(problem, chainPublished, { pool, signal: AbortSignal.abort() });
      expect(superseded).toEqual({ repairs: 0, preempted: true });
      expect(await prepare(problem, chainPublished, { pool })).toEqual({ repairs: 2, preempted: false });
    });
  });

  it("is not warmed on where every thread is busy", async () => {
    await withPool(1, async (pool) => {
      const busy = resolve(problem, chainPublished, annSick, { now, pool });
      expect(await prepare(problem, chainPublished, { pool })).toBeUndefined();
      await busy;
    });
  });
});
