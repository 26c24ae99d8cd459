import type { Highs } from "highs";
import type { Milp } from "../../compile/milp";
import type { BackendOptions, BackendResult, BackendStatus, MilpBackend } from "./backend";

/**
 * HiGHS (WebAssembly). The caller loads the runtime (that reads the .wasm file, which the pure
 * core must not do) and hands it in. Models go in as CSR arrays; time limits, warm starts,
 * incumbent streaming and cooperative interruption use HiGHS's own options and callbacks.
 */
/** A compiled MILP as a HiGHS model: CSR rows, infinite bounds as HiGHS's own; `integral` false drops
 * the integrality (the LP relaxation). */
export function highsModel(highs: Highs, milp: Milp, integral: boolean): ReturnType<Highs["createModel"]> {
  const { variableType } = highs.constants;
  const inf = highs.infinity;
  const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  return highs.createModel({
    numCols: milp.numCols,
    numRows: milp.numRows,
    offset: milp.offset,
    colCost: Float64Array.from(milp.cost),
    colLower: Float64Array.from(milp.lower, clamp),
    colUpper: Float64Array.from(milp.upper, clamp),
    rowLower: Float64Array.from(milp.rowLower, clamp),
    rowUpper: Float64Array.from(milp.rowUpper, clamp),
    matrix: {
      format: "csr",
      numRows: milp.numRows,
      numCols: milp.numCols,
      starts: Int32Array.from(milp.rowStart),
      indices: Int32Array.from(milp.rowIndex),
      values: Float64Array.from(milp.rowValue),
    },
    ...(integral
      ? { integrality: Int32Array.from(milp.integer, (b) => (b ? variableType.integer : variableType.continuous)) }
      : {}),
  });
}

export function highsBackend(highs: Highs): MilpBackend {
  const { modelStatus, callbackType } = highs.constants;
  return {
    name: "highs",
    maxDenseCells: Infinity,
    solve(milp: Milp, options: BackendOptions): BackendResult {
      // Nothing to decide (nobody can work anything): the objective is its constant part.
      if (milp.numCols === 0)
        return { status: "optimal", x: new Float64Array(0), objective: milp.offset, bound: milp.offset };
      // Without integers it is an LP, whose optimum is its own bound (HiGHS reports no MIP bound then).
      const relaxation = options.relaxation === true || !milp.integer.some(Boolean);
      const model = highsModel(highs, milp, !relaxation);
      try {
        model.options.set({
          output_flag: false,
          presolve: "on",
          mip_rel_gap: options.relativeGap ?? 1e-4,
          // Interior point is 3-10x faster than simplex on these LPs (docs/decisions.md).
          ...(relaxation ? { solver: "ipm" } : {}),
          random_seed: options.seed ?? 0,
          ...(options.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.05, options.timeLimitSeconds) } : {}),
          ...(options.nodeLimit !== undefined ? { mip_max_nodes: options.nodeLimit } : {}),
          ...(options.cutPool !== undefined ? { mip_pool_soft_limit: options.cutPool } : {}),
          ...(options.restart === false ? { mip_allow_restart: false } : {}),
        });
        if (options.start && !relaxation) {
          // A partial MIP start: HiGHS completes the unspecified columns (auxiliary binaries, slacks).
          const indices: number[] = [];
          const values: number[] = [];
          for (let j = 0; j < milp.numCols; j++) {
            const value = options.start[j] ?? NaN;
            if (milp.integer[j] && Number.isFinite(value)) {
              indices.push(j);
              values.push(value);
            }
          }
          model.setSolution({ indices: Int32Array.from(indices), values: Float64Array.from(values) });
        }
        model.run({
          [callbackType.mipImprovingSolution](event) {
            const x = event.data.mip_solution;
            if (x && options.onImproved)
              options.onImproved(x, event.data.objective_function_value ?? milp.objectiveOf(x));
            return undefined;
          },
          [callbackType.mipInterrupt](event) {
            if (options.shouldStop?.()) event.interrupt();
            return undefined;
          },
        });
        const status = model.getModelStatus();
        const hasPoint = Number(model.info.get("primal_solution_status")) === 2;
        const x = hasPoint ? Float64Array.from(model.getSolution().colValue) : undefined;
        const objective = hasPoint ? model.getObjectiveValue() : undefined;
        const dual = relaxation ? objective : Number(model.info.get("mip_dual_bound"));
        const result: BackendResult = { status: statusOf(status, hasPoint) };
        if (x) result.x = x;
        if (objective !== undefined) result.objective = objective;
        if (dual !== undefined && Number.isFinite(dual) && (relaxation ? status === modelStatus.optimal : true))
          result.bound = dual;
        return result;
      } catch (error) {
        return { status: "error", message: error instanceof Error ? error.message : String(error) };
      } finally {
        model.dispose();
      }

      function statusOf(status: number, hasPoint: boolean): BackendStatus {
        if (status === modelStatus.optimal) return "optimal";
        if (status === modelStatus.infeasible) return "infeasible";
        if (hasPoint) return "feasible";
        const limits: number[] = [
          modelStatus.timeLimit,
          modelStatus.interrupted,
          modelStatus.iterationLimit,
          modelStatus.solutionLimit,
        ];
        return limits.includes(status) ? "limit" : "error";
      }
    },
  };
}
