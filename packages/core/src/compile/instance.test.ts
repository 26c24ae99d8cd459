import { describe, expect, it } from "vitest";
import { site, staff, tinyProblem } from "../../test/support/tiny";
import { applyChange, type Change } from "../model/change";
import type { Problem } from "../model/problem";
import { compile } from "./instance";

const problem = tinyProblem({ people: [staff("ann"), staff("bob"), staff("cal")] });
const ann: Change = { absences: [{ person: "ann", from: "2026-11-23T09:00", to: "2026-11-23T11:00" }] };

function after(change: Change, from: Problem = problem): Problem {
  const applied = applyChange(from, change);
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  return applied.value;
}

describe("an instance compiled with the last one to reuse", () => {
  it("is the instance compiled afresh, sharing the entries of the people written as before", () => {
    const before = compile(problem);
    const next = after(ann);
    const reused = compile(next, { reuse: before });
    expect(reused).toEqual(compile(next));
    expect(reused.people.map((p, i) => p === before.people[i])).toEqual([false, true, true]);
    expect(reused.people[0]?.available).not.toEqual(before.people[0]?.available);
  });

  it("compiles afresh a person edited in place, and everyone where the slots or sites differ", () => {
    const before = compile(problem);
    const edited = structuredClone(problem);
    const bob = edited.people[1] as Problem["people"][number];
    bob.availability = { mon: [["09:00", "10:00"]] };
    const inPlace = compile(edited, { reuse: compile(edited) });
    bob.availability = { mon: [["10:00", "11:00"]] };
    expect(compile(edited, { reuse: inPlace })).toEqual(compile(edited));
    const later = tinyProblem({
      people: [staff("ann"), staff("bob"), staff("cal")],
      sites: [site("main", { open: { mon: [["10:00", "13:00"]] } })],
    });
    const moved = compile(later, { reuse: before });
    expect(moved).toEqual(compile(later));
    expect(moved.people.some((p, i) => p === before.people[i])).toBe(false);
  });
});
