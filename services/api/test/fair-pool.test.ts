import { describe, expect, test } from "vitest";
import { BusyError, Pool } from "../src/jobs/pool";
import { startsAfterMs } from "../src/jobs/wait";

// The pool's order and its admission, with tasks the test ends itself: no solver, no clock.

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A pool whose tasks record when they start and end when the test opens their gate. */
function harness(size: number, maxQueued: number, maxQueuedPerOrg: number, now = () => 0) {
  const pool = new Pool(size, { maxQueued, maxQueuedPerOrg }, now);
  const started: string[] = [];
  const gates = new Map<string, Gate>();
  const task = (name: string) => async () => {
    started.push(name);
    const g = gate();
    gates.set(name, g);
    await g.promise;
  };
  const finish = async (name: string) => {
    gates.get(name)?.open();
    // Let the pool hand the place on (a few microtask turns).
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { pool, started, task, finish };
}

describe("fair order", () => {
  test("while one organisation has 40 solves queued, another's first solve and a re-solve run next", async () => {
    const { pool, started, task, finish } = harness(1, 100, 50);
    const done: Array<Promise<void>> = [];
    for (let i = 0; i < 41; i++) done.push(pool.reserve({ orgId: "A", costMs: 10_000 }).run(task(`A${i}`)));
    done.push(pool.reserve({ orgId: "B", costMs: 10_000 }).run(task("B0")));
    done.push(pool.run(task("resolve")));
    expect(started).toEqual(["A0"]);
    await finish("A0");
    expect(started).toEqual(["A0", "resolve"]);
    await finish("resolve");
    expect(started.at(-1)).toBe("B0");
    await finish("B0");
    expect(started.at(-1)).toBe("A1");
    for (let i = 1; i < 41; i++) await finish(`A${i}`);
    await Promise.all(done);
    expect(started).toHaveLength(43);
  });

  test("organisations are served in turn (the one served longest ago first), re-solves always first", async () => {
    const { pool, started, task, finish } = harness(1, 100, 50);
    const done = [pool.reserve({ orgId: "A", costMs: 1 }).run(task("A0"))];
    for (const name of ["A1", "A2", "A3", "B1", "B2", "C1"])
      done.push(pool.reserve({ orgId: name[0] as string, costMs: 1 }).run(task(name)));
    await finish("A0");
    await finish("B1");
    done.push(pool.run(task("R1")));
    for (const name of ["C1", "R1", "A1", "B2", "A2", "A3"]) await finish(name);
    await Promise.all(done);
    expect(started).toEqual(["A0", "B1", "C1", "R1", "A1", "B2", "A2", "A3"]);
  });
});

describe("admission", () => {
  test("one organisation cannot fill the queue: its limit is its own, others still get in", () => {
    const { pool, task } = harness(1, 10, 3);
    for (let i = 0; i < 4; i++) void pool.reserve({ orgId: "A", costMs: 1000 }).run(task(`A${i}`));
    expect(() => pool.reserve({ orgId: "A", costMs: 1000 })).toThrow(BusyError);
    expect(() => pool.reserve({ orgId: "B", costMs: 1000 })).not.toThrow();
    expect(() => pool.run(task("resolve"))).not.toThrow();
  });

  test("Retry-After is when a place frees, worked out from the time limits in the queue", () => {
    let clock = 0;
    const { pool, task } = harness(2, 5, 2, () => clock);
    const queue = (orgId: string, costMs: number) => void pool.reserve({ orgId, costMs }).run(task(orgId));
    const retry = (orgId: string) => {
      try {
        pool.reserve({ orgId, costMs: 1000 }).release();
      } catch (error) {
        return (error as BusyError).retryAfterSeconds;
      }
      return null;
    };
    queue("A", 30_000);
    queue("B", 50_000);
    for (const org of ["A", "A", "B", "B"]) queue(org, 20_000);
    clock = 10_000;
    // A's queue is full: its first queued solve starts when A's running one ends, 20 s from now.
    expect(retry("A")).toBe(20);
    // B's first queued solve waits for A's (B was served more recently), which starts in 20 s, and
    // then for the next solver to free: B's running one, 40 s from now.
    expect(retry("B")).toBe(40);
    expect(retry("C")).toBeNull();
    queue("C", 20_000);
    // The whole queue is full: a place frees when its first solve starts.
    expect(retry("D")).toBe(20);
  });

  test("the estimate plays the queue out over the solvers", () => {
    // Two solvers free in 5 s and 8 s; ahead: 10 s, 10 s, then the job asked about.
    expect(startsAfterMs([5000, 8000], 2, [10_000, 10_000])).toBe(15_000);
    expect(startsAfterMs([], 2, [])).toBe(0);
    expect(startsAfterMs([5000], 3, [4000])).toBe(0);
  });
});
