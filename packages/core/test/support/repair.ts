import { compile, placementsOf } from "../../src/compile/instance";
import { applyChange, type Change } from "../../src/model/change";
import type { Problem } from "../../src/model/problem";
import type { Assignment } from "../../src/model/rota";
import { loadPlacements } from "../../src/solve/load";
import { SearchState } from "../../src/solve/search/state";

/**
 * The search state a repair works on: the problem after the change (if any), compiled against the published
 * assignments as of `now` (what may change, what counts as a change), holding `assignments`.
 */
export function repairState(
  problem: Problem,
  published: Assignment[],
  assignments: Assignment[],
  now: number,
  change?: Change,
): SearchState {
  const after = change ? applyChange(problem, change) : { ok: true as const, value: problem };
  if (!after.ok) throw new Error("the change is valid");
  const inst = compile(after.value, { reference: { assignments: published, now } });
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, assignments));
  return state;
}
