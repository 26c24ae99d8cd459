import { describe, expect, it } from "vitest";
import { compile } from "../compile/instance";
import { highs } from "../../test/support/highs";
import { alternative, balanced, problem } from "../../test/support/preference-swap";
import { at, band, point, rota, site, staff, stint, TUESDAY, tinyProblem } from "../../test/support/tiny";
import { fewestAlternativeChanges } from "./alternative-exact";
import { takeBack } from "./alternative-polish";
import { canonical } from "./solve";

describe("taking back what an alternative's goal does not need", () => {
  it("undoes the needless swap together, keeps the one the goal needs, and reaches the proven fewest", async () => {
    const back = takeBack(
      problem,
      compile(canonical(problem)),
      balanced,
      alternative,
      "preferences-first",
      () => false,
    );
    const kept = (back?.assignments ?? []).map((a) => `${a.person} ${a.start.slice(0, 10)}`);
    expect(kept).toEqual(["ann 2026-11-23", "cal 2026-11-24"]);
    const exact = fewestAlternativeChanges(problem, balanced, back ?? alternative, "preferences-first", {
      backend: await highs(),
    });
    expect(exact).toMatchObject({ changes: 16, minimum: 16, proven: true });
  });

  it("takes nothing back when every change is what the goal needs", () => {
    const needed = rota([stint("ann", "desk", "09:00", "13:00"), stint("cal", "desk", "09:00", "13:00", TUESDAY)]);
    expect(takeBack(problem, compile(canonical(problem)), balanced, needed, "preferences-first", () => false)).toBe(
      undefined,
    );
  });

  it("takes back a swap across midnight together with the next date's shift it ran into", () => {
    // The desk is open Monday 22:00 to Tuesday 04:00. Balanced: Ann works through midnight to 02:00,
    // Bob from 02:00. The alternative gives Cal the 02:00 he asked for, and needlessly swaps Ann's
    // Monday evening to Bob, Ann starting again at midnight: her Tuesday shift holds the very slots
    // her balanced Monday shift runs into, so the two dates go back together or not at all.
    const nights = tinyProblem({
      sites: [
        site("main", {
          open: { mon: [["22:00", "24:00"]], tue: [["00:00", "04:00"]] },
          servicePoints: [
            point("desk", "helpdesk", [band(["mon"], "22:00", "24:00", 1), band(["tue"], "00:00", "04:00", 1)]),
          ],
        }),
      ],
      people: [
        staff("ann"),
        staff("bob"),
        staff("cal", { preferences: [{ days: ["tue"], from: "02:00", to: "04:00", weight: 5 }] }),
      ],
    });
    const overnight = { ...stint("ann", "desk", "22:00", "24:00"), end: `${TUESDAY}T02:00` };
    const balancedNight = rota([overnight, stint("bob", "desk", "02:00", "04:00", TUESDAY)]);
    const swapped = rota([
      stint("bob", "desk", "22:00", "24:00"),
      stint("ann", "desk", "00:00", "02:00", TUESDAY),
      stint("cal", "desk", "02:00", "04:00", TUESDAY),
    ]);
    const back = takeBack(nights, compile(canonical(nights)), balancedNight, swapped, "preferences-first", () => false);
    expect(back?.assignments).toEqual([
      { person: "ann", point: "desk", start: at("22:00"), end: at("02:00", TUESDAY) },
      { person: "cal", point: "desk", start: at("02:00", TUESDAY), end: at("04:00", TUESDAY) },
    ]);
  });
});
