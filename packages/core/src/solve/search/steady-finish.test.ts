import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../../test/support/tiny";
import { check } from "../../check";
import { compile } from "../../compile/instance";
import { unchecked } from "../output";
import { SearchState } from "./state";
import { shortStintIn } from "./steady";
import { finishSteady } from "./steady-finish";
import { windowRelabels } from "./steady-window";

// Monday 09:00–13:00: a desk that needs one person and takes no more, roving wanted but not needed.
const both = { training: { helpdesk: "independent", roving: "independent" } };
const problem = tinyProblem({
  sites: [
    site("main", {
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)]),
        point("roving", "roving", [band(["mon"], "09:00", "13:00", 0, { target: 1, max: 1 })]),
      ],
    }),
  ],
  people: [staff("ann", both), staff("bob", both), staff("cat", both)],
});

/** Each person's Monday as points per half hour from 09:00 (undefined: off). */
function stateOf(days: (("desk" | "roving")[] | undefined)[]): SearchState {
  const state = new SearchState(compile(problem));
  const [desk, roving] = state.inst.sites[0]?.points ?? [];
  const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
  days.forEach((day, p) => {
    if (day)
      state.setDay(
        p,
        0,
        day.map((k, i) => ({ slot: slots[i] as number, point: (k === "desk" ? desk : roving) as number })),
      );
  });
  return state;
}

const shortStints = (state: SearchState) =>
  [0, 1, 2].filter((p) => shortStintIn(state, p, state.shifts[p]?.[0] ?? []) !== undefined).length;

// Monday 09:00–17:00: reception needs exactly one person and allows two hours at a stretch; the
// help desk needs one, and wants a second 11:00–14:00. Each person's hours are the ones worked below.
const turns = (target: number) => ({
  training: { helpdesk: "independent", reception: "independent" },
  hours: { target, max: 20 },
});
const rotation = tinyProblem({
  sites: [
    site("main", {
      open: { mon: [["09:00", "17:00"]] },
      servicePoints: [
        point("desk", "helpdesk", [
          band(["mon"], "09:00", "11:00", 1, { max: 1 }),
          band(["mon"], "11:00", "14:00", 1, { target: 2, max: 2 }),
          band(["mon"], "14:00", "17:00", 1, { max: 1 }),
        ]),
        point("reception", "reception", [band(["mon"], "09:00", "17:00", 1, { max: 1 })], { maxStintMinutes: 120 }),
      ],
    }),
  ],
  people: [staff("ann", turns(6)), staff("bob", turns(6)), staff("cat", turns(5)), staff("dan", turns(2))],
});

/** Each person's Monday as one letter per half hour from 09:00: D help desk, R reception, . off. */
function rotationState(days: string[]): SearchState {
  const state = new SearchState(compile(rotation));
  const points = state.inst.sites[0]?.points ?? [];
  const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
  days.forEach((day, p) => {
    const plan = [...day].flatMap((k, i) =>
      k === "." ? [] : [{ slot: slots[i] as number, point: points["DR".indexOf(k)] as number }],
    );
    state.setDay(p, 0, plan);
  });
  return state;
}

describe("the steady finish", () => {
  it("hands a half hour's roving that closes no gap back to the colleague it interrupts", () => {
    // Ann roves 11:00–11:30 while Bob, who roves before and after, takes the desk she leaves.
    const state = stateOf([
      ["desk", "desk", "desk", "desk", "roving", "desk", "desk", "desk"],
      ["roving", "roving", "roving", "roving", "desk", "roving", "roving", "roving"],
    ]);
    const before = state.objective;
    expect(shortStints(state)).toBe(2);
    expect(finishSteady(state, new Map())).toBe(1);
    expect(shortStints(state)).toBe(0);
    expect(state.objective).toBeLessThan(before);
    expect(state.objective).toBeCloseTo(state.fullObjective(), 6);
    const rota = unchecked(state);
    expect(check(problem, rota).valid).toBe(true);
    expect(rota.uncovered.filter((u) => u.rule === "cover")).toEqual([]);
  });

  it("keeps a half hour that closes a gap: nobody else is at the desk then", () => {
    // Ann keeps the desk until 12:30; Cat's half hour after it is the desk's only cover.
    const state = stateOf([["desk", "desk", "desk", "desk", "desk", "desk", "desk"], undefined, ["desk"]]);
    const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
    state.setDay(2, 0, [{ slot: slots[7] as number, point: state.inst.sites[0]?.points[0] as number }]);
    const before = state.objective;
    expect(finishSteady(state, new Map())).toBe(0);
    expect(state.objective).toBe(before);
  });

  it("re-labels a window of hand-overs in turn among three people at reception", () => {
    // Reception passes Cat → Ann → Bob → Ann → Dan, with half hours at 13:00 (Bob at reception, Ann
    // at the desk). The window around Ann's half hour moves the turns of Ann, Bob and Cat together.
    const state = rotationState(["DDDDRRRRDRRR....", "....DDDDRDDDDDDD", "RRRRDDDDDD......", "............RRRR"]);
    const before = state.objective;
    const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
    const [relabel] = windowRelabels(state, 0, [slots[8] as number], { steps: 100_000 });
    expect(relabel?.length).toBeGreaterThanOrEqual(2);
    for (const { p, day } of relabel ?? []) state.setDay(p, day, []);
    for (const { p, day, plan } of relabel ?? []) state.setDay(p, day, plan);
    const short = [0, 1, 2, 3].filter((p) => shortStintIn(state, p, state.shifts[p]?.[0] ?? []) !== undefined);
    expect(short).toEqual([]);
    expect(state.objective).toBeLessThan(before);
    const rota = unchecked(state);
    expect(check(rotation, rota).valid).toBe(true);
    expect(rota.uncovered.filter((u) => u.rule === "cover")).toEqual([]);
  });
});
