import { describe, expect, test } from "vitest";
import { check } from "./check";
import { applyEdit, parseEdit } from "./edit";
import type { Problem } from "./model/problem";

// Edits by hand, judged by the independent checker: a hard rule broken refuses the edit with the
// rule in words; soft costs are reported; the gaps follow the stints.

const problem: Problem = {
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "America/Toronto",
  slotMinutes: 30,
  sites: [
    {
      id: "lib",
      name: "Campus Library",
      open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
      servicePoints: [
        {
          id: "desk",
          name: "Service Desk",
          kind: "helpdesk",
          cover: [{ days: ["mon", "tue"], from: "09:00", to: "13:00", min: 1 }],
        },
      ],
    },
  ],
  people: [
    {
      id: "a",
      name: "Alex Kim",
      role: "staff",
      sites: ["lib"],
      hours: { target: 8 },
      qualifications: ["lead", "keyholder"],
      training: { helpdesk: "independent" },
      availability: { mon: [["09:00", "13:00"]] },
    },
    {
      id: "b",
      name: "Bo Chen",
      role: "staff",
      sites: ["lib"],
      hours: { target: 8 },
      qualifications: ["lead", "keyholder"],
      training: { helpdesk: "independent" },
      availability: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
    },
  ],
} as Problem;

const mon = { person: "a", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" };
const tue = { person: "b", point: "desk", start: "2026-11-24T09:00", end: "2026-11-24T13:00" };
const empty = { assignments: [], uncovered: [] };

describe("edits by hand", () => {
  test("putting people into cells fills the gaps there, and the checker accepts the rota", () => {
    const outcome = applyEdit(problem, empty, { add: [mon, tue] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.rota.uncovered).toEqual([]);
    expect(outcome.rota.assignments.map((a) => a.person).sort()).toEqual(["a", "b"]);
    expect(check(outcome.problem, outcome.rota).valid).toBe(true);
  });

  test("an edit that breaks a hard rule is refused with the rule in words", () => {
    const outcome = applyEdit(problem, empty, { add: [{ ...tue, person: "a" }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.broken.map((b) => b.rule)).toContain("availability");
    expect(outcome.broken.find((b) => b.rule === "availability")?.message).toMatch(/Alex Kim|a\b/);
  });

  test("one person in two places at once is refused", () => {
    const outcome = applyEdit(problem, empty, { add: [mon, { ...mon, start: "2026-11-23T10:00" }] });
    expect(outcome.ok ? [] : outcome.broken.map((b) => b.rule)).toContain("one-place");
  });

  test("taking someone out leaves the gap, reported as the checker expects", () => {
    const filled = applyEdit(problem, empty, { add: [mon] });
    if (!filled.ok) throw new Error("the fill was refused");
    const outcome = applyEdit(problem, filled.rota, { remove: [mon] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.rota.assignments).toEqual([]);
    expect(outcome.rota.uncovered.filter((u) => (u.rule ?? "cover") === "cover").length).toBeGreaterThan(0);
    expect(check(outcome.problem, outcome.rota).valid).toBe(true);
    expect(outcome.costs.find((c) => c.rule === "cover")?.change).toBeGreaterThan(0);
  });

  test("a stint moves to another time of the same day", () => {
    const filled = applyEdit(problem, empty, { add: [mon] });
    if (!filled.ok) throw new Error("the fill was refused");
    const to = { ...mon, end: "2026-11-23T11:00" };
    const outcome = applyEdit(problem, filled.rota, { move: [{ from: mon, to }] });
    expect(outcome.ok && outcome.rota.assignments.map((a) => a.end.slice(11, 16))).toEqual(["11:00"]);
  });

  test("a pinned stint joins the problem's pins", () => {
    const filled = applyEdit(problem, empty, { add: [mon] });
    if (!filled.ok) throw new Error("the fill was refused");
    const outcome = applyEdit(problem, filled.rota, { pin: [mon] });
    expect(outcome.ok && outcome.problem.pinned).toEqual([mon]);
  });

  test("a stint that is not in the rota, an unknown person and an empty edit are named by path", () => {
    const missing = applyEdit(problem, empty, { remove: [mon] });
    expect(missing.ok ? [] : missing.issues.map((i) => [i.path, i.code])).toEqual([["remove.0", "not_in_rota"]]);
    const unknown = applyEdit(problem, empty, { add: [{ ...mon, person: "zz" }] });
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.path)).toEqual(["add.0.person"]);
    const nothing = applyEdit(problem, empty, {});
    expect(nothing.ok ? [] : nothing.issues.map((i) => i.code)).toEqual(["empty"]);
    expect(parseEdit({ add: [{ person: "a" }] }).ok).toBe(false);
  });
});
