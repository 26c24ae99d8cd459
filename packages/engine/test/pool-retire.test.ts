import { readFileSync } from "node:fs";
import { parseProblem, type Problem } from "@deskrota/core/internal";
import { afterAll, describe, expect, it } from "vitest";
import { WorkerPool } from "../src";

const pool = new WorkerPool(2);
afterAll(() => pool.close());

const parsed = parseProblem(
  JSON.parse(readFileSync(new URL("../../../docs/examples/small-campus.json", import.meta.url), "utf8")),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const problem: Problem = parsed.value;

const bound = (p: Problem) => pool.run({ kind: "bound", problem: p, timeLimitMs: 3_000 }, { deadlineMs: 3_000 });

describe("a thread whose task loaded a HiGHS of its own", () => {
  it("is retired after that task; one whose bound loaded none is kept", async () => {
    // javascript-lp-solver's bound loads no HiGHS: the thread stays for the next task.
    const kept = await bound({ ...problem, solver: { backend: "jslp" } });
    expect(kept.kind).toBe("result");
    expect(pool.started).toBe(1);
    // HiGHS's bound of a small week (its LP) takes an instance of its own, whose heap never shrinks.
    const retired = await bound(problem);
    expect(retired).toMatchObject({ kind: "result", value: { boundKind: "lp-relaxation" } });
    expect(pool.started).toBe(0);
    // The pool starts a fresh thread for what comes next.
    expect((await bound(problem)).kind).toBe("result");
  });
});
