import { describe, expect, it } from "vitest";
import { check, scoreRota } from "../check";
import { applyChange, type Change } from "../model/change";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { at, band, point, rota, site, staff, stint, student, tinyProblem, TUESDAY } from "../../test/support/tiny";
import { highs } from "../../test/support/highs";
import { DeskrotaInputError } from "./errors";
import { resolve } from "./resolve";

const WEDNESDAY = "2026-11-25";
const THURSDAY = "2026-11-26";
const SUNDAY_BEFORE = "2026-11-22T12:00";
const weekdays = ["mon", "tue", "wed", "thu"];

// One desk, open Monday to Thursday 09:00–17:00, needing one person throughout; roving would
// like one person in the mornings. Everyone leads, holds keys and may work both, up to 4 h a day.
const both = { training: { helpdesk: "independent", roving: "independent" } };
const main = site("main", {
  open: Object.fromEntries(weekdays.map((d) => [d, [["09:00", "17:00"]]])),
  servicePoints: [
    point("desk", "helpdesk", [band(weekdays, "09:00", "17:00", 1)]),
    point("roving", "roving", [band(weekdays, "09:00", "13:00", 0, { target: 1 })]),
  ],
});
const person = (id: string, extra: Record<string, unknown> = {}) =>
  staff(id, {
    ...both,
    name: id[0]?.toUpperCase() + id.slice(1),
    hours: { target: 8, max: 16, maxPerDay: 4 },
    ...extra,
  });
const problem = tinyProblem({ sites: [main], people: [person("ann"), person("bob"), person("cal"), person("dee")] });
const published = rota([
  stint("ann", "desk", "09:00", "13:00"),
  stint("bob", "desk", "13:00", "17:00"),
  stint("cal", "desk", "09:00", "13:00", TUESDAY),
  stint("dee", "desk", "13:00", "17:00", TUESDAY),
  stint("ann", "desk", "09:00", "13:00", WEDNESDAY),
  stint("bob", "desk", "13:00", "17:00", WEDNESDAY),
  stint("cal", "desk", "09:00", "13:00", THURSDAY),
  stint("dee", "desk", "13:00", "17:00", THURSDAY),
]);

const repair = (change: Change, now: string, on: Problem = problem, from: RotaInput = published) =>
  resolve(on, from, change, { now, workBudget: 200, seed: 1 });
