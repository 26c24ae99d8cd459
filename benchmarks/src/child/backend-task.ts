import {
  buildModel,
  compile,
  highsBackend,
  jslpBackend,
  Milp,
  RULES,
  verifySolution,
  type BackendResult,
  type MilpBackend,
} from "@deskrota/core/internal";
import loadHighs, { type Highs } from "highs";
import { loadProblem } from "../instances";
import { restrict } from "../subproblems";
import type { Started } from "./entry";
import type { BackendTask } from "./protocol";

export interface BackendRun {
  status: BackendResult["status"] | "skipped";
  /** the backend call alone, ms */
  timeMs: number;
  /** loading the backend plus a first tiny solve: what a fresh process or worker pays once, ms */
  warmupMs: number;
  objective?: number;
  bound?: number;
  /** for a MILP answer: did the point pass every bound, row and integrality check */
  verified?: boolean;
  message?: string;
}

/** One model deskrota builds, solved once by one backend. */
export async function runBackendTask(task: BackendTask, started: Started): Promise<BackendRun> {
  const problem = restrict(loadProblem(task.instance), task.part);
  const inst = compile(problem);
  // The bound leaves out the steady-desk terms, as the engine's lowerBound does (they only add cost).
  const rules = task.relaxation ? RULES.filter((r) => r.id !== "steady-desks") : RULES;
  const part = task.part;
  const person = part.kind === "person-week" ? inst.people.find((p) => p.id === part.person) : undefined;
  if (part.kind === "person-week" && !person) throw new Error(`no person ${part.person}`);
  const { milp } = buildModel(inst, rules, person ? { people: new Set([person.index]) } : {});

  const t = performance.now();
  const backend =
    task.backend === "jslp"
      ? jslpBackend
      : highsBackend(task.backend === "highs-simplex" ? withSolver(await loadHighs(), "simplex") : await loadHighs());
  backend.solve(tiny(), { timeLimitSeconds: 10 });
  const warmupMs = Math.round(performance.now() - t);

  const denseBytes = denseTableauBytes(milp);
  started({
    people: person ? 1 : inst.people.length,
    slots: inst.slots.length,
    cols: milp.numCols,
    rows: milp.numRows,
    nonzeros: milp.numNonzeros,
    denseMb: Math.round(denseBytes / 1048576),
  });
  if (task.backend === "jslp" && denseBytes > task.denseLimitBytes) {
    return {
      status: "skipped",
      timeMs: 0,
      warmupMs,
      message: `its dense tableau would need ${(denseBytes / 2 ** 30).toFixed(1)} GB`,
    };
  }
  return solveOnce(backend, milp, task, warmupMs);
}

function solveOnce(backend: MilpBackend, milp: Milp, task: BackendTask, warmupMs: number): BackendRun {
  const t = performance.now();
  const result = backend.solve(milp, { relaxation: task.relaxation, timeLimitSeconds: task.timeLimitSeconds });
  const timeMs = Math.round(performance.now() - t);
  const run: BackendRun = {
    status: result.status,
    timeMs,
    warmupMs,
    ...(result.message ? { message: result.message } : {}),
  };
  if (result.bound !== undefined) run.bound = result.bound;
  if (result.x && !task.relaxation) {
    // Only a point that passes every check counts, whatever the backend says about it.
    run.verified = verifySolution(milp, result.x).length === 0;
    if (run.verified) run.objective = milp.objectiveOf(result.x);
  } else if (result.objective !== undefined) run.objective = result.objective;
  return run;
}

/**
 * javascript-lp-solver's tableau: one float per (variable + 1) × (constraint + 1), where every
 * finite column bound and each side of a ranged or equality row is a constraint of its own.
 */
function denseTableauBytes(milp: Milp): number {
  let constraints = 0;
  for (let j = 0; j < milp.numCols; j++)
    constraints += Number((milp.lower[j] ?? 0) > 0) + Number(Number.isFinite(milp.upper[j] ?? Infinity));
  for (let i = 0; i < milp.numRows; i++)
    constraints +=
      Number(Number.isFinite(milp.rowLower[i] ?? -Infinity)) + Number(Number.isFinite(milp.rowUpper[i] ?? Infinity));
  return 8 * (milp.numCols + 1) * (constraints + 1);
}

/**
 * HiGHS with a given LP algorithm whatever the engine's adapter asks for: every option set on a
 * model it creates gets `solver` overridden.
 */
function withSolver(highs: Highs, solver: "simplex"): Highs {
  return new Proxy(highs, {
    get(target, key, receiver) {
      if (key !== "createModel") return Reflect.get(target, key, receiver);
      return (...args: Parameters<Highs["createModel"]>) => {
        const model = target.createModel(...args);
        const store = model.options;
        const set = store.set.bind(store) as (values: Parameters<typeof store.set>[0]) => ReturnType<typeof store.set>;
        // Both forms of `set` (one name and value, or a record of them) end as a record with our solver.
        store.set = ((first: string | Record<string, unknown>, value?: unknown) =>
          set({ ...(typeof first === "string" ? { [first]: value } : first), solver } as Parameters<
            typeof store.set
          >[0])) as typeof store.set;
        return model;
      };
    },
  });
}

/** Two binaries and a row: enough to load and exercise a backend once. */
function tiny(): Milp {
  const m = new Milp();
  const a = m.binary("a", 1);
  const b = m.binary("b", 2);
  m.addRow("one", [a, b], [1, 1], 1, Infinity);
  return m;
}
