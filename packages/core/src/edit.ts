import { z } from "zod";
import { check, scoreRota } from "./check";
import { compile, placementsOf } from "./compile/instance";
import { applyChange } from "./model/change";
import type { Issue } from "./model/parse";
import { toIssues } from "./model/parse";
import type { Problem } from "./model/problem";
import { Assignment, type Rota } from "./model/rota";
import { GAP_RULES, SOFT_GOALS } from "./rules";
import { loadPlacements } from "./solve/load";
import { rotaOf } from "./solve/output";
import { SearchState } from "./solve/search/state";
import { parseDated } from "./time/week";

// A coordinator's edits by hand: put someone into a cell, take them out, move a stint, pin one.
// The result is judged by the independent checker like any rota: an edit that breaks a hard rule is
// refused with the rule in words; soft costs (fairness, preferences…) are allowed and reported.

const Stint = Assignment.pick({ person: true, point: true, start: true, end: true });

export const Edit = z.strictObject({
  add: z.array(Assignment).optional(),
  remove: z.array(Stint).optional(),
  move: z.array(z.strictObject({ from: Stint, to: Stint })).optional(),
  /** stints of the rota after the edit that later re-solves must keep */
  pin: z.array(Stint).optional(),
});
export type Edit = z.infer<typeof Edit>;
type StintOf = z.infer<typeof Stint>;

/** A hard rule the edited rota would break, in words. */
export interface Broken {
  rule: string;
  message: string;
}

/** A soft goal's score moving by `change` points (positive: worse). */
export interface SoftCost {
  rule: string;
  change: number;
}

export type EditOutcome =
  | { ok: true; problem: Problem; rota: Rota; costs: SoftCost[] }
  | { ok: false; issues: Issue[]; broken: Broken[] };

const refused = (issues: Issue[], broken: Broken[] = []): EditOutcome => ({ ok: false, issues, broken });

