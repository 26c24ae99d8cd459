// `pnpm --filter @deskrota/benchmarks certificate <instance> [seconds] [seeds]`: engine solves as the benchmark runs
// them (pool warmed on small-campus, search and bound thread), one line per seed with the gap the engine reported at
// 10 s and at the limit, the bound then, and whether the bound's task handed back its final bound in time; what
// `pnpm bench`'s certificate table reports, for one instance without the rest of the benchmark (issue 16).
import { gapOf } from "@deskrota/core/internal";
import { defaultPool, solve } from "@deskrota/engine";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";

const [name = "large-system", seconds = "60", seeds = "1"] = process.argv.slice(2);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const problem = loadProblem(instance.ref);
const limitMs = Number(seconds) * 1000;
// The pool warmed as a service's would be; on a loaded machine its cold start may overrun a short limit.
await solve(loadProblem({ kind: "example", name: "small-campus" }), { timeLimitMs: 3_000 });

const at = <T>(series: [number, T][], ms: number): T | null => series.findLast(([t]) => t <= ms)?.[1] ?? null;
const shown = (objective: number | null, bound: number | null) => {
  const gap = objective === null ? null : gapOf(objective, bound);
  const said = gap === null ? "no useful bound" : `gap ${(gap * 100).toFixed(1)} %`;
  return `${said} (rota ${objective?.toFixed(0) ?? "—"}, bound ${bound?.toFixed(0) ?? "—"})`;
};
for (const seed of seeds.split(",").map(Number)) {
  const curve: [number, number][] = [];
  const bounds: [number, number][] = [];
  let finished = false;
  const t0 = performance.now();
  const rota = await solve(problem, {
    timeLimitMs: limitMs,
    seed,
    onProgress: (p) => curve.push([performance.now() - t0, p.objective]),
    onBound: (b) => {
      if (b.finished) finished = true;
      else bounds.push([performance.now() - t0, b.bound]);
    },
  });
  const parts = [`${name} seed ${seed}`];
  if (limitMs > 10_000) parts.push(`10 s: ${shown(at(curve, 10_000), at(bounds, 10_000))}`);
  parts.push(`${seconds} s: ${shown(rota.solver?.objective ?? null, rota.solver?.bestBound ?? null)}`);
  parts.push(`bound finished in time: ${finished ? "yes" : "no"}`);
  console.log(parts.join(" | "));
}
await defaultPool().close();
