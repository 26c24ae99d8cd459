import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { deskSlots } from "./desk-slots";
import { fairShares, shareFloors } from "./fair-share";

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

/**
 * Monday 09:00–17:00, one desk of two places. Bea (a lead) leaves at 16:00, so ann, on a small contract,
 * is the only lead who can close: the shift that does it lasts the minimum two hours, whatever her share.
 */
const closing = tinyProblem({
  sites: [
    site("main", {
      open: { mon: [["09:00", "17:00"]] },
      servicePoints: [point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1, { max: 2 })])],
    }),
  ],
  people: [
    staff("ann", { hours: { target: 2, max: 20 } }),
    staff("bea", { hours: { target: 20, max: 20 }, availability: { mon: [["09:00", "16:00"]] } }),
    staff("bob", { hours: { target: 20, max: 20 }, qualifications: [] }),
  ],
});

describe("fair shares of a sole lead", () => {
  const input = (extra: Partial<Parameters<typeof fairShares>[0]> = {}) => ({
    problem: closing,
    slots: deskSlots(closing),
    worked: new Map([["main", 12]]),
    contracts: new Map(closing.people.map((p) => [p.id, p.hours.target])),
    ...extra,
  });

  it("keep the minimum shift through the slots only they can lead, the rest split by contract", () => {
    // 8 h of the 12 are the lead's place, the other 4 the second place, bob's. Ann's closing hour needs
    // her on a 2-hour shift: her second hour is one of bea's (a lead place), bea's ratio being the higher.
    expect(Object.fromEntries(fairShares(input()))).toEqual({ ann: 2, bea: 6, bob: 4 });
    expect(shareFloors(input())).toEqual([
      { person: "ann", site: "main", date: "2026-11-23", soleHours: 1, needs: ["lead", "keyholder"], hours: 2 },
    ]);
  });

  it("slot by slot (issue 14's share) give the sole lead only the hour that needs her", () => {
    expect(Object.fromEntries(fairShares(input({ floors: false })))).toEqual({ ann: 1, bea: 7, bob: 4 });
  });

  it("keep no more than the hours around that slot that they could work", () => {
    const late = { ...closing, people: closing.people.map((p) => (p.id === "ann" ? onlyFrom16(p) : p)) };
    const shares = fairShares({ ...input(), problem: late, slots: deskSlots(late) });
    expect(Object.fromEntries(shares)).toEqual({ ann: 1, bea: 7, bob: 4 });
    expect(shareFloors({ ...input(), problem: late, slots: deskSlots(late) })).toEqual([]);
  });
});

const onlyFrom16 = (p: (typeof closing.people)[number]) => ({
  ...p,
  availability: { mon: [["16:00", "17:00"]] as [string, string][] },
});
