// `pnpm --filter @deskrota/benchmarks fingerprint`: a short hash of the rota each example gets at seed 7 and a fixed
// work budget, and of one re-solve of the typical week. A refactor that must not change results must not change
// these; the hash covers the whole rota and the solver's figures except its times.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { highsBackend, parseProblem, type Problem, resolve, type Rota, solve } from "@deskrota/core/internal";
import loadHighs from "highs";

const SEED = 7;
/** Search moves per example: enough for the exact moves to run (they change results only from a few thousand). */
const BUDGETS: Record<string, number> = {
  "typical-week": 4000,
  "dst-week": 4000,
  "small-campus": 4000,
  "large-system": 600,
};
const RESOLVE_BUDGET = 400;

const backend = highsBackend(await loadHighs());
const only = process.argv[2]?.split(",");

function example(name: string): Problem {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../docs/examples/${name}.json`, import.meta.url), "utf8"));
  const parsed = parseProblem(raw);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

function fingerprint(rota: Rota): string {
  const { solver, ...rest } = rota;
  const { timeMs, firstRotaMs, ...s } = solver ?? {};
  return createHash("sha256")
    .update(JSON.stringify({ ...rest, s }))
    .digest("hex")
    .slice(0, 16);
}

/** The person on the first stint that starts on the Tuesday afternoon is off sick from noon: repaired at 08:00. */
function resolveTypical(problem: Problem, published: Rota): string {
  const stint = published.assignments.find((a) => a.start.startsWith("2026-11-24T1") && a.start >= "2026-11-24T12");
  if (!stint) throw new Error("typical-week: nobody works on Tuesday afternoon");
  const absence = { person: stint.person, from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" };
  const result = resolve(
    problem,
    published,
    { absences: [absence] },
    {
      now: "2026-11-24T08:00",
      seed: SEED,
      workBudget: RESOLVE_BUDGET,
      backend,
    },
  );
  const hash = fingerprint(result.rota);
  return `resolve-typical ${hash} obj=${result.rota.solver?.objective} changes=${result.diff.changes}`;
}

for (const [name, workBudget] of Object.entries(BUDGETS)) {
  if (only && !only.includes(name)) continue;
  const problem = example(name);
  const rota = solve(problem, { seed: SEED, workBudget, backend });
  console.log(`${name} ${fingerprint(rota)} obj=${rota.solver?.objective}`);
  if (name === "typical-week") console.log(resolveTypical(problem, rota));
}
