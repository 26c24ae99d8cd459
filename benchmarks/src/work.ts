// `pnpm --filter @deskrota/benchmarks work <instances> [seeds] [moves | <n>s] [--no-exact] [--weights <json>]`:
// the core's solve in this process, one line per instance and seed with what issue 19 judges (objective, mean hours
// away from target, gaps, stints under an hour), and the shadowing hours (the hours no desk's headcount limits). With a
// number of moves the run is deterministic and independent of the machine's load (compare changes to the search this
// way); with seconds ("60s") it is time-limited.
// --no-exact leaves HiGHS's exact moves out (ten times as many moves a second without a clock).
import { check, highsBackend, metrics, solve } from "@deskrota/core/internal";
import loadHighs from "highs";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { shortStints } from "./stints";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const weightsJson = option("--weights");
const [names = "typical-week", seeds = "1", budget = "20000"] = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--weights",
);
const seconds = budget.endsWith("s") ? Number(budget.slice(0, -1)) : undefined;
const backend = flag("--no-exact") ? undefined : highsBackend(await loadHighs());

for (const name of names.split(",")) {
  const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
  if (!instance) throw new Error(`no benchmark instance ${name}`);
  const loaded = loadProblem(instance.ref);
  const problem = weightsJson ? { ...loaded, weights: { ...loaded.weights, ...JSON.parse(weightsJson) } } : loaded;
  for (const seed of seeds.split(",").map(Number)) {
    const started = performance.now();
    const limits =
      seconds !== undefined ? { clock: () => performance.now(), timeLimitMs: seconds * 1000 } : { workBudget: +budget };
    const rota = solve(problem, { seed, ...limits, ...(backend ? { backend } : {}) });
    const wallS = (performance.now() - started) / 1000;
    const m = metrics(problem, rota);
    const stints = shortStints(problem, rota);
    const shortPct = stints.stints > 0 ? (100 * stints.short) / stints.stints : 0;
    console.log(
      [
        name,
        `seed ${seed}`,
        `objective ${rota.solver?.objective}`,
        `hours ${m.meanHoursDeviation}`,
        `shadowing ${m.shadowingHours}`,
        `cover ${m.gapHours.cover}`,
        `lead ${m.gapHours.supervision}`,
        `keyholder ${m.gapHours.keyholder}`,
        `short ${stints.short}/${stints.stints} ${shortPct.toFixed(1)} %`,
        `closing a gap ${stints.closingGap}/${stints.short}`,
        `violations ${check(problem, rota).violations.length}`,
        `${wallS.toFixed(1)} s`,
        `moves ${rota.solver?.iterations}`,
      ].join(" | "),
    );
  }
}