export function parseEdit(input: unknown): { ok: true; value: Edit } | { ok: false; issues: Issue[] } {
  const result = Edit.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

/**
 * The rota after the edit, in this order: removals and moves' origins go, additions and moves'
 * destinations come, pins join the problem. Refused (nothing applied) when a stint named is not
 * in the rota, names an unknown person or point, or the result breaks a hard rule.
 */
export function applyEdit(problem: Problem, rota: Pick<Rota, "assignments" | "uncovered">, edit: Edit): EditOutcome {
  const zone = problem.timeZone;
  const instant = (text: string) => parseDated(text, zone);
  const same = (a: StintOf, b: StintOf) =>
    a.person === b.person &&
    a.point === b.point &&
    instant(a.start) === instant(b.start) &&
    instant(a.end) === instant(b.end);
  const people = new Set(problem.people.map((p) => p.id));
  const points = new Set(problem.sites.flatMap((s) => s.servicePoints.map((k) => k.id)));
  const issues: Issue[] = [];
  const known = (s: StintOf, path: string) => {
    if (!people.has(s.person))
      issues.push({ path: `${path}.person`, code: "unknown_reference", message: `there is no person ${s.person}` });
    if (!points.has(s.point))
      issues.push({
        path: `${path}.point`,
        code: "unknown_reference",
        message: `there is no service point ${s.point}`,
      });
    if (!(instant(s.start) < instant(s.end)))
      issues.push({ path: `${path}.end`, code: "invalid_range", message: "must be after the start" });
  };
  const going = [
    ...(edit.remove ?? []).map((s, i) => ({ s, path: `remove.${i}` })),
    ...(edit.move ?? []).map((m, i) => ({ s: m.from, path: `move.${i}.from` })),
  ];
  const coming = [
    ...(edit.add ?? []).map((s, i) => ({ s, path: `add.${i}` })),
    ...(edit.move ?? []).map((m, i) => ({ s: m.to, path: `move.${i}.to` })),
  ];
  if (!going.length && !coming.length && !edit.pin?.length)
    issues.push({ path: "", code: "empty", message: "the edit changes nothing: add, remove, move or pin a stint" });
  for (const { s, path } of [...going, ...coming, ...(edit.pin ?? []).map((s, i) => ({ s, path: `pin.${i}` }))])
    known(s, path);
  for (const { s, path } of going)
    if (!rota.assignments.some((a) => same(a, s)))
      issues.push({
        path,
        code: "not_in_rota",
        message: `${s.person} has no stint on ${s.point} from ${s.start} to ${s.end}`,
      });
  if (issues.length) return refused(issues);

  const assignments = [
    ...rota.assignments.filter((a) => !going.some(({ s }) => same(a, s))),
    ...coming.map(({ s }) => s),
  ];
  for (const [i, pin] of (edit.pin ?? []).entries())
    if (!assignments.some((a) => same(a, pin)))
      issues.push({ path: `pin.${i}`, code: "not_in_rota", message: "only a stint of the edited rota can be pinned" });
  if (issues.length) return refused(issues);
  const applied = applyChange(problem, edit.pin?.length ? { pin: edit.pin } : {});
  if (!applied.ok) return refused(applied.issues);
  const next = applied.value;

  // Hard rules on the stints as asked (back-to-back pieces joined, as the rota will show them); the
  // gap rules wait for the gaps, worked out below.
  const gapRules = new Set(GAP_RULES.map((r) => r.id));
  const hard = check(next, { assignments: joined(assignments, instant) }).violations.filter(
    (v) => !gapRules.has(v.rule),
  );
  if (hard.length)
    return refused(
      [],
      hard.map(({ rule, message }) => ({ rule, message })),
    );

  const inst = compile(next);
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, assignments));
  const edited = rotaOf(state, {
    status: "feasible",
    backend: "edit",
    timeMs: 0,
    objective: Math.round(state.objective * 1000) / 1000,
    bestBound: null,
    gap: null,
  });
  // A stint off the point's open slots cannot be placed at all: say so rather than drop it.
  const placed = (s: StintOf) =>
    edited.assignments.some(
      (a) =>
        a.person === s.person &&
        a.point === s.point &&
        instant(a.start) <= instant(s.start) &&
        instant(s.end) <= instant(a.end),
    );
  const unplaced = coming.filter(({ s }) => !placed(s));
  if (unplaced.length)
    return refused(
      [],
      unplaced.map(({ s, path }) => ({
        rule: "point-open",
        message: `${path}: ${s.point} is not open (or not on the slot grid) from ${s.start} to ${s.end}`,
      })),
    );
  // The checker judges the finished rota like any other: a hard rule broken refuses the edit.
  const verdict = check(next, edited);
  if (!verdict.valid)
    return refused(
      [],
      verdict.violations.map(({ rule, message }) => ({ rule, message })),
    );
  return { ok: true, problem: next, rota: edited, costs: softCosts(problem, rota, next, edited) };
}

/** Stints of one person at one point that meet end to start, as one. */
function joined(assignments: Assignment[], instant: (text: string) => number): Assignment[] {
  const sorted = [...assignments].sort(
    (a, b) => a.person.localeCompare(b.person) || a.point.localeCompare(b.point) || instant(a.start) - instant(b.start),
  );
  const out: Assignment[] = [];
  for (const a of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.person === a.person &&
      last.point === a.point &&
      Boolean(last.shadowing) === Boolean(a.shadowing) &&
      instant(last.end) === instant(a.start)
    )
      out[out.length - 1] = { ...last, end: a.end };
    else out.push(a);
  }
  return out;
}

function softCosts(
  problem: Problem,
  before: Pick<Rota, "assignments" | "uncovered">,
  next: Problem,
  after: Rota,
): SoftCost[] {
  const was = scoreRota(problem, before).byRule;
  const now = scoreRota(next, after).byRule;
  return [...GAP_RULES, ...SOFT_GOALS]
    .map((r) => ({ rule: r.id, change: Math.round(((now[r.id] ?? 0) - (was[r.id] ?? 0)) * 10) / 10 }))
    .filter((c) => c.change !== 0);
}
