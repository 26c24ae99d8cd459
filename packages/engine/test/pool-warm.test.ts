import { readFileSync } from "node:fs";
import { check, parseProblem } from "@deskrota/core/internal";
import { afterAll, describe, expect, it } from "vitest";
import { solve, WorkerPool } from "../src";

const pool = new WorkerPool(2);
afterAll(() => pool.close());

const parsed = parseProblem(
  JSON.parse(readFileSync(new URL("../../../docs/examples/small-campus.json", import.meta.url), "utf8")),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem = parsed.value;

describe("a pool warmed before its first task", () => {
  it("starts all its threads at once, then runs tasks on them without starting more", async () => {
    expect(pool.started).toBe(0);
    await pool.warm();
    expect(pool.started).toBe(2);
    await pool.warm();
    expect(pool.started).toBe(2);
    const rotas = await Promise.all([1, 2].map((seed) => solve(problem, { seed, workBudget: 30, pool })));
    for (const rota of rotas) expect(check(problem, rota).violations).toEqual([]);
    expect(pool.started).toBe(2);
  });
});
