// `pnpm --filter @deskrota/benchmarks hours-from <instance> <rota.json> [moves] [seed]`: does the search keep a rota's
// hours? The search (its own moves, no construction) started from a rota in a file (the `hours-milp` one, say) at the
// default weights: its objective, mean |hours − target|, gaps and short stints before and after (decisions §19). Where
// it ends better than its own rotas and keeps the hours, the weights want that rota and the search did not find it.
import { readFileSync } from "node:fs";
import {
  assignmentsOf,
  bestPlacements,
  compile,
  loadPlacements,
  metrics,
  placementsOf,
  type RotaInput,
  SearchState,
  search,
} from "@deskrota/core/internal";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { shortStints } from "./stints";

const [name = "typical-week", file, moves = "20000", seed = "1"] = process.argv.slice(2);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance || !file) throw new Error("usage: hours-from <instance> <rota.json> [moves] [seed]");
const problem = loadProblem(instance.ref);
const inst = compile(problem);
const given = JSON.parse(readFileSync(file, "utf8")) as RotaInput;

const describe = (label: string, objective: number, rota: RotaInput) => {
  const m = metrics(problem, rota);
  const stints = shortStints(problem, rota);
  console.log(
    `${label}: objective ${objective.toFixed(1)} | hours ${m.meanHoursDeviation} | cover ${m.gapHours.cover} | ` +
      `lead ${m.gapHours.supervision} | keyholder ${m.gapHours.keyholder} | short ${stints.short}/${stints.stints}`,
  );
};
const state = new SearchState(inst);
loadPlacements(state, placementsOf(inst, given.assignments));
describe("given", state.objective, given);
const outcome = search(state, new Map(), { moves: Number(moves), seed: Number(seed), skipConstruction: true });
const placement = new Map(
  bestPlacements(inst, outcome).map((at, p) => {
    const own = new Map<number, { point: number; shadowing: boolean }>();
    at.forEach((k, g) => {
      if (k >= 0) own.set(g, { point: k, shadowing: inst.people[p]?.training[k] === "shadowing" });
    });
    return [p, own] as const;
  }),
);
describe(`searched ${moves} moves`, outcome.best, { assignments: assignmentsOf(inst, placement) });
