import { describe, expect, it } from "vitest";
import { staff, tinyProblem } from "../test/support/tiny";
import { difference } from "./difference";

const problem = tinyProblem({ people: [staff("ann"), staff("bob")] });

describe("difference", () => {
  it("is the share of worked person-slots placed differently, in either rota", () => {
    const ann = { assignments: [{ person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" }] };
    const split = {
      assignments: [
        { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" },
        { person: "bob", point: "desk", start: "2026-11-23T11:00", end: "2026-11-23T13:00" },
      ],
    };
    expect(difference(problem, ann, ann)).toBe(0);
    // Ann's last 4 slots and Bob's 4: 8 of 12 person-slots.
    expect(difference(problem, ann, split)).toBe(66.7);
    expect(difference(problem, { assignments: [] }, { assignments: [] })).toBe(0);
  });
});
