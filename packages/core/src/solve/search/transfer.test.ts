import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile } from "../../compile/instance";
import { random } from "./random";
import { SearchState } from "./state";
import { transferNeighbourhood, transferOf } from "./transfer";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

// Monday 09:00–13:00, two desks at main (one person each). Bob (target 2) and Cat (target 4) hold
// them all morning; Ann, trained for both, has no hours. Dan works at the annex only.
const problem = tinyProblem({
  sites: [
    site("main", {
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
        point("info", "reception", [band(["mon"], "09:00", "13:00", 1)]),
      ],
    }),
    site("annex"),
  ],
  people: [
    staff("ann", { training: { helpdesk: "independent", reception: "independent" } }),
    staff("bob", { hours: { target: 2, max: 20 }, training: { helpdesk: "independent" } }),
    staff("cat", { training: { reception: "independent" } }),
    staff("dan", { sites: ["annex"] }),
  ],
});

const start = () => {
  const state = new SearchState(compile(problem));
  const morning = (s: number, k: number) => {
    const at = state.inst.sites[s]?.points[k] as number;
    return (state.inst.sites[s]?.slotsByDay[0] ?? []).map((slot) => ({ slot, point: at }));
  };
  state.setDay(1, 0, morning(0, 0));
  state.setDay(2, 0, morning(0, 1));
  state.setDay(3, 0, morning(1, 0));
  return state;
};

describe("hand-over moves (a place from whoever loses least to someone below target)", () => {
  it("hands Ann a place Bob holds above his target, never Cat's at hers", () => {
    const state = start();
    const desk = state.inst.sites[0]?.points[0];
    const transfers = SEEDS.map((seed) => transferOf(state, random(seed)));
    // Ann is the only one below target; a seed whose draws all miss her finds no transfer.
    expect(transfers.filter((t) => t !== undefined).length).toBeGreaterThan(0);
    for (const t of transfers) {
      if (!t) continue;
      expect([t.receiver, t.giver, t.point]).toEqual([0, 1, desk]);
      expect(state.at[1]?.[t.slot]).toBe(desk);
    }
  });

  it("re-plans the receiver first, made to take the place, then the giver and colleagues of that site", () => {
    const state = start();
    for (const seed of SEEDS) {
      const move = transferNeighbourhood(state, random(seed), 2);
      if (!move) continue;
      expect(move.picked.slice(0, 2)).toEqual([
        [0, 0],
        [1, 0],
      ]);
      // Dan works only at the annex: he has nothing to do with a place at main.
      expect(move.picked.map(([p]) => p).sort()).toEqual([0, 1, 2]);
      expect(move.fillers).toBe(1);
      expect(state.at[1]?.[move.seed.slot]).toBe(move.seed.point);
    }
  });

  it("finds nothing when nobody is below target", () => {
    const full = new SearchState(compile(tinyProblem({ people: [staff("ann", { hours: { target: 0, max: 20 } })] })));
    for (const seed of SEEDS) expect(transferOf(full, random(seed))).toBeUndefined();
  });
});
