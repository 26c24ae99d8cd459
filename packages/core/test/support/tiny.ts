import { check, type CheckReport } from "../../src/check";
import { parseProblem } from "../../src/model/parse";
import type { Problem } from "../../src/model/problem";
import type { Assignment, RotaInput, Uncovered } from "../../src/model/rota";
import { GAP_RULES } from "../../src/rules";

/**
 * Hand-made problems for the rule tests: small enough to reason about by hand, valid format v1.
 * The week starts on Monday 23 November 2026; London is on UTC+0 then, so "09:00" on the wall
 * clock is 09:00Z and the offsets in the checker's messages read "+00:00".
 */
export const MONDAY = "2026-11-23";
export const TUESDAY = "2026-11-24";

type Json = Record<string, unknown>;

const ALWAYS = {
  mon: [["00:00", "24:00"]],
  tue: [["00:00", "24:00"]],
  wed: [["00:00", "24:00"]],
  thu: [["00:00", "24:00"]],
  fri: [["00:00", "24:00"]],
  sat: [["00:00", "24:00"]],
  sun: [["00:00", "24:00"]],
};

/** A staff member who may lead and hold keys, independent on the help desk, always available. */
export function staff(id: string, extra: Json = {}): Json {
  return {
    id,
    name: id,
    role: "staff",
    sites: ["main"],
    hours: { target: 4, max: 20 },
    training: { helpdesk: "independent" },
    qualifications: ["lead", "keyholder"],
    availability: ALWAYS,
    ...extra,
  };
}

/** A student: no lead, no keys, independent on the help desk. */
export function student(id: string, extra: Json = {}): Json {
  return staff(id, { role: "student", qualifications: [], training: { helpdesk: "independent" }, ...extra });
}

export function point(id: string, kind: string, cover: Json[], extra: Json = {}): Json {
  return { id, name: id, kind, cover, ...extra };
}

export function band(days: string[], from: string, to: string, min: number, extra: Json = {}): Json {
  return { days, from, to, min, ...extra };
}

/** A site open on Monday 09:00–13:00 with a help desk needing one person throughout. */
export function site(id = "main", extra: Json = {}): Json {
  return {
    id,
    name: id,
    open: { mon: [["09:00", "13:00"]] },
    servicePoints: [point(id === "main" ? "desk" : `${id}-desk`, "helpdesk", [band(["mon"], "09:00", "13:00", 1)])],
    ...extra,
  };
}

/** The default site's desk open Monday and Tuesday mornings, one person needed throughout. */
export const twoMornings = (): Json =>
  site("main", {
    open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
    servicePoints: [point("desk", "helpdesk", [band(["mon", "tue"], "09:00", "13:00", 1)])],
  });

/** A valid problem: the defaults above unless overridden; throws with every issue when invalid. */
export function tinyProblem(overrides: Json = {}): Problem {
  const input = {
    version: 1,
    weekStart: MONDAY,
    timeZone: "Europe/London",
    slotMinutes: 30,
    sites: [site()],
    people: [staff("ann")],
    ...overrides,
  };
  const parsed = parseProblem(input);
  if (!parsed.ok)
    throw new Error(`test problem is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.value;
}

/** One stint on a local date (Europe/London): `stint("ann", "desk", "09:00", "11:00")`. */
export function stint(
  person: string,
  pointId: string,
  from: string,
  to: string,
  date = MONDAY,
  extra: Partial<Assignment> = {},
): Assignment {
  return { person, point: pointId, start: `${date}T${from}`, end: `${date}T${to}`, ...extra };
}

export function gap(
  rule: NonNullable<Uncovered["rule"]>,
  where: string,
  from: string,
  to: string,
  missing = 1,
  date = MONDAY,
): Uncovered {
  return {
    rule,
    ...(rule === "cover" ? { point: where } : { site: where }),
    start: `${date}T${from}`,
    end: `${date}T${to}`,
    missing,
    reason: "left open in the test",
  };
}

export function rota(assignments: Assignment[], uncovered: Uncovered[] = []): RotaInput {
  return { assignments, uncovered };
}

/** The ids of the rules a report says are broken, each once, in order. */
export function brokenRules(report: CheckReport): string[] {
  return [...new Set(report.violations.map((v) => v.rule))];
}

/** Violations of hard rules only (a decoded model solution carries no `uncovered` list to judge). */
export function hardViolations(problem: Problem, input: RotaInput) {
  const gapIds = new Set(GAP_RULES.map((r) => r.id));
  return check(problem, input).violations.filter((v) => !gapIds.has(v.rule));
}

/** "09:00" on Monday as the checker writes it. */
export function at(time: string, date = MONDAY, offset = "+00:00"): string {
  return `${date}T${time}:00.000${offset}`;
}
