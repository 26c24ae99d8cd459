import { readFileSync } from "node:fs";
import {
  check,
  compare as compareInCore,
  DeskrotaInputError,
  DeskrotaTimeoutError,
  parseProblem,
  swapCandidates as swapsInCore,
  type Problem,
  type Rota,
} from "@deskrota/core/internal";
import { afterAll, describe, expect, it } from "vitest";
import { type BoundProgress, compare, solve, swapCandidates, WorkerPool, type RunOptions } from "../src";
import type { Task } from "../src/protocol";
import { rotaFrom, outcomeValue } from "../src/solve";

const pool = new WorkerPool(2);
afterAll(() => pool.close());

const problem = load("small-campus");

describe("the engine on worker threads", () => {
  it("gives the same rota for the same seed and work budget (no bound worker can replace it)", async () => {
    const first = await solve(problem, { seed: 7, workBudget: 30, pool });
    const second = await solve(problem, { seed: 7, workBudget: 30, pool });
    expect(second.assignments).toEqual(first.assignments);
    expect(check(problem, first).violations).toEqual([]);
  });

  it("runs the exact moves on the backend the problem's solver.backend names", async () => {
    const withJslp = await solve({ ...problem, solver: { backend: "jslp" } }, { seed: 7, workBudget: 30, pool });
    expect(withJslp.solver?.backend).toBe("search+jslp");
    expect(check(problem, withJslp).violations).toEqual([]);
    const byDefault = await solve(problem, { seed: 7, workBudget: 30, pool });
    expect(byDefault.solver?.backend).toBe("search+highs");
  });

  it("stopped from outside, keeps its best rota so far and says it was stopped", async () => {
    const stop = new AbortController();
    const running = solve(problem, { timeLimitMs: 30_000, pool, signal: stop.signal, onProgress: () => stop.abort() });
    const rota = await running;
    expect(rota.solver?.status).toBe("stopped");
    expect(check(problem, rota).violations).toEqual([]);
  });

  it("terminates a task that overruns its deadline, reports it as a timeout, and replaces the worker", async () => {
    // The search ends by the pool's deadline, but not before its first rota: the large system's
    // takes far longer than 20 ms to compile and build, and with no grace the worker is terminated.
    const outcome = await pool.run(
      { kind: "solve", problem: load("large-system"), timeLimitMs: 600_000, workBudget: 1e9 },
      { deadlineMs: 20, graceMs: 0 },
    );
    expect(outcome.kind).toBe("terminated");
    expect(() => outcomeValue(outcome, "the solve")).toThrow(DeskrotaTimeoutError);
    const after = await solve(problem, { seed: 1, workBudget: 5, pool });
    expect(check(problem, after).violations).toEqual([]);
  });

  it("ends a search by the pool's deadline when its own time limit is longer (a slow start counts)", async () => {
    // The deadline runs from when the task is posted; a worker that planned by its own limit (here
    // ten minutes) would be terminated at the deadline plus the grace period instead of answering.
    const outcome = await pool.run({ kind: "solve", problem, timeLimitMs: 600_000 }, { deadlineMs: 300 });
    expect(outcome.kind).toBe("result");
    const rota = outcomeValue<Rota>(outcome, "the solve");
    expect(rota.solver?.status).toBe("time-limit");
    expect(check(problem, rota).violations).toEqual([]);
  });

  it("reports a gap only with the bound it comes from, and says so in words", async () => {
    const rota = await solve(problem, { seed: 1, workBudget: 5, bound: true, timeLimitMs: 8_000, pool });
    const s = rota.solver;
    expect(s?.bestBound).not.toBeNull();
    expect(s?.boundKind).toMatch(/^(milp|lp-relaxation)$/);
    expect(s?.certificate).toMatch(/LP relaxation|MILP/);
    if (s?.gap === null) expect(s.certificate).toMatch(/^no useful bound yet/);
    else expect(s?.gap).toBeLessThanOrEqual(1);
  });

  it("passes on each better bound as it comes, the rota's last, and says when the bound's task ended", async () => {
    const bounds: BoundProgress[] = [];
    const rota = await solve(problem, {
      seed: 1,
      workBudget: 5,
      bound: true,
      timeLimitMs: 4_000,
      pool,
      onBound: (b) => bounds.push(b),
    });
    const better = bounds.filter((b) => !b.finished);
    expect(better.length).toBeGreaterThan(0);
    for (let i = 1; i < better.length; i++)
      expect(better[i]?.bound as number).toBeGreaterThan(better[i - 1]?.bound as number);
    expect(rota.solver?.bestBound).toBeCloseTo(better.at(-1)?.bound as number, 2);
    // A task ended within the limit says so once, last; one cut off at the limit says nothing.
    expect(bounds.slice(0, -1).some((b) => b.finished)).toBe(false);
  });

  it("asks for the search's thread before the bound's", async () => {
    // With one thread still busy (the previous solve's bound winding down), the free one goes to
    // whichever task asks first: that must be the search, or the first rota waits for the old bound.
    const asked: string[] = [];
    const watched = Object.assign(Object.create(pool) as WorkerPool, {
      run: (task: Task, options: RunOptions) => {
        asked.push(task.kind);
        return pool.run(task, options);
      },
    });
    const rota = await solve(problem, { seed: 1, workBudget: 5, bound: true, timeLimitMs: 1_000, pool: watched });
    expect(asked).toEqual(["solve", "bound"]);
    expect(check(problem, rota).violations).toEqual([]);
  });

  it("brings an input error back from the worker with every issue", async () => {
    const rota = await solve(problem, { seed: 1, workBudget: 5, pool });
    const asked = swapCandidates(
      problem,
      rota,
      { point: "nowhere", start: "2026-11-24T10:00", end: "2026-11-24T09:00" },
      { pool },
    );
    await expect(asked).rejects.toBeInstanceOf(DeskrotaInputError);
    await expect(asked).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "point" })]),
    });
  });

  it("answers swap candidates and comparisons as the core does, off the caller's thread", async () => {
    const rota = await solve(problem, { seed: 1, workBudget: 20, pool });
    const other = await solve(problem, { seed: 2, workBudget: 20, pool });
    const assignment = rota.assignments[0];
    if (!assignment) throw new Error("the small campus rota has no assignments");
    // A cover gap at a desk if there is one, else somebody's stint (its person is then no candidate).
    const gap = rota.uncovered.find((u) => u.point !== undefined) ?? assignment;
    const query = { point: gap.point ?? assignment.point, start: gap.start, end: gap.end };
    expect(await swapCandidates(problem, rota, query, { pool })).toEqual(swapsInCore(problem, rota, query));
    const rotas = [
      { id: "a", rota },
      { id: "b", rota: other },
    ];
    expect(await compare(problem, rotas, "b", { pool })).toEqual(compareInCore(problem, rotas, "b"));
  });
});

