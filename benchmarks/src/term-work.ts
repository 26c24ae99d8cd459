// `pnpm --filter @deskrota/benchmarks term-work [weeks] [seeds] [moves] [carry|alone|both] [out-dir]`: the term
// section's plan (typical week's setup, one seeded day-long absence a week) solved by the core's search at a
// fixed number of moves per week without HiGHS's exact moves, with carry-over and each week alone (`carry`,
// `alone`: only that one). Deterministic and independent of the machine's load: the way to compare a change to
// the fair share, the carry-over or the search (the term section's time-limited figures move with load).
// With `out-dir`, each run's weeks (problem and rota) are written there as JSON, to read a term again
// without re-solving it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setupFromProblem, type TermWeek } from "@deskrota/core";
import { solve } from "@deskrota/core/internal";
import { EXAMPLE_INSTANCES, loadProblem } from "./instances";
import { checkedTerm, termAbsences } from "./sections/term";

const [weeks = "4", seeds = "1", budget = "100000", modes = "both", outDir] = process.argv.slice(2);
if (outDir) mkdirSync(outDir, { recursive: true });
const instance = EXAMPLE_INSTANCES.find((i) => i.id === "typical-week");
if (!instance) throw new Error("no typical-week instance");
const { setup } = setupFromProblem(loadProblem(instance.ref));
const settings = { from: "2027-01-11", weeks: Number(weeks), absences: Number(weeks) };
const entries = termAbsences(
  setup.people.map((p) => p.id),
  settings,
);
for (const seed of seeds.split(",").map(Number)) {
  for (const carryOver of modes === "carry" ? [true] : modes === "alone" ? [false] : [true, false]) {
    const solved: TermWeek[] = [];
    const run = await checkedTerm({
      setup,
      from: settings.from,
      weeks: settings.weeks,
      entries,
      carryOver,
      solve: async (problem, weekStart) => {
        const rota = solve(problem, { seed, workBudget: Number(budget) });
        solved.push({ weekStart, problem, rota });
        return rota;
      },
    });
    if (outDir)
      writeFileSync(join(outDir, `seed-${seed}-${carryOver ? "carry" : "alone"}.json`), JSON.stringify(solved));
    if (run.failed) throw new Error(run.failed);
    const fair = run.fromFairShare;
    const slot = run.fromSlotShare;
    const plain = run.fromPlainShare;
    const clamped = run.fromClampedShare;
    console.log(
      [
        `seed ${seed}`,
        carryOver ? "with carry" : "alone",
        `fair share: median ${fair?.p50} max ${fair?.max} within 2 h ${fair?.within2hPct} %`,
        `slot share: median ${slot?.p50} max ${slot?.max} within 2 h ${slot?.within2hPct} %`,
        `plain share: median ${plain?.p50} max ${plain?.max} within 2 h ${plain?.within2hPct} %`,
        `clamped share: median ${clamped?.p50} max ${clamped?.max} within 2 h ${clamped?.within2hPct} %`,
        `uncovered ${run.uncoveredByWeek.join(" ")}`,
        `unsocial spread ${run.unsocialSpread}`,
        `hard ${run.hardViolations}`,
        `${run.wallS.toFixed(0)} s`,
      ].join(" | "),
    );
    if (carryOver) {
      for (const f of run.far) {
        console.log(
          `  ${f.person} fair ${f.fromFairShare} slot ${f.fromSlotShare} worked ${f.worked} ` +
            `only-lead ${f.onlyLeadHours} shadowing ${f.shadowingHours} at-limit ${f.weeksTargetAtLimit}` +
            (f.floors.length ? ` floors${f.heldAbove ? " (holding)" : " (not binding)"} ${f.floors.join("; ")}` : ""),
        );
      }
    }
  }
}
