import { describe, expect, it } from "vitest";
import { repairState } from "../../test/support/repair";
import { band, point, rota, site, staff, stint, student, tinyProblem } from "../../test/support/tiny";
import { takeBack } from "./repair-chain";
import { changesFrom } from "./repair-exact";
import { gapLevelsOf } from "./search/gap-levels";

// Main, Monday 09:00–13:00: a desk and roving, one person each. Ann keeps the desk and Stu (a student) roves. The
// repair also staffs the Annex every morning of the week with four people (28 person-days, too many for the
// take-back to try pairs), and has Ann and Stu swap places for the last half-hour. Putting Ann's day back needs Stu
// to step aside from the desk first (the typical week's Science Wednesday, s016 off: u014 and s035 at 12:30).
const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DATES = ["23", "24", "25", "26", "27", "28", "29"].map((d) => `2026-11-${d}`);
const both = { helpdesk: "independent", roving: "independent" };
const annexers = ["p1", "p2", "p3", "p4"];
const problem = tinyProblem({
  sites: [
    site("main", {
      servicePoints: [
        point("desk", "helpdesk", [band(["mon"], "09:00", "13:00", 1, { max: 1 })]),
        point("roving", "roving", [band(["mon"], "09:00", "13:00", 1, { max: 1 })]),
      ],
    }),
    site("annex", {
      open: Object.fromEntries(WEEK.map((d) => [d, [["09:00", "13:00"]]])),
      servicePoints: [point("annex-desk", "helpdesk", [band(WEEK, "09:00", "13:00", 4, { max: 4 })])],
    }),
  ],
  people: [
    staff("ann", { training: both }),
    student("stu", { training: both }),
    ...annexers.map((id) => staff(id, { sites: ["annex"], hours: { target: 28, max: 28 } })),
  ],
});
const published = rota([stint("ann", "desk", "09:00", "13:00"), stint("stu", "roving", "09:00", "13:00")]);
const SUNDAY = Date.parse("2026-11-22T12:00:00Z");

describe("takeBack with a colleague in the way", () => {
  it("puts Ann's desk back with Stu stepping aside, and keeps every needed change", () => {
    const swapped = [
      stint("ann", "desk", "09:00", "12:30"),
      stint("ann", "roving", "12:30", "13:00"),
      stint("stu", "roving", "09:00", "12:30"),
      stint("stu", "desk", "12:30", "13:00"),
      ...annexers.flatMap((id) => DATES.map((date) => stint(id, "annex-desk", "09:00", "13:00", date))),
    ];
    const repaired = repairState(problem, published.assignments, swapped, SUNDAY);
    expect(changesFrom(repaired.inst, repaired.at)).toBe(224 + 2);
    const back = takeBack(repaired);
    expect(back && changesFrom(back.inst, back.at)).toBe(224);
    expect(back && gapLevelsOf(back)).toEqual(gapLevelsOf(repaired));
  });
});
