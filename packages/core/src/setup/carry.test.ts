import { fc, it as prop } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Assignment } from "../model/rota";
import { parseProblem } from "../model/parse";
import { DeskrotaInputError } from "../solve/errors";
import { band, point, site, staff, tinyProblem } from "../../test/support/tiny";
import { Carry, EMPTY_CARRY, carryForward, confirmTraining, fairBalance, hoursBalance, unsocialBalance } from "./carry";
import { termWeeks } from "./term";
import { setupFromProblem } from "./week";
import { buildWeekProblem } from "./week";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];
/** One site open weekdays 09:00–21:00 with one desk; ann and bob on the same 10-hour contract. */
function standing(extra: Record<string, unknown>[] = []) {
  const problem = tinyProblem({
    sites: [
      site("main", {
        open: Object.fromEntries(WEEKDAYS.map((d) => [d, [["09:00", "21:00"]]])),
        servicePoints: [point("desk", "helpdesk", [band(WEEKDAYS, "09:00", "21:00", 1)])],
      }),
    ],
    people: [
      staff("ann", { hours: { target: 10, min: 2, max: 20 } }),
      staff("bob", { hours: { target: 10, min: 2, max: 20 } }),
      ...extra,
    ],
  });
  return setupFromProblem(problem).setup;
}

const stint = (person: string, date: string, from: string, to: string, shadowing = false): Assignment => ({
  person,
  point: "desk",
  start: `${date}T${from}`,
  end: `${date}T${to}`,
  ...(shadowing ? { shadowing: true } : {}),
});

