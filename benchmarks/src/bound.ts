// `pnpm --filter @deskrota/benchmarks bound <instance> [exact steps] [upper]`: the Lagrangian bound alone, in this
// process, one line per step it improves (and every 25th) with the pass, the step, its value, the best so far, the
// CPU seconds spent and the best against the upper bound. The steps are deterministic, so comparing changes to the
// bound at a fixed number of steps is independent of the machine's load; the CPU seconds are not (issue 16).
// `upper` is what the steps aim at, the best rota known by default (as if the search had found it at once).
// `seconds`, when given, is a deadline in CPU seconds from the start, read the way the engine's bound thread reads
// its clock: the second start then runs only where it would in a solve whose bound thread has that much CPU.
import { readFileSync } from "node:fs";
import { compile, lagrangeBound } from "@deskrota/core/internal";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";

const [name = "large-system", steps = "100", given, seconds] = process.argv.slice(2);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error(`no benchmark instance ${name}`);
const known = JSON.parse(readFileSync(new URL("../best-known.json", import.meta.url), "utf8")) as {
  instances: Record<string, { objective: number }>;
};
const upper = given === undefined || given === "-" ? known.instances[name]?.objective : Number(given);
if (upper === undefined || !Number.isFinite(upper)) throw new Error(`no upper bound for ${name}: give one`);

const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
const started = cpu();
const inst = compile(loadProblem(instance.ref));
console.log(`${name}: compiled in ${(cpu() - started).toFixed(1)} s of CPU; upper ${upper}`);
let best = -Infinity;
const bound = lagrangeBound(inst, {
  upper: () => upper,
  iterations: Number(steps),
  ...(seconds === undefined ? {} : { clock: cpu, deadline: started + Number(seconds) }),
  trace: ({ pass, it, value, scale }) => {
    const better = value > best;
    best = Math.max(best, value);
    if (!better && it % 25 !== 0) return;
    const below = ((upper - best) / upper) * 100;
    console.log(
      [
        pass,
        `step ${it}`,
        `value ${value.toFixed(1)}`,
        `best ${best.toFixed(1)}`,
        `${(cpu() - started).toFixed(2)} s`,
        `scale ${scale.toPrecision(3)}`,
      ]
        .concat(`${below.toFixed(1)} % below the upper bound`)
        .join(" | "),
    );
  },
});
console.log(`final ${bound?.toFixed(1)} after ${(cpu() - started).toFixed(2)} s of CPU`);
