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
function stateOf(days: (("desk" | "roving")[] | undefined)[], week = problem): SearchState {
  const state = new SearchState(compile(week));
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
// A roving point beside them takes up to three rovers, who work nothing else.
const rover = { training: { roving: "independent" }, hours: { target: 8, max: 20 } };
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
        point("roving", "roving", [band(["mon"], "09:00", "17:00", 0, { max: 3 })]),
      ],
    }),
  ],
  people: [
    staff("ann", turns(6)),
    staff("bob", turns(6)),
    staff("cat", turns(5)),
    staff("dan", turns(2)),
    staff("eve", rover),
    staff("fay", rover),
    staff("gus", rover),
  ],
});

/** Each person's Monday as one letter per half hour from 09:00: D help desk, R reception, V roving, . off. */
function rotationState(days: string[]): SearchState {
  const state = new SearchState(compile(rotation));
  const points = state.inst.sites[0]?.points ?? [];
  const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
  days.forEach((day, p) => {
    const plan = [...day].flatMap((k, i) =>
      k === "." ? [] : [{ slot: slots[i] as number, point: points["DRV".indexOf(k)] as number }],
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

  it("hands the half hour back when a shadower goes along with it: her company moves with the change", () => {
    // As above, with Tia shadowing the roving all morning: in Ann's half hour Ann is Tia's only
    // colleague there, which alone would hold Ann at the roving. Bob taking it back keeps Tia company.
    const shadowed = tinyProblem({
      ...problem,
      people: [
        staff("ann", both),
        staff("bob", both),
        staff("tia", { training: { helpdesk: "independent", roving: "shadowing" } }),
      ],
    });
    const state = stateOf(
      [
        ["desk", "desk", "desk", "desk", "roving", "desk", "desk", "desk"],
        ["roving", "roving", "roving", "roving", "desk", "roving", "roving", "roving"],
        ["roving", "roving", "roving", "roving", "roving", "roving", "roving", "roving"],
      ],
      shadowed,
    );
    const before = state.objective;
    expect(finishSteady(state, new Map())).toBe(1);
    expect(shortStints(state)).toBe(0);
    expect(state.objective).toBeLessThan(before);
    const rota = unchecked(state);
    expect(check(shadowed, rota).valid).toBe(true);
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

  it("re-labels that window with more people at the site than it takes: those at the stint's points", () => {
    // Three rovers work beside the four all day: six people are counted near Ann's half hour, more
    // than the window relabels at once, and the rovers, who share none of Ann's points, stay out.
    const rovers = "VVVVVVVVVVVVVVVV";
    const state = rotationState([
      "DDDDRRRRDRRR....",
      "....DDDDRDDDDDDD",
      "RRRRDDDDDD......",
      "............RRRR",
      rovers,
      rovers,
      rovers,
    ]);
    const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
    const [relabel] = windowRelabels(state, 0, [slots[8] as number], { steps: 100_000 });
    expect(relabel?.length).toBeGreaterThanOrEqual(2);
    expect(relabel?.every(({ p }) => p < 4)).toBe(true);
    for (const { p, day } of relabel ?? []) state.setDay(p, day, []);
    for (const { p, day, plan } of relabel ?? []) state.setDay(p, day, plan);
    const short = [0, 1, 2, 3].filter((p) => shortStintIn(state, p, state.shifts[p]?.[0] ?? []) !== undefined);
    expect(short).toEqual([]);
    expect(check(rotation, unchecked(state)).valid).toBe(true);
  });

  it("gives up a window once the finish's budget of DP steps is spent", () => {
    const state = rotationState(["DDDDRRRRDRRR....", "....DDDDRDDDDDDD", "RRRRDDDDDD......", "............RRRR"]);
    const slots = state.inst.sites[0]?.slotsByDay[0] ?? [];
    const budget = { steps: 100_000 };
    expect(windowRelabels(state, 0, [slots[8] as number], budget)).toHaveLength(1);
    expect(budget.steps).toBeLessThan(100_000);
    expect(windowRelabels(state, 0, [slots[8] as number], { steps: 0 })).toEqual([]);
  });
});
