import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../../test/support/tiny";
import { compile, type SlotInfo } from "../instance";
import { hardGapsOf } from "./search";
import { SearchState } from "./state";

// Monday 09:00–13:00 at one desk that needs one person. Ann (lead, keyholder) can work 09:00–11:00
// only; Bob (no lead, no keys) all morning.
const problem = tinyProblem({
  sites: [site("main", { open: { mon: [["09:00", "13:00"]] }, servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1)])] })],
  people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } }), staff("bob", { qualifications: [] })],
});

const times = (state: SearchState, slots: number[]) => slots.map((g) => new Date((state.inst.slots[g] as SlotInfo).start).toISOString().slice(11, 16));
const plan = (state: SearchState, from: number, to: number) => state.inst.slots.filter((s) => s.index >= from && s.index < to).map((s) => ({ slot: s.index, point: 0 }));

describe("hard gaps (the exact moves' seeds)", () => {
  it("lists unmet minimum cover and time without a lead or keyholder that someone could fill", () => {
    const state = new SearchState(compile(problem));
    expect(times(state, hardGapsOf(state))).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"]);
  });

  it("leaves out a lead gap nobody with lead can be there for, and gaps already filled", () => {
    const state = new SearchState(compile(problem));
    const bob = state.inst.people.findIndex((p) => p.id === "bob");
    const ann = state.inst.people.findIndex((p) => p.id === "ann");
    state.setDay(bob, 0, plan(state, 4, 8));
    // 09:00–11:00 still lacks a lead and a keyholder (Ann could be there); 11:00–13:00 has its desk
    // covered by Bob and nobody with lead is available then.
    expect(times(state, hardGapsOf(state))).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    state.setDay(ann, 0, plan(state, 0, 4));
    expect(hardGapsOf(state)).toEqual([]);
  });
});
