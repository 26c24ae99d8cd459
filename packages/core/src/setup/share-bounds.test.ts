import { fc, it as prop } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { deskSlots } from "./desk-slots";
import { shareBounds, waterFill } from "./share-bounds";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];
const nineToFive = Object.fromEntries(WEEKDAYS.map((d) => [d, [["09:00", "17:00"]]]));

/**
 * A branch open Monday to Friday 09:00–17:00 that wants a lead throughout. Ann can lead any day but at
 * most 30 h; Pat can lead only on Thursday; Bob and Cy are not leads.
 */
const branch = tinyProblem({
  sites: [
    site("main", {
      open: nineToFive,
      servicePoints: [point("desk", "helpdesk", [band(WEEKDAYS, "09:00", "17:00", 1, { max: 2 })])],
    }),
  ],
  people: [
    staff("ann", { hours: { target: 20, max: 30, maxPerDay: 8 } }),
    staff("pat", { hours: { target: 20, max: 30, maxPerDay: 8 }, availability: { thu: [["09:00", "17:00"]] } }),
    staff("bob", { hours: { target: 20, max: 25, maxPerDay: 8 }, qualifications: [] }),
    // Two hours on Monday morning and two in the afternoon, one shift a day: one of them.
    staff("cy", {
      hours: { target: 10, max: 10 },
      qualifications: [],
      availability: {
        mon: [
          ["09:00", "11:00"],
          ["13:00", "15:00"],
        ],
        fri: [["16:30", "17:00"]],
      },
      shifts: { maxPerDay: 1 },
    }),
  ],
});
const bounds = () => Object.fromEntries(shareBounds(branch, deskSlots(branch)));

describe("share bounds from the problem alone", () => {
  it("force on the lead available only on Thursday the lead hours the other lead cannot give", () => {
    // 40 lead hours; Ann gives at most 30, so Pat's Thursday is forced, though no slot is hers alone.
    expect(bounds().pat).toEqual({ forced: 8, attainable: 8 });
    // Pat can give only Thursday: the other four days (32 h) are Ann's, more than her max allows.
    expect(bounds().ann).toEqual({ forced: 30, attainable: 30 });
    expect(bounds().bob).toEqual({ forced: 0, attainable: 25 });
  });

  it("force the minimum shift through slots only one person can lead", () => {
    const alone = { ...branch, people: branch.people.filter((p) => p.id !== "pat") };
    const late = {
      ...alone,
      people: alone.people.map((p) =>
        p.id === "ann" ? { ...p, availability: { mon: [["16:00", "24:00"]] as [string, string][] } } : p,
      ),
    };
    // Ann alone can lead Monday 16:00–17:00: a 2-hour minimum shift, but she can work only that hour.
    expect(Object.fromEntries(shareBounds(late, deskSlots(late))).ann).toEqual({ forced: 0, attainable: 0 });
    const morning = {
      ...alone,
      people: alone.people.map((p) =>
        p.id === "ann" ? { ...p, availability: { mon: [["09:00", "12:00"]] as [string, string][] } } : p,
      ),
    };
    // The closing hour is no one's; Ann alone can lead 09:00–12:00 and must, three hours.
    expect(Object.fromEntries(shareBounds(morning, deskSlots(morning))).ann).toEqual({ forced: 3, attainable: 3 });
  });

  it("let no one have a window shorter than their minimum shift, nor more shifts a day than they may work", () => {
    // Cy: one of Monday's two 2-hour windows; Friday's half hour is shorter than the 2-hour minimum.
    expect(bounds().cy).toEqual({ forced: 0, attainable: 2 });
  });
});

describe("water-filling", () => {
  it("shares in proportion, clamped, and gives what the clamps free to the others", () => {
    const claims = [
      { id: "a", weight: 1, low: 0, high: 100 },
      { id: "b", weight: 1, low: 0, high: 2 },
      { id: "c", weight: 2, low: 5, high: 100 },
    ];
    // One ratio λ = 8/3: a gets λ, b its 2, c 2λ (above its 5).
    const shares = Object.fromEntries(waterFill(10, claims));
    expect(shares.a).toBeCloseTo(8 / 3, 5);
    expect(shares.b).toBe(2);
    expect(shares.c).toBeCloseTo(16 / 3, 5);
    expect(Object.fromEntries(waterFill(2.5, claims))).toEqual({ a: 0, b: 0, c: 2.5 });
    expect(Object.fromEntries(waterFill(500, claims))).toEqual({ a: 100, b: 2, c: 100 });
  });

  const claim = fc.record({
    weight: fc.double({ min: 0.01, max: 40, noNaN: true }),
    low: fc.double({ min: 0, max: 10, noNaN: true }),
    room: fc.double({ min: 0, max: 30, noNaN: true }),
  });
  prop.prop([fc.array(claim, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "gives the whole total, each within their clamps, and more weight never less",
    (raw, at) => {
      const claims = raw.map((c, i) => ({ id: String(i), weight: c.weight, low: c.low, high: c.low + c.room }));
      const lows = claims.reduce((sum, c) => sum + c.low, 0);
      const highs = claims.reduce((sum, c) => sum + c.high, 0);
      const total = lows + at * (highs - lows);
      const shares = waterFill(total, claims);
      const sum = [...shares.values()].reduce((s, x) => s + x, 0);
      expect(sum).toBeCloseTo(total, 3);
      for (const c of claims) {
        expect(shares.get(c.id) as number).toBeGreaterThanOrEqual(c.low - 1e-6);
        expect(shares.get(c.id) as number).toBeLessThanOrEqual(c.high + 1e-6);
      }
      const heavier = claims.map((c, i) => (i === 0 ? { ...c, weight: c.weight * 2 } : c));
      expect(waterFill(total, heavier).get("0") as number).toBeGreaterThanOrEqual((shares.get("0") as number) - 1e-6);
    },
  );
});
