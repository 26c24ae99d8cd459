// `pnpm --filter @deskrota/benchmarks hours-compare <instance> <seed> <moves> [rota.json]`: where two rotas' hours
// differ, person by person (without a file, the search's rota alone). The search's rota (deterministic for the seed and
// moves) against a rota in a file (the `hours-milp` one, say): per group of people with the same sites and lead
// qualification, the hours worked at each site (counted and shadowing) and Σ |hours − target|, then each person whose
// hours differ by 2 h or more (decisions §19).
import { readFileSync } from "node:fs";
import { type Problem, type RotaInput, parseDated, scoreRota, solve } from "@deskrota/core/internal";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";

const [name = "typical-week", seed = "1", moves = "20000", file] = process.argv.slice(2);
const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
if (!instance) throw new Error("usage: hours-compare <instance> <seed> <moves> [rota.json]");
const problem = loadProblem(instance.ref);
const searched = solve(problem, { seed: Number(seed), workBudget: Number(moves) });
const other = file ? (JSON.parse(readFileSync(file, "utf8")) as RotaInput) : searched;

type Hours = Map<string, number>;
/** per person: "site" or "site~" (shadowing) → hours */
function hoursOf(p: Problem, rota: RotaInput): Map<string, Hours> {
  const siteOf = new Map(p.sites.flatMap((s) => s.servicePoints.map((k) => [k.id, s.id] as const)));
  const out = new Map<string, Hours>();
  for (const a of rota.assignments) {
    const h = (parseDated(a.end, p.timeZone) - parseDated(a.start, p.timeZone)) / 3_600_000;
    const key = `${siteOf.get(a.point)}${a.shadowing ? "~" : ""}`;
    const own = out.get(a.person) ?? new Map<string, number>();
    out.set(a.person, own);
    own.set(key, (own.get(key) ?? 0) + h);
  }
  return out;
}
const total = (h: Hours | undefined) => [...(h ?? new Map()).values()].reduce((a, b) => a + b, 0);
const text = (h: Hours | undefined) =>
  [...(h ?? new Map())]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "—";

const a = hoursOf(problem, searched);
const b = hoursOf(problem, other);
const groups = new Map<string, { n: number; target: number; a: Hours; b: Hours; devA: number; devB: number }>();
const add = (into: Hours, from: Hours | undefined) => {
  for (const [k, v] of from ?? []) into.set(k, (into.get(k) ?? 0) + v);
};
const far: string[] = [];
for (const person of problem.people) {
  const lead = person.qualifications?.includes("lead") ? " lead" : "";
  const key = `${[...person.sites].sort().join("+")}${lead}`;
  const g = groups.get(key) ?? { n: 0, target: 0, a: new Map(), b: new Map(), devA: 0, devB: 0 };
  groups.set(key, g);
  const ha = a.get(person.id);
  const hb = b.get(person.id);
  g.n++;
  g.target += person.hours.target;
  add(g.a, ha);
  add(g.b, hb);
  g.devA += Math.abs(total(ha) - person.hours.target);
  g.devB += Math.abs(total(hb) - person.hours.target);
  if (Math.abs(total(ha) - total(hb)) >= 2)
    far.push(`  ${person.id} ${key} target ${person.hours.target}: search ${text(ha)} | other ${text(hb)}`);
}
console.log(`${name}: group (people, targets) | search: hours by site, Σ|h − t| | other: hours by site, Σ|h − t|`);
for (const [key, g] of [...groups].sort()) {
  console.log(
    `${key} (${g.n}, ${g.target} h) | ${text(g.a)}, Σ ${g.devA.toFixed(1)} | ${text(g.b)}, Σ ${g.devB.toFixed(1)}`,
  );
}
// The objective's own terms: whether the search's weights prefer the other rota (a search that misses it) or not.
const scoreA = scoreRota(problem, searched);
const scoreB = scoreRota(problem, other);
console.log(`objective: search ${scoreA.soft}, other ${scoreB.soft}; per term (search / other):`);
for (const [rule, value] of Object.entries(scoreA.byRule)) console.log(`  ${rule} ${value} / ${scoreB.byRule[rule]}`);
console.log("people whose hours differ by 2 h or more:");
for (const line of far) console.log(line);
