import type { Instance } from "../compile/instance";
import { edgeSlots } from "./keyholder";
import { rotationPointsOf } from "./rotation";
import { type SearchView, searchWeights } from "./search-view";
import { menteesOf } from "./shadowing";
import { shortSlotsOf } from "./steady-desks";
import { unsocialTables } from "./unsocial-fairness";

/** The parts of the search's view that depend on the instance alone. */
export type ViewTables = Pick<
  SearchView,
  | "demandMin"
  | "demandTarget"
  | "demandMax"
  | "edge"
  | "unsocial"
  | "share"
  | "rotationPoints"
  | "mentees"
  | "w"
  | "shortSlots"
>;

/**
 * The view's fixed tables, each as the rule that reads it defines it (the edges as the keyholder
 * rule finds them, the unsocial slots and shares as unsocial-fairness does, …): the search state
 * takes them from here rather than working them out again.
 */
export function viewTables(inst: Instance): ViewTables {
  const G = inst.slots.length;
  const K = inst.points.length;
  const demandMin = new Int16Array(K * G);
  const demandTarget = new Int16Array(K * G);
  const demandMax = new Int16Array(K * G).fill(-1);
  for (const point of inst.points) {
    for (const g of inst.sites[point.site]?.slots ?? []) {
      const d = point.demand[g];
      if (!d) continue;
      demandMin[point.index * G + g] = d.min;
      demandTarget[point.index * G + g] = d.target;
      demandMax[point.index * G + g] = d.max;
    }
  }
  const edge = new Uint8Array(G);
  for (const g of edgeSlots(inst)) edge[g] = 1;
  const { unsocial, share } = unsocialTables(inst);
  return {
    demandMin,
    demandTarget,
    demandMax,
    edge,
    unsocial,
    share,
    rotationPoints: inst.people.map((person) => rotationPointsOf(inst, person)),
    mentees: menteesOf(inst),
    w: searchWeights(inst),
    shortSlots: shortSlotsOf(inst),
  };
}
