import { check, scoreRota } from "../check";
import { buildView } from "../check/view";
import type { PersonSummary, Rota, SolverReport } from "../model/rota";
import { isEvening } from "../rules/unsocial-fairness";
import { assignmentsOf, type Placement } from "./decode";
import { DeskrotaInternalError } from "./errors";
import { uncoveredOf } from "./explain";
import type { Instance, SlotInfo } from "../compile/instance";
import type { SearchState } from "./search/state";

export function placementOfState(state: SearchState): Placement {
  const placement: Placement = new Map();
  state.at.forEach((at, p) => {
    for (let g = 0; g < at.length; g++) {
      const k = at[g] as number;
      if (k < 0) continue;
      let mine = placement.get(p);
      if (!mine) {
        mine = new Map();
        placement.set(p, mine);
      }
      mine.set(g, { point: k, shadowing: state.isShadow(p, k) });
    }
  });
  return placement;
}

/**
 * The rota of a search state in the wire format. Its score comes from the independent checker,
 * and the rota is checked before it leaves: a rota that breaks a hard rule is a bug, never an answer.
 */
export function rotaOf(state: SearchState, solver: SolverReport): Rota {
  const inst = state.inst;
  const rota = unchecked(state);
  // One view of the rota for the check and the score: building it parses every stint's times.
  const context = inst.reference
    ? { reference: { assignments: [...inst.reference.assignments], now: inst.reference.now } }
    : {};
  const view = buildView(inst.problem, rota, context);
  const report = check(inst.problem, rota, view);
  if (!report.valid) {
    throw new DeskrotaInternalError(
      "DESKROTA_E_INVALID_ROTA",
      `the engine built a rota its checker rejects: ${report.violations
        .slice(0, 3)
        .map((v) => `${v.rule}: ${v.message}`)
        .join("; ")}`,
    );
  }
  const score = scoreRota(inst.problem, rota, context, view);
  return { ...rota, score: { hard: 0, ...score }, people: peopleSummary(state), solver };
}

/** A search state's stints and gaps in the wire format, before any check (`rotaOf` checks it). */
export function unchecked(state: SearchState): Pick<Rota, "weekStart" | "assignments" | "uncovered"> {
  return {
    weekStart: state.inst.problem.weekStart,
    assignments: assignmentsOf(state.inst, placementOfState(state)),
    uncovered: uncoveredOf(state),
  };
}

function peopleSummary(state: SearchState): PersonSummary[] {
  const inst: Instance = state.inst;
  return inst.people.map((person) => {
    const at = state.at[person.index] as Int16Array;
    let minutes = 0;
    let eveningMinutes = 0;
    let weekendMinutes = 0;
    let shadowingMinutes = 0;
    for (let g = 0; g < at.length; g++) {
      const k = at[g] as number;
      if (k < 0) continue;
      const slot = inst.slots[g] as SlotInfo;
      minutes += inst.slotMinutes;
      if (isEvening(inst.problem, slot.minute)) eveningMinutes += inst.slotMinutes;
      if (slot.weekend) weekendMinutes += inst.slotMinutes;
      if (state.isShadow(person.index, k)) shadowingMinutes += inst.slotMinutes;
    }
    const shifts = (state.shifts[person.index] ?? []).reduce((n, runs) => n + runs.length, 0);
    return {
      person: person.id,
      minutes,
      targetMinutes: person.targetSlots * inst.slotMinutes,
      eveningMinutes,
      weekendMinutes,
      shadowingMinutes,
      shifts,
    };
  });
}
