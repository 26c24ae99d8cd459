import { readFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { parseProblem } from "@deskrota/core/internal";
import { afterAll, expect, it } from "vitest";
import { solve, WorkerPool } from "../src";
import { WORKER_YOUNG_GENERATION_MB } from "../src/run";

const pool = new WorkerPool(2);
afterAll(() => pool.close());

const parsed = parseProblem(
  JSON.parse(readFileSync(new URL("../../../docs/examples/small-campus.json", import.meta.url), "utf8")),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));

it("starts its threads with the young generation it sets, as the live thread reports it", async () => {
  await solve(parsed.value, { seed: 1, workBudget: 30, pool });
  const { slots } = pool as unknown as { slots: { worker: Worker }[] };
  expect(slots.length).toBe(1);
  for (const { worker } of slots)
    expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
});