describe("carry-over of hours", () => {
  it("moves the next week's targets toward the fair share: up for who worked less, down for who worked more", () => {
    const setup = standing();
    const week1 = buildWeekProblem({ setup, weekStart: "2026-11-23" });
    // 16 desk hours worked: a fair 8 each; ann got 12 (4 evening), bob 4.
    const rota = {
      assignments: [
        stint("ann", "2026-11-23", "09:00", "17:00"),
        stint("ann", "2026-11-24", "17:00", "21:00"),
        stint("bob", "2026-11-25", "09:00", "13:00"),
      ],
    };
    const carry = carryForward(EMPTY_CARRY, week1, rota, setup);
    expect(Carry.parse(carry)).toEqual(carry);
    expect(carry.weeks).toEqual(["2026-11-23"]);
    const ann = carry.people.ann;
    const bob = carry.people.bob;
    if (!ann || !bob) throw new Error("both people are carried");
    expect([ann.worked, ann.target, ann.fairShare]).toEqual([12, 10, 8]);
    expect([hoursBalance(ann), fairBalance(ann), fairBalance(bob)]).toEqual([2, 4, -4]);
    expect(unsocialBalance(ann)).toBeGreaterThan(0);
    expect(unsocialBalance(bob)).toBeLessThan(0);

    const week2 = buildWeekProblem({ setup, weekStart: "2026-11-30", carry });
    expect(parseProblem(week2).ok).toBe(true);
    const hours = Object.fromEntries(week2.people.map((p) => [p.id, p.hours.target]));
    // 16 of 20 contracted hours were needed (gain 1 ÷ 0.8): the balances of ±4 h, plus half of them as
    // a drift that may recur (one week seen), move targets by ±(4 + 2) × 1.25 = ±7.5 h.
    expect(hours).toEqual({ ann: 2.5, bob: 17.5 });
    expect([carry.people.ann?.shift, carry.people.bob?.shift]).toEqual([0, 0]);
    const annPrefs = week2.people[0]?.preferences ?? [];
    const bobPrefs = week2.people[1]?.preferences ?? [];
    expect(annPrefs.every((p) => p.weight < 0) && annPrefs.length > 0).toBe(true);
    expect(bobPrefs.every((p) => p.weight > 0) && bobPrefs.length > 0).toBe(true);
  });

  it("corrects a balance the targets' shifts already explain once, and a drift they do not as well", () => {
    const setup = standing();
    const person = (worked: number, fairShare: number, shift?: number) => ({
      worked,
      target: 20,
      fairShare,
      unsocial: 0,
      unsocialShare: 0,
      shadowingMinutes: {},
      proposed: [],
      ...(shift === undefined ? {} : { shift }),
    });
    const targets = (ann: ReturnType<typeof person>, bob: ReturnType<typeof person>) => {
      const carry: Carry = { version: 1, weeks: ["2026-11-16", "2026-11-23"], people: { ann, bob } };
      return buildWeekProblem({ setup, weekStart: "2026-11-30", carry }).people.map((p) => p.hours.target);
    };
    // 32 of 40 contracted hours worked: gain 1.25. ann's target was cut by 5 h, bob's raised by 5 h:
    // that explains their ∓4 h balances (5 ÷ 1.25), so there is no drift, only the balance to undo.
    expect(targets(person(12, 16, -5), person(20, 16, 5))).toEqual([15, 5]);
    // The same balances with targets left alone: a drift of ∓4 h over two weeks, shrunk to ∓4 ÷ 3.
    expect(targets(person(12, 16, 0), person(20, 16, 0))).toEqual([16.75, 3.25]);
  });

  // Any balances, any number of weeks, no target shifted yet: each target moves against its person's fair
  // balance (never past the contract the other way), stays in [min, max], and of two people on the same
  // contract the one further above their share gets the lower target.
  const carried = fc.record({
    worked: fc.integer({ min: 0, max: 160 }).map((q) => q / 4),
    fairShare: fc.integer({ min: 0, max: 160 }).map((q) => q / 4),
  });
  prop.prop([carried, carried, fc.integer({ min: 1, max: 6 })])(
    "moves each target against the person's fair balance, within their limits",
    (ann, bob, weeks) => {
      const setup = standing();
      const person = (c: { worked: number; fairShare: number }) => ({
        ...c,
        target: 10 * weeks,
        unsocial: 0,
        unsocialShare: 0,
        shadowingMinutes: {},
        proposed: [],
        shift: 0,
      });
      const mondays = termWeeks("2026-12-14", weeks + 1).slice(0, weeks);
      const carry = Carry.parse({ version: 1, weeks: mondays, people: { ann: person(ann), bob: person(bob) } });
      const next = termWeeks("2026-12-14", weeks + 1)[weeks] as string;
      const targets = buildWeekProblem({ setup, weekStart: next, carry }).people.map((p) => p.hours.target);
      const balances = [ann.worked - ann.fairShare, bob.worked - bob.fairShare];
      balances.forEach((balance, i) => {
        const target = targets[i] as number;
        expect(target).toBeGreaterThanOrEqual(2);
        expect(target).toBeLessThanOrEqual(20);
        if (balance > 0) expect(target).toBeLessThan(10);
        if (balance < 0) expect(target).toBeGreaterThan(10);
        if (balance === 0) expect(target).toBe(10);
      });
      if (balances[0] !== balances[1]) {
        const [higher, lower] = (balances[0] as number) > (balances[1] as number) ? [0, 1] : [1, 0];
        expect(targets[higher]).toBeLessThanOrEqual(targets[lower] as number);
      }
    },
  );

  it("keeps a shifted target inside the person's min and max and the hours they can work", () => {
    const setup = standing();
    const week1 = buildWeekProblem({ setup, weekStart: "2026-11-23" });
    const behind: Carry = {
      version: 1,
      weeks: ["2026-11-16"],
      people: {
        ann: {
          worked: 0,
          target: 10,
          fairShare: 30,
          unsocial: 0,
          unsocialShare: 0,
          shadowingMinutes: {},
          proposed: [],
        },
        bob: {
          worked: 40,
          target: 10,
          fairShare: 10,
          unsocial: 0,
          unsocialShare: 0,
          shadowingMinutes: {},
          proposed: [],
        },
      },
    };
    const shifted = buildWeekProblem({ setup, weekStart: "2026-11-30", carry: behind });
    expect(shifted.people.map((p) => p.hours.target)).toEqual([20, 2]);
    const away = buildWeekProblem({
      setup,
      weekStart: "2026-11-30",
      carry: behind,
      entries: [{ id: "x", kind: "absence", person: "ann", from: "2026-11-30T00:00", to: "2026-12-04T12:00" }],
    });
    // Friday 12:00–21:00 is all ann can work that week.
    expect(away.people[0]?.hours.target).toBe(9);
    expect(week1.people.map((p) => p.hours.target)).toEqual([10, 10]);
  });

  it("lets a trainee's target reach the hours they could shadow, which a target counts as any other", () => {
    const cy = staff("cy", {
      hours: { target: 10, max: 20 },
      training: { helpdesk: "shadowing" },
      mentor: "ann",
      availability: { mon: [["09:00", "13:00"]] },
    });
    const carry: Carry = {
      version: 1,
      weeks: ["2026-11-16"],
      people: {
        cy: { worked: 0, target: 10, fairShare: 4, unsocial: 0, unsocialShare: 0, shadowingMinutes: {}, proposed: [] },
      },
    };
    const week = buildWeekProblem({ setup: standing([cy]), weekStart: "2026-11-30", carry });
    // Monday morning, shadowing: no desk hour of their own, 4 hours on the rota.
    expect(week.people.find((p) => p.id === "cy")?.hours.target).toBe(4);
  });
});

