import { describe, expect, it } from "vitest";
import { check } from "../check";
import { solveModel, withoutRows } from "../../test/support/highs";
import {
  at,
  brokenRules,
  gap,
  hardViolations,
  rota,
  staff,
  stint,
  student,
  tinyProblem,
} from "../../test/support/tiny";

// The help desk needs one person Monday 09:00–13:00. Ann (staff) is free 09:00–11:00 only;
// Stu is a student. With Ann gone, nobody leads or holds keys: those gaps are reported.
const problem = tinyProblem({
  people: [staff("ann", { availability: { mon: [["09:00", "11:00"]] } }), student("stu")],
});
const leftWithoutLead = [gap("supervision", "main", "11:00", "13:00"), gap("keyholder", "main", "12:30", "13:00")];

describe("student-alone", () => {
  it("reports every slot in which only students are on site", () => {
    const report = check(
      problem,
      rota([stint("ann", "desk", "09:00", "11:00"), stint("stu", "desk", "11:00", "13:00")], leftWithoutLead),
    );
    expect(brokenRules(report)).toEqual(["student-alone"]);
    expect(report.violations).toEqual(
      ["11:00", "11:30", "12:00", "12:30"].map((time, i) => ({
        rule: "student-alone",
        site: "main",
        start: at(time),
        end: at(["11:30", "12:00", "12:30", "13:00"][i] as string),
        message: `only students are on site at main at ${at(time)}; a staff member must be there`,
      })),
    );
  });

  it("counts a shadowing staff member as staff on site", () => {
    const shadowingStaff = tinyProblem({
      people: [staff("ann", { training: { helpdesk: "shadowing" }, qualifications: [] }), student("stu")],
    });
    expect(
      check(
        shadowingStaff,
        rota(
          [
            stint("stu", "desk", "09:00", "13:00"),
            stint("ann", "desk", "09:00", "13:00", undefined, { shadowing: true }),
          ],
          [
            gap("supervision", "main", "09:00", "13:00"),
            gap("keyholder", "main", "09:00", "09:30"),
            gap("keyholder", "main", "12:30", "13:00"),
          ],
        ),
      ).valid,
    ).toBe(true);
  });

  it("accepts students alone when the problem allows it", () => {
    const allowed = tinyProblem({ people: problem.people, rules: { studentAloneAllowed: true } });
    expect(
      check(
        allowed,
        rota([stint("ann", "desk", "09:00", "11:00"), stint("stu", "desk", "11:00", "13:00")], leftWithoutLead),
      ).valid,
    ).toBe(true);
  });

  it("accepts a student beside a staff member", () => {
    expect(
      check(
        problem,
        rota(
          [stint("ann", "desk", "09:00", "11:00"), stint("stu", "desk", "09:00", "11:00")],
          [gap("cover", "desk", "11:00", "13:00"), ...leftWithoutLead],
        ),
      ).byRule["student-alone"],
    ).toBe(0);
  });

  it("keeps the model's students beside staff: the afternoon stays a gap rather than a student alone", async () => {
    const loose = await solveModel(problem, withoutRows("student-alone"));
    expect(hardViolations(problem, loose.rota).map((v) => v.rule)).toContain("student-alone");

    const { rota: solved } = await solveModel(problem);
    expect(hardViolations(problem, solved)).toEqual([]);
  });
});