const changed = (change: Change, on: Problem = problem) => {
  const result = applyChange(on, change);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const sick = (who: string, from: string, to: string) => ({ absences: [{ person: who, from, to, reason: "sick" }] });

describe("resolve", () => {
  it("is valid to start from: the published rota breaks no rule", () => {
    expect(check(problem, published).violations).toEqual([]);
  });

  it("fills first: restores minimum cover even where changes weigh more, and offers the smaller repair", () => {
    // Each changed person-hour weighs twice a missing one: weighed as given, the gap would stay.
    const costly: Problem = { ...problem, weights: { stability: 2000 } };
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = resolve(costly, published, change, { now: SUNDAY_BEFORE, workBudget: 200, seed: 1 });
    expect(check(changed(change, costly), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.options).toEqual([
      expect.objectContaining({ id: "fills", chosen: true, words: "fills everything: 2 people, 8 h changed" }),
      expect.objectContaining({
        id: "smaller",
        chosen: false,
        leftOpen: { coverHours: 4, supervisionHours: 4, keyholderHours: 0.5 },
        words:
          "leaves desk Mon 23 Nov 13:00–17:00 open, with 4 h without a lead and 0.5 h without a keyholder: " +
          "1 person, 4 h changed",
      }),
    ]);
    // The coordinator may take the smaller one instead.
    const smaller = resolve(costly, published, change, {
      now: SUNDAY_BEFORE,
      workBudget: 200,
      seed: 1,
      option: "smaller",
    });
    expect(smaller.rota.uncovered).toContainEqual(expect.objectContaining({ point: "desk", start: at("13:00") }));
    expect(smaller.options.map((o) => [o.id, o.chosen])).toEqual([
      ["fills", false],
      ["smaller", true],
    ]);
    expect(smaller.diff.changes).toBeLessThan(result.diff.changes);
    // Each option says whether its number of changes is proven the fewest for what it fills, the one
    // not returned by counting alone: the smaller leaves open what a fuller repair might do in fewer.
    expect(result.options.map((o) => [o.id, o.minimal])).toEqual([
      ["fills", true],
      ["smaller", false],
    ]);
    expect(result.options[0]?.minimalReason).toBe(result.minimalReason);
    expect(result.options[1]?.minimalReason).toMatch(/leaves more open than before the change, and no fuller repair/);
    expect(smaller.options.map((o) => [o.id, o.minimal, o.minimalReason])).toEqual([
      ["fills", true, result.minimalReason],
      ["smaller", false, smaller.minimalReason],
    ]);
  });

  it("fills an absence with one person taking the whole gap, and changes nothing else", () => {
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = repair(change, SUNDAY_BEFORE);
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.diff.changes).toBe(2);
    const [removed, added] = result.diff.words;
    expect(removed).toBe("Bob: no longer on desk Mon 23 Nov 13:00–17:00");
    expect(added).toMatch(/^(Cal|Dee): now on desk Mon 23 Nov 13:00–17:00$/);
    expect(result.minimal).toBe(true);
    expect(result.minimalReason).toBe(
      "16 person-slots (8 h) changed: those the change itself forces and one for each slot it opened; no repair " +
        "that leaves cover, a lead and a keyholder as they were changes fewer",
    );
    // Every other published stint is still there.
    for (const kept of published.assignments.filter((a) => a.person !== "bob" || !a.start.startsWith("2026-11-23"))) {
      expect(result.rota.assignments).toContainEqual({
        person: kept.person,
        point: kept.point,
        start: `${kept.start}:00.000+00:00`,
        end: `${kept.end}:00.000+00:00`,
      });
    }
    expect(result.rota.diff).toEqual(result.diff);
    // Filling it cost nothing more than the problem's weights would pay: one repair, no choice.
    expect(result.options).toEqual([
      expect.objectContaining({ id: "fills", chosen: true, words: "fills everything: 2 people, 8 h changed" }),
    ]);
  });

  it("scores the repaired rota with the stability of the changes it made", () => {
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = repair(change, SUNDAY_BEFORE);
    const reference = { assignments: published.assignments, now: Date.parse(`${SUNDAY_BEFORE}Z`) };
    expect(result.rota.score.byRule).toEqual(scoreRota(changed(change), result.rota, { reference }).byRule);
    // Bob's 4 h off and someone else's 4 h on, all more than 24 h after the re-solve.
    expect(result.rota.score.byRule.stability).toBe(8 * 120);
  });

  it(
    "cuts short a stint under way when its person goes home, keeps what was worked, and changes nothing before " +
      "now",
    () => {
      // Ann goes home at 11:00 on Monday; it is 11:00.
      const change = sick("ann", "2026-11-23T11:00", "2026-11-23T17:00");
      const result = repair(change, "2026-11-23T11:00");
      expect(check(changed(change), result.rota).violations).toEqual([]);
      expect(result.rota.assignments).toContainEqual({
        person: "ann",
        point: "desk",
        start: at("09:00"),
        end: at("11:00"),
      });
      expect(result.rota.uncovered).toEqual([]);
      expect(result.diff.words[0]).toBe("Ann: desk Mon 23 Nov 09:00–13:00 becomes desk Mon 23 Nov 09:00–11:00");
      const covering = result.rota.assignments.filter(
        (a) => a.point === "desk" && a.start <= at("11:00") && at("13:00") <= a.end,
      );
      expect(covering).toHaveLength(1);
    },
  );

  it("keeps a stint under way at now whole, even where changing it would help", () => {
    // Bob is on the desk from 13:00; at 14:00 Dee is off sick on Tuesday afternoon. Bob could take
    // Tuesday afternoon only by working less on Monday (4 h a day, 16 a week is no bind), so
    // the repair must leave his Monday alone.
    const change = sick("dee", "2026-11-24T13:00", "2026-11-24T17:00");
    const result = repair(change, "2026-11-23T14:00");
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.assignments).toContainEqual({
      person: "bob",
      point: "desk",
      start: at("13:00"),
      end: at("17:00"),
    });
    expect(result.rota.assignments).toContainEqual({
      person: "ann",
      point: "desk",
      start: at("09:00"),
      end: at("13:00"),
    });
  });

  it("prefers a change later in the week to one in the next 24 hours, whatever the seed", () => {
    // Dee is off all Tuesday. Ann has worked her 4 h that day and Eve her 2 h that week, Bob is
    // never in on Tuesdays: only Cal can take 15:00–17:00, and Cal has all 6 h of her week
    // already (roving Monday and Thursday mornings, the desk on Wednesday). So Cal gives up two
    // hours: Thursday's roving (later) rather than Monday's (within 24 h of the re-solve).
    const capped = tinyProblem({
      sites: [main],
      people: [
        person("ann"),
        person("bob", {
          availability: { mon: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]] },
        }),
        person("cal", { hours: { target: 6, max: 6, maxPerDay: 4 } }),
        person("dee"),
        person("eve", { hours: { target: 2, max: 2 } }),
      ],
    });
    const before = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("cal", "roving", "09:00", "11:00"),
      stint("bob", "desk", "13:00", "17:00"),
      stint("ann", "desk", "09:00", "13:00", TUESDAY),
      stint("eve", "desk", "13:00", "15:00", TUESDAY),
      stint("dee", "desk", "15:00", "17:00", TUESDAY),
      stint("cal", "desk", "09:00", "11:00", WEDNESDAY),
      stint("ann", "desk", "11:00", "15:00", WEDNESDAY),
      stint("bob", "desk", "15:00", "17:00", WEDNESDAY),
      stint("cal", "roving", "09:00", "11:00", THURSDAY),
      stint("bob", "desk", "09:00", "13:00", THURSDAY),
      stint("dee", "desk", "13:00", "17:00", THURSDAY),
    ]);
    expect(check(capped, before).violations).toEqual([]);
    const change = sick("dee", "2026-11-24T00:00", "2026-11-25T00:00");
    for (const seed of [1, 2, 3]) {
      const result = resolve(capped, before, change, { now: "2026-11-23T08:00", workBudget: 200, seed });
      expect(check(changed(change, capped), result.rota).violations).toEqual([]);
      expect(result.rota.uncovered).toEqual([]);
      expect(result.diff.words).toEqual([
        "Cal: no longer on roving Thu 26 Nov 09:00–11:00",
        "Cal: now on desk Tue 24 Nov 15:00–17:00",
        "Dee: no longer on desk Tue 24 Nov 15:00–17:00",
      ]);
    }
  });

  it("fills what a person who leaves was doing, even without search moves", () => {
    const change: Change = { removePeople: ["bob"] };
    const result = resolve(problem, published, change, { now: SUNDAY_BEFORE, workBudget: 0 });
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.diff.words.filter((line) => line.startsWith("Bob"))).toEqual([
      "Bob: no longer on desk Mon 23 Nov 13:00–17:00",
      "Bob: no longer on desk Wed 25 Nov 13:00–17:00",
    ]);
    // Bob's two stints, and one person taking each: nothing fewer could do.
    expect(result.diff.changes).toBe(4);
    expect(result.minimal).toBe(true);
  });

  it("fills a band that now needs more people, even without search moves", () => {
    const busier = [
      band(weekdays, "09:00", "17:00", 1),
      band(["mon"], "13:00", "15:00", 2),
    ] as Problem["sites"][number]["servicePoints"][number]["cover"];
    const change: Change = { cover: [{ point: "desk", cover: busier }] };
    const result = resolve(problem, published, change, { now: SUNDAY_BEFORE, workBudget: 0 });
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.diff.words).toEqual([expect.stringMatching(/^(Cal|Dee): now on desk Mon 23 Nov 13:00–15:00$/)]);
  });

  it("says so when nothing had to change", () => {
    // Cal does not work on Wednesdays.
    const result = repair(sick("cal", "2026-11-25T09:00", "2026-11-25T17:00"), SUNDAY_BEFORE);
    expect(result.diff.changes).toBe(0);
    expect(result).toMatchObject({ minimal: true, minimalReason: "nothing had to change" });
  });

  it("proves by counting that a new pin's own slots are the fewest changes, in words", () => {
    const change: Change = {
      pin: [{ person: "cal", point: "roving", start: "2026-11-23T09:00", end: "2026-11-23T11:00" }],
    };
    const result = repair(change, SUNDAY_BEFORE);
    expect(result.diff.words).toEqual(["Cal: now on roving Mon 23 Nov 09:00–11:00"]);
    expect(result).toMatchObject({
      minimal: true,
      minimalReason: expect.stringMatching(/^4 person-slots \(2 h\) changed: those the change itself forces/),
    });
  });

  it("never takes a colleague from someone shadowing beside them to fill a gap", () => {
    // Hal is shadowing on roving 13:00–15:00 beside Ann, the only independent colleague there.
    // Bob, on the desk all day, goes home at 13:00: Ann may take the desk from 15:00, and before
    // that only if Hal's shadowing goes too (the search may find that a desk is worth more).
    const learning = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["09:00", "17:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)]),
            point("roving", "roving", [band(["mon"], "13:00", "15:00", 0, { target: 1 })]),
          ],
        }),
      ],
      people: [
        person("ann", { shifts: { minMinutes: 60 } }),
        person("bob", { hours: { target: 8, max: 16 } }),
        person("hal", { training: { roving: "shadowing" } }),
      ],
    });
    const before = rota([
      stint("bob", "desk", "09:00", "17:00"),
      stint("ann", "roving", "13:00", "15:00"),
      stint("hal", "roving", "13:00", "15:00", undefined, { shadowing: true }),
    ]);
    expect(check(learning, before).violations).toEqual([]);
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    for (const workBudget of [0, 100]) {
      const result = resolve(learning, before, change, { now: SUNDAY_BEFORE, workBudget, seed: 1 });
      expect(check(changed(change, learning), result.rota).violations).toEqual([]);
      // The direct fill is one person taking the whole gap; taking part of it is the search's.
      if (workBudget > 0)
        expect(result.rota.assignments).toContainEqual({
          person: "ann",
          point: "desk",
          start: expect.any(String),
          end: at("17:00"),
        });
      const halStays = result.rota.assignments.some((a) => a.person === "hal");
      expect(result.rota.assignments.some((a) => a.person === "ann" && a.point === "roving")).toBe(halStays);
    }
  });

  it("reports what it cannot fill, with the absence as the reason", async () => {
    // Nobody but Bob can work Monday afternoon.
    const narrow = tinyProblem({
      sites: [main],
      people: [
        person("ann", {
          availability: {
            mon: [["09:00", "13:00"]],
            tue: [["09:00", "17:00"]],
            wed: [["09:00", "17:00"]],
            thu: [["09:00", "17:00"]],
          },
        }),
        person("bob"),
        person("cal", { availability: { tue: [["09:00", "17:00"]], thu: [["09:00", "17:00"]] } }),
        person("dee", { availability: { tue: [["09:00", "17:00"]], thu: [["09:00", "17:00"]] } }),
      ],
    });
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = repair(change, SUNDAY_BEFORE, narrow);
    expect(check(changed(change, narrow), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toContainEqual(
      expect.objectContaining({
        point: "desk",
        start: at("13:00"),
        end: at("17:00"),
        missing: 1,
        reason: expect.stringContaining("(Bob absent)"),
      }),
    );
    expect(result.diff.words).toEqual(["Bob: no longer on desk Mon 23 Nov 13:00–17:00"]);
    // Counting cannot show that nobody could fill it; the exact model can.
    expect(result).toMatchObject({
      minimal: false,
      minimalReason:
        "8 person-slots (4 h) changed; it leaves more open than before the change, and no fuller repair is proven " +
        "impossible",
    });
    const proved = resolve(narrow, published, change, {
      now: SUNDAY_BEFORE,
      workBudget: 200,
      seed: 1,
      proof: { backend: await highs() },
    });
    expect(proved.diff).toEqual(result.diff);
    expect(proved).toMatchObject({ minimal: true, proof: { proven: true, minimum: 8, changedSlots: 8 } });
  });

  it("gives a student who loses their only staff colleague a new one, or takes them off", () => {
    // Stu (a student) works beside Ann on Monday morning; Ann is off sick.
    const roomy = site("main", {
      open: { mon: [["09:00", "17:00"]] },
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1, { max: 2 })]),
        point("roving", "roving", []),
      ],
    });
    const withStudent = tinyProblem({
      sites: [roomy],
      people: [person("ann"), person("bob"), student("stu", { hours: { target: 4, max: 4 } })],
    });
    const before = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("stu", "desk", "09:00", "13:00"),
      stint("bob", "desk", "13:00", "17:00"),
    ]);
    expect(check(withStudent, before).violations).toEqual([]);
    const change = sick("ann", "2026-11-23T09:00", "2026-11-23T13:00");
    const result = repair(change, SUNDAY_BEFORE, withStudent, before);
    const report = check(changed(change, withStudent), result.rota);
    expect(report.violations).toEqual([]);
    // A chain fills the morning: Bob moves to it with Stu beside him, and Ann, back at 13:00, takes his afternoon.
    const annMonday = result.rota.assignments.filter((a) => a.person === "ann" && a.start.startsWith("2026-11-23"));
    expect(annMonday.every((a) => a.start >= "2026-11-23T13:00")).toBe(true);
    expect(result.rota.uncovered).toEqual([]);
  });

  it("takes off stints already under way that relied on a colleague who turns out not to have been there", () => {
    // At 10:00 Ann is reported off sick since 09:00, or leaves the team. Hal was shadowing her on
    // the desk, and Stu, a student, was roving with Hal as the only other staff on site: neither
    // stint can stand, even in its past hour. Bob may take the desk from now.
    const roomy = site("main", {
      open: { mon: [["09:00", "17:00"]] },
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "17:00", 1)]),
        point("roving", "roving", [band(["mon"], "09:00", "17:00", 0, { max: 1 })]),
      ],
    });
    const team = tinyProblem({
      sites: [roomy],
      people: [
        person("ann"),
        person("bob"),
        person("hal", { training: { helpdesk: "shadowing" } }),
        student("stu", { training: { roving: "independent" }, hours: { target: 4, max: 4 } }),
      ],
    });
    const before = rota([
      stint("ann", "desk", "09:00", "13:00"),
      stint("hal", "desk", "09:00", "13:00", undefined, { shadowing: true }),
      stint("stu", "roving", "09:00", "13:00"),
      stint("bob", "desk", "13:00", "17:00"),
    ]);
    expect(check(team, before).violations).toEqual([]);
    for (const change of [sick("ann", "2026-11-23T09:00", "2026-11-23T17:00"), { removePeople: ["ann"] }]) {
      const result = resolve(team, before, change, { now: "2026-11-23T10:00", workBudget: 100, seed: 1 });
      expect(check(changed(change, team), result.rota).violations).toEqual([]);
      const earlier = result.rota.assignments.filter((a) => Date.parse(a.start) < Date.parse(at("10:00")));
      expect(earlier).toEqual([]);
    }
  });

  it("re-plans whoever relied on a stint under way that had to be broken up", () => {
    // Reported at 09:30: Ann has been off since 09:00 and is back at 11:00. Stu (a student) roves
    // 09:00–12:00 with Hal shadowing him until 10:30: from 10:30 to 11:00 Stu has no staff on
    // site, so his stint cannot stay whole, and however it is re-planned Hal must not be left
    // shadowing nobody.
    const roomy = site("main", {
      open: { mon: [["09:00", "12:00"]] },
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "12:00", 1)]),
        point("roving", "roving", [band(["mon"], "09:00", "12:00", 0, { max: 1 })]),
      ],
    });
    const team = tinyProblem({
      sites: [roomy],
      people: [
        person("ann"),
        person("hal", { training: { helpdesk: "independent", roving: "shadowing" }, shifts: { minMinutes: 60 } }),
        student("stu", { training: { helpdesk: "independent", roving: "independent" }, hours: { target: 8, max: 8 } }),
      ],
    });
    const before = rota([
      stint("ann", "desk", "09:00", "12:00"),
      stint("stu", "roving", "09:00", "12:00"),
      stint("hal", "roving", "09:00", "10:30", undefined, { shadowing: true }),
    ]);
    expect(check(team, before).violations).toEqual([]);
    const change = sick("ann", "2026-11-23T09:00", "2026-11-23T11:00");
    for (const workBudget of [0, 100]) {
      const result = resolve(team, before, change, { now: "2026-11-23T09:30", workBudget, seed: 1 });
      expect(check(changed(change, team), result.rota).violations).toEqual([]);
    }
  });

  it("takes a pinned person who falls ill off their pinned stint", () => {
    const pinned = {
      ...problem,
      pinned: [{ person: "bob", point: "desk", start: "2026-11-23T13:00", end: "2026-11-23T17:00" }],
    };
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = repair(change, SUNDAY_BEFORE, pinned);
    expect(check(changed(change, pinned), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.diff.words).toContain("Bob: no longer on desk Mon 23 Nov 13:00–17:00");
  });

  it("keeps a new pin where someone else was, and re-plans them around it", () => {
    // Dee is pinned to Monday's desk 11:00–15:00, over the end of Ann's stint and the start of Bob's.
    const change: Change = {
      pin: [{ person: "dee", point: "desk", start: "2026-11-23T11:00", end: "2026-11-23T15:00" }],
    };
    const result = repair(change, SUNDAY_BEFORE);
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.assignments).toContainEqual({
      person: "dee",
      point: "desk",
      start: at("11:00"),
      end: at("15:00"),
    });
    expect(result.rota.uncovered).toEqual([]);
    // Tuesday to Thursday are as they were.
    expect(result.diff.words.every((line) => line.includes("Mon 23 Nov"))).toBe(true);
  });

  it("keeps a new pin that needs the day before to end early, though someone was shadowing then", () => {
    // With 17 h of rest, Ann pinned to Tuesday 09:00 must leave on Monday by 16:00, where Hal
    // was shadowing beside her until 17:00: her Monday gives way, and Hal is re-planned with it.
    const twoDays = ["mon", "tue"];
    const rested = tinyProblem({
      sites: [
        site("main", {
          open: Object.fromEntries(twoDays.map((d) => [d, [["09:00", "17:00"]]])),
          servicePoints: [
            point("desk", "helpdesk", [band(twoDays, "09:00", "17:00", 1)]),
            point("roving", "roving", []),
          ],
        }),
      ],
      people: [person("ann"), person("bob"), person("cal"), person("hal", { training: { helpdesk: "shadowing" } })],
      rules: { minRestMinutes: 17 * 60 },
    });
    const before = rota([
      stint("bob", "desk", "09:00", "13:00"),
      stint("ann", "desk", "13:00", "17:00"),
      stint("hal", "desk", "15:00", "17:00", undefined, { shadowing: true }),
      stint("bob", "desk", "09:00", "13:00", TUESDAY),
      stint("cal", "desk", "13:00", "17:00", TUESDAY),
    ]);
    expect(check(rested, before).violations).toEqual([]);
    const change: Change = {
      pin: [{ person: "ann", point: "desk", start: `${TUESDAY}T09:00`, end: `${TUESDAY}T11:00` }],
    };
    for (const workBudget of [0, 100]) {
      const result = resolve(rested, before, change, { now: SUNDAY_BEFORE, workBudget, seed: 1 });
      expect(check(changed(change, rested), result.rota).violations).toEqual([]);
      const pinned = result.rota.assignments.find((a) => a.person === "ann" && a.start === at("09:00", TUESDAY));
      expect(pinned && Date.parse(pinned.end) >= Date.parse(at("11:00", TUESDAY))).toBe(true);
      expect(result.rota.assignments).not.toContainEqual(expect.objectContaining({ person: "ann", end: at("17:00") }));
    }
  });

  it(
    "keeps a stint under way past midnight as the shift of the day it started on when that person's next day is " +
      "re-planned",
    () => {
      // At 01:00 on Sunday Ann is on the desk since Saturday 20:00, until 02:00; she is then pinned
      // to Sunday evening. Her night shift is Saturday's: Sunday's re-plan must not take it apart.
      const nights = tinyProblem({
        sites: [
          site("main", {
            open: { sat: [["00:00", "24:00"]], sun: [["00:00", "24:00"]] },
            servicePoints: [
              point("desk", "helpdesk", [band(["sat", "sun"], "00:00", "24:00", 0, { max: 1 })]),
              point("roving", "roving", []),
            ],
          }),
        ],
        people: [person("ann", { hours: { target: 8, max: 16 } }), person("bob")],
      });
      const before = rota(
        [stint("ann", "desk", "20:00", "02:00", "2026-11-28")].map((a) => ({ ...a, end: at("02:00", "2026-11-29") })),
      );
      const change: Change = {
        pin: [{ person: "ann", point: "desk", start: "2026-11-29T20:00", end: "2026-11-29T22:00" }],
      };
      const result = resolve(nights, before, change, { now: "2026-11-29T01:00", workBudget: 100, seed: 1 });
      expect(check(changed(change, nights), result.rota).violations).toEqual([]);
      expect(result.rota.assignments).toContainEqual({
        person: "ann",
        point: "desk",
        start: at("20:00", "2026-11-28"),
        end: at("02:00", "2026-11-29"),
      });
      const evening = result.rota.assignments.filter(
        (a) =>
          a.person === "ann" &&
          Date.parse(a.start) <= Date.parse(at("20:00", "2026-11-29")) &&
          Date.parse(at("22:00", "2026-11-29")) <= Date.parse(a.end),
      );
      expect(evening).toHaveLength(1);
    },
  );

  it("refuses pins it cannot keep, naming them in the change", () => {
    const issues = (change: Change, now = SUNDAY_BEFORE) => {
      try {
        repair(change, now);
      } catch (error) {
        if (error instanceof DeskrotaInputError) return error.issues;
        throw error;
      }
      throw new Error("the change should be refused");
    };
    const cal = (start: string, end: string, at = "desk") => ({
      person: "cal",
      point: at,
      start: `2026-11-23T${start}`,
      end: `2026-11-23T${end}`,
    });
    expect(issues({ pin: [cal("13:10", "15:00")] })).toEqual([
      expect.objectContaining({ path: "pin.0", code: "pin_off_grid" }),
    ]);
    // Roving is open in the mornings only.
    expect(issues({ pin: [cal("13:00", "15:00", "roving")] })).toEqual([
      {
        path: "pin.0",
        code: "pin_conflict",
        message: expect.stringMatching(/^cal cannot be pinned to roving at 2026-11-23T13:00: it breaks rule /),
      },
    ]);
    expect(issues({ ...sick("cal", "2026-11-23T12:00", "2026-11-23T18:00"), pin: [cal("13:00", "15:00")] })).toEqual([
      expect.objectContaining({
        path: "pin.0",
        code: "pin_conflict",
        message: expect.stringContaining("breaks rule availability"),
      }),
    ]);
    // At 14:00 the morning is past: Ann worked it, and Cal cannot be pinned there now.
    expect(issues({ pin: [cal("09:00", "11:00")] }, "2026-11-23T14:00")).toEqual([
      {
        path: "pin.0",
        code: "pin_conflict",
        message:
          "cal cannot be pinned to desk from 2026-11-23T09:00: that is before 2026-11-23T14:00, and nothing before " +
          "then changes",
      },
    ]);
  });

  it("stops at the time limit of the clock it is given, with a repaired rota", () => {
    // A clock that advances a millisecond per reading.
    let ms = 0;
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const result = resolve(problem, published, change, {
      now: SUNDAY_BEFORE,
      timeLimitMs: 40,
      clock: () => ++ms,
      seed: 1,
    });
    expect(check(changed(change), result.rota).violations).toEqual([]);
    expect(result.rota.uncovered).toEqual([]);
    expect(result.rota.solver?.timeMs).toSatisfy((t: number) => t >= 0 && t <= 45);
  });

  it("does no more moves with a clock than without, and gives the same repair where the limit is not reached", () => {
    const change = sick("bob", "2026-11-23T13:00", "2026-11-23T17:00");
    const timed = resolve(problem, published, change, { now: SUNDAY_BEFORE, clock: () => 0, workBudget: 5, seed: 1 });
    const counted = resolve(problem, published, change, { now: SUNDAY_BEFORE, workBudget: 5, seed: 1 });
    // Two attempts at most (the smaller repair, then the one that fills first), five moves each.
    expect(timed.rota.solver?.iterations).toBeLessThanOrEqual(10);
    expect(timed.rota.assignments).toEqual(counted.rota.assignments);
    expect(timed.diff).toEqual(counted.diff);
  });

  it("refuses a malformed change, naming the part of the change", () => {
    const attempt = (change: Change) => () => repair(change, SUNDAY_BEFORE);
    expect(attempt({ absences: [{ person: "zed", from: "2026-11-23T13:00", to: "2026-11-23T17:00" }] })).toThrow(
      DeskrotaInputError,
    );
    try {
      repair(
        {
          absences: [{ person: "zed", from: "2026-11-23T13:00", to: "2026-11-23T17:00" }],
          cover: [{ point: "nowhere", cover: [] }],
        },
        SUNDAY_BEFORE,
      );
    } catch (error) {
      expect((error as DeskrotaInputError).issues.map((i) => i.path)).toEqual(["absences.0.person", "cover.0.point"]);
    }
    expect(() => repair({}, "soon")).toThrow(
      expect.objectContaining({
        issues: [{ path: "now", code: "invalid_date", message: "soon is not a date and time" }],
      }),
    );
  });
});
