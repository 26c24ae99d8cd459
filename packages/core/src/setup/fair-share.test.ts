import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { deskSlots } from "./desk-slots";
import { fairShares } from "./fair-share";

/** Monday 09:00–17:00, one desk of two places; ann the only lead, cy available two hours. */
const problem = tinyProblem({
  sites: [
    site("main", {
      open: { mon: [["09:00", "17:00"]] },
      servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1, { target: 2 })])],
    }),
  ],
  people: [
    staff("ann", { hours: { target: 10, max: 20 } }),
    staff("bob", { hours: { target: 10, max: 20 }, qualifications: [] }),
    staff("cy", { hours: { target: 20, max: 20 }, qualifications: [], availability: { mon: [["09:00", "11:00"]] } }),
  ],
});
const contracts = new Map(problem.people.map((p) => [p.id, p.hours.target]));
const shares = (worked: number, extra: Partial<Parameters<typeof fairShares>[0]> = {}) =>
  Object.fromEntries(
    fairShares({ problem, slots: deskSlots(problem), worked: new Map([["main", worked]]), contracts, ...extra }),
  );

describe("fair shares", () => {
  it("give the lead what supervision needs, then split the rest by contract, capped by availability", () => {
    // 8 h with a lead on site are ann's; of the 4 h left cy can take 2, so bob and cy 2 each.
    expect(shares(12)).toEqual({ ann: 8, bob: 2, cy: 2 });
  });

  it("are in proportion to contracts where nothing forces them", () => {
    const free = { ...problem, weights: { supervision: 0, keyholder: 0 } };
    const slots = deskSlots(free);
    const result = fairShares({ problem: free, slots, worked: new Map([["main", 8]]), contracts });
    expect(Object.fromEntries(result)).toEqual({ ann: 3, bob: 3, cy: 2 });
    // bob's 3 h of shadowing count in his ratio: 4.5 = 0.45 × 10 for ann, 1.5 + 3 for bob.
    const ownHours = new Map([["bob", 3]]);
    const shadowed = fairShares({ problem: free, slots, worked: new Map([["main", 8]]), contracts, ownHours });
    expect(Object.fromEntries(shadowed)).toEqual({ ann: 4.5, bob: 1.5, cy: 2 });
  });

  it("give no one hours at a site on a day the rota had them shadowing at another (one site a day)", () => {
    // Bob shadowed at another site on Monday: of the 4 h beside ann only cy's 2 h could be anyone's.
    expect(shares(12, { shadowedAt: new Map([["bob 0", "annex"]]) })).toEqual({ ann: 8, bob: 0, cy: 2 });
    expect(shares(12, { shadowedAt: new Map([["bob 0", "main"]]) })).toEqual({ ann: 8, bob: 2, cy: 2 });
  });

  it("ask no one else for a lead where the rota had one shadowing, and take own hours off max", () => {
    const slots = deskSlots(problem);
    const ledBy = new Set(slots.map((s) => `${s.site} ${s.slot.start}`));
    expect(shares(12, { ledBy })).toEqual({ ann: 5, bob: 5, cy: 2 });
    // ann has 2 h left under her max; the opening still needs her as keyholder, so at 09:00 only one of
    // bob and cy can be there: 11.5 h is the most any rota could have, cy's 2 h at the lower ratio.
    expect(shares(12, { ledBy, ownHours: new Map([["ann", 18]]) })).toEqual({ ann: 2, bob: 7.5, cy: 2 });
  });
});