describe("carry-over of training", () => {
  const trainee = staff("cy", { training: { helpdesk: "shadowing" }, mentor: "ann" });

  it("proposes a trainee at the threshold and promotes them only from the confirmed week on", () => {
    const setup = { ...standing([trainee]), training: { byPoint: { desk: 5 } } };
    const week1 = buildWeekProblem({ setup, weekStart: "2026-11-23" });
    const rota1 = {
      assignments: [stint("ann", "2026-11-23", "09:00", "13:00"), stint("cy", "2026-11-23", "09:00", "13:00", true)],
    };
    const after1 = carryForward(EMPTY_CARRY, week1, rota1, setup);
    expect(after1.people.cy?.shadowingMinutes).toEqual({ desk: 240 });
    expect(after1.people.cy?.proposed).toEqual([]);

    const week2 = buildWeekProblem({ setup, weekStart: "2026-11-30", carry: after1 });
    const rota2 = {
      assignments: [stint("ann", "2026-11-30", "09:00", "11:00"), stint("cy", "2026-11-30", "09:00", "11:00", true)],
    };
    const after2 = carryForward(after1, week2, rota2, setup);
    expect(after2.people.cy?.shadowingMinutes).toEqual({ desk: 360 });
    expect(after2.people.cy?.proposed).toEqual(["desk"]);
    // proposed is not promoted: the next week still has cy shadowing
    expect(buildWeekProblem({ setup, weekStart: "2026-12-07", carry: after2 }).people[2]?.training).toEqual({
      helpdesk: "shadowing",
    });

    const confirmed = confirmTraining(setup, "cy", "desk");
    expect(setup.people[2]?.training).toEqual({ helpdesk: "shadowing" });
    const week3 = buildWeekProblem({ setup: confirmed, weekStart: "2026-12-07", carry: after2 });
    expect(week3.people[2]?.training).toEqual({ helpdesk: "shadowing", desk: "independent" });
    const after3 = carryForward(
      after2,
      week3,
      { assignments: [stint("cy", "2026-12-07", "09:00", "11:00")] },
      confirmed,
    );
    expect(after3.people.cy?.proposed).toEqual([]);
  });

  it("uses the setup's default threshold of 6 hours when a point has none", () => {
    const setup = standing([trainee]);
    const week = buildWeekProblem({ setup, weekStart: "2026-11-23" });
    const rota = {
      assignments: [stint("ann", "2026-11-23", "09:00", "14:30"), stint("cy", "2026-11-23", "09:00", "14:30", true)],
    };
    expect(carryForward(EMPTY_CARRY, week, rota, setup).people.cy?.proposed).toEqual([]);
    const more = { assignments: [...rota.assignments, stint("cy", "2026-11-24", "09:00", "09:30", true)] };
    expect(carryForward(EMPTY_CARRY, week, more, setup).people.cy?.proposed).toEqual(["desk"]);
  });

  it("refuses to confirm an unknown person or point, naming each", () => {
    const setup = standing();
    try {
      confirmTraining(setup, "zed", "nowhere");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeskrotaInputError);
      expect((error as DeskrotaInputError).issues.map((i) => i.path)).toEqual(["person", "point"]);
    }
    expect(confirmTraining(setup, "ann", "helpdesk").people[0]?.training).toEqual({ helpdesk: "independent" });
  });
});
