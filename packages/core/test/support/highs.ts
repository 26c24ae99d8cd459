import loadHighs from "highs";
import type { Problem } from "../../src/model/problem";
import type { RotaInput } from "../../src/model/rota";
import { RULES } from "../../src/rules";
import type { RuleModule } from "../../src/rules/rule";
import type { MilpBackend } from "../../src/solve/backends/backend";
import { highsBackend } from "../../src/solve/backends/highs";
import { assignmentsOf, placementOf } from "../../src/solve/decode";
import { compile, type CompileOptions } from "../../src/compile/instance";
import { verifySolution } from "../../src/compile/milp";
import { buildModel, type ModelContext } from "../../src/compile/model";

let loaded: Promise<MilpBackend> | undefined;

/** HiGHS, loaded once per test file (the first load reads the .wasm file). */
export function highs(): Promise<MilpBackend> {
  loaded ??= loadHighs().then(highsBackend);
  return loaded;
}

export interface ModelSolution {
  /** the decoded rota: assignments only (gap reporting is the solver's output layer, not the model's) */
  rota: RotaInput;
  /** the MILP objective of the solution, offset included */
  objective: number;
  ctx: ModelContext;
  x: Float64Array;
  /** HiGHS proved `objective` optimal (else it is the best point found within the time limit) */
  proven: boolean;
}

/**
 * Builds the shift-column model of `problem` with `rules`, solves it to optimality with HiGHS, decodes it.
 * With `timeLimitSeconds` (generated problems: a few of them take HiGHS minutes to prove) the best
 * point found by then is accepted too.
 */
export async function solveModel(
  problem: Problem,
  rules: readonly RuleModule[] = RULES,
  options: CompileOptions = {},
  timeLimitSeconds?: number,
): Promise<ModelSolution> {
  const ctx = buildModel(compile(problem, options), rules);
  // Nobody can work anything: the only solution is the empty rota (and the highs backend
  // answers a model without columns with status "error").
  if (ctx.milp.numCols === 0)
    return { rota: { assignments: [] }, objective: ctx.milp.offset, ctx, x: new Float64Array(0), proven: true };
  const result = (await highs()).solve(ctx.milp, {
    relativeGap: 0,
    ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
  });
  // At the time limit HiGHS answers "feasible" with its best point, or "limit" without one.
  const accepted = result.status === "optimal" || (timeLimitSeconds !== undefined && result.status === "feasible");
  if (!accepted || !result.x)
    throw new Error(`HiGHS did not solve the test model: ${result.status} ${result.message ?? ""}`);
  const broken = verifySolution(ctx.milp, result.x);
  if (broken.length > 0)
    throw new Error(`HiGHS answered a point that breaks the model: ${JSON.stringify(broken.slice(0, 3))}`);
  return {
    rota: { assignments: assignmentsOf(ctx.inst, placementOf(ctx, result.x)) },
    objective: ctx.milp.objectiveOf(result.x),
    ctx,
    x: result.x,
    proven: result.status === "optimal",
  };
}

/**
 * The rule set with one rule's rows and objective terms left out (its structural `allows` kept):
 * solving with it shows that the instance really tests that rule's rows.
 */
export function withoutRows(id: string, rules: readonly RuleModule[] = RULES): RuleModule[] {
  if (!rules.some((r) => r.id === id && r.addToModel)) throw new Error(`no rule ${id} with model rows`);
  return rules.map((rule) => {
    if (rule.id !== id) return rule;
    const { addToModel: _dropped, ...rest } = rule;
    return rest;
  });
}