function load(example: string): Problem {
  const parsed = parseProblem(
    JSON.parse(readFileSync(new URL(`../../../docs/examples/${example}.json`, import.meta.url), "utf8")),
  );
  if (!parsed.ok) throw new Error(`${example} is not a valid problem`);
  return parsed.value;
}

describe("a search that fails its own checker", () => {
  it("gives the last rota it reported (which passed the checker) and says so, else the error", async () => {
    const reported = await solve(problem, { seed: 1, workBudget: 5, pool });
    const fault = {
      kind: "error" as const,
      error: {
        name: "DeskrotaInternalError",
        code: "DESKROTA_E_INVALID_ROTA",
        message: "the engine built a rota its checker rejects: headcount: …",
      },
    };
    const told: string[] = [];
    const kept = rotaFrom(fault, reported, 1234, false, (message) => told.push(message));
    expect(kept.assignments).toEqual(reported.assignments);
    expect(kept.solver).toMatchObject({ status: "feasible", timeMs: 1234 });
    expect(told).toEqual([fault.error.message]);
    expect(() => rotaFrom(fault, undefined, 1234, false)).toThrow(/checker rejects/);
    expect(() =>
      rotaFrom(
        { kind: "error", error: { name: "Error", code: "DESKROTA_E_INPUT", message: "bad", issues: [] } },
        reported,
        1,
        false,
      ),
    ).toThrow(DeskrotaInputError);
  });
});
