// `pnpm --filter @deskrota/benchmarks stints <instances> [seeds] [moves | <n>s] [--no-exact]`: the core's solve in
// this process, as `work` runs it, and each stint under an hour that closes no gap (the ones issue 19 item 4 counts
// against the rota), with who, where, when and the person's whole day there. With a number of moves the run is
// deterministic; with seconds ("10s") it is time-limited, as the bench's solves are.
import { highsBackend, solve } from "@deskrota/core/internal";
import loadHighs from "highs";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { idleShortStints } from "./stints";

const args = process.argv.slice(2);
const [names = "typical-week", seeds = "1", budget = "20000"] = args.filter((a) => !a.startsWith("--"));
const seconds = budget.endsWith("s") ? Number(budget.slice(0, -1)) : undefined;
const backend = args.includes("--no-exact") ? undefined : highsBackend(await loadHighs());
const clock = (time: string) => time.slice(11, 16);

for (const name of names.split(",")) {
  const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
  if (!instance) throw new Error(`no benchmark instance ${name}`);
  const problem = loadProblem(instance.ref);
  for (const seed of seeds.split(",").map(Number)) {
    const limits =
      seconds !== undefined ? { clock: () => performance.now(), timeLimitMs: seconds * 1000 } : { workBudget: +budget };
    const rota = solve(problem, { seed, ...limits, ...(backend ? { backend } : {}) });
    const idle = idleShortStints(problem, rota);
    console.log(`${name} | seed ${seed} | moves ${rota.solver?.iterations} | ${idle.length} closing no gap`);
    for (const stint of idle) {
      const day = rota.assignments.filter(
        (a) => a.person === stint.person && a.start.slice(0, 10) === stint.start.slice(0, 10),
      );
      const shown = day.map((a) => `${a.point} ${clock(a.start)}–${clock(a.end)}${a.shadowing ? " (shadowing)" : ""}`);
      console.log(
        `  ${stint.person} ${stint.point} ${stint.start.slice(0, 10)} ${clock(stint.start)}: ${shown.join(", ")}`,
      );
    }
  }
}
