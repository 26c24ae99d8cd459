import solver from "javascript-lp-solver";
import type { Milp } from "../../compile/milp";
import { verifySolution } from "../../compile/milp";
import type { BackendOptions, BackendResult, MilpBackend } from "./backend";

/**
 * javascript-lp-solver, the engine the product brief names. It keeps a dense tableau (about
 * 8 bytes per cell), so it is only trusted with small models; its timeout is checked only between
 * branch-and-bound nodes, so callers run it where it can be terminated; and on timeout it may
 * answer a fractional point as "feasible", so every answer is verified before use.
 */
export const jslpBackend: MilpBackend = {
  name: "jslp",
  maxDenseCells: 4_000_000,
  solve(milp: Milp, options: BackendOptions): BackendResult {
    const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    const ints: Record<string, 1> = {};
    const name = (j: number) => `x${j}`;
    for (let j = 0; j < milp.numCols; j++) {
      const column: Record<string, number> = { cost: milp.cost[j] ?? 0 };
      const lower = milp.lower[j] ?? 0;
      const upper = milp.upper[j] ?? Infinity;
      if (lower < 0) return { status: "error", message: "javascript-lp-solver needs non-negative variables" };
      if (lower > 0 || Number.isFinite(upper)) {
        constraints[`b${j}`] = {
          ...(lower > 0 ? { min: lower } : {}),
          ...(Number.isFinite(upper) ? { max: upper } : {}),
        };
        column[`b${j}`] = 1;
      }
      variables[name(j)] = column;
      if (milp.integer[j] && !options.relaxation) ints[name(j)] = 1;
    }
    for (let i = 0; i < milp.numRows; i++) {
      const lower = milp.rowLower[i] ?? -Infinity;
      const upper = milp.rowUpper[i] ?? Infinity;
      constraints[`r${i}`] =
        lower === upper
          ? { equal: lower }
          : { ...(Number.isFinite(lower) ? { min: lower } : {}), ...(Number.isFinite(upper) ? { max: upper } : {}) };
      for (let k = milp.rowStart[i] ?? 0; k < (milp.rowStart[i + 1] ?? 0); k++) {
        const column = variables[name(milp.rowIndex[k] ?? 0)] as Record<string, number>;
        column[`r${i}`] = milp.rowValue[k] ?? 0;
      }
    }
    const model = {
      optimize: "cost",
      opType: "min" as const,
      constraints,
      variables,
      ints,
      options: {
        tolerance: options.relativeGap ?? 1e-4,
        ...(options.timeLimitSeconds !== undefined
          ? { timeout: Math.max(1, Math.round(options.timeLimitSeconds * 1000)) }
          : {}),
      },
    };
    let answer: Record<string, unknown>;
    try {
      answer = solver.Solve(model) as Record<string, unknown>;
    } catch (error) {
      return { status: "error", message: error instanceof Error ? error.message : String(error) };
    }
    if (!answer.feasible) return { status: answer.bounded === false ? "error" : "infeasible" };
    const x = new Float64Array(milp.numCols);
    for (let j = 0; j < milp.numCols; j++) x[j] = Number(answer[name(j)] ?? 0);
    const objective = milp.objectiveOf(x);
    // A timed-out answer can be a relaxation dressed as a solution: only a verified point counts.
    const broken = verifySolution(milp, x, 1e-6);
    if (broken.length > 0 && !options.relaxation)
      return { status: "limit", message: `rejected an unverified answer (${broken[0]?.kind} ${broken[0]?.label})` };
    return {
      status: answer.isIntegral === false && !options.relaxation ? "feasible" : "optimal",
      x,
      objective,
      ...(options.relaxation ? { bound: objective } : {}),
    };
  },
};
