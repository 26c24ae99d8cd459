import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { check } from "../../src/check";
import { applyChange, type Change } from "../../src/model/change";
import type { Problem } from "../../src/model/problem";
import type { Assignment, Rota } from "../../src/model/rota";
import { resolve } from "../../src/solve/resolve";
import { solve } from "../../src/solve/solve";
import { example as loadExample } from "../support/examples";

/**
 * The absences coordinators phone in, on the shared examples: a lead off sick on a weekday
 * afternoon, a student missing a weekend morning. Deterministic runs with small work budgets:
 * the published rota is whatever a short solve gives, and the repair must still be small.
 */
const PUBLISH_BUDGET = 200;
const RESOLVE_BUDGET = 300;
/** Changes a one-person, half-day absence may cause: the absent person's stints and a few to fill them. */
const SMALL = 12;

/** Local dates of the week (Monday 23 November 2026). The small campus staffs its weekends with staff only. */
const WEEKDAY_CASES = [
  { example: "typical-week", weekday: "2026-11-24" },
  { example: "small-campus", weekday: "2026-11-25" },
];
const WEEKEND_CASES = [{ example: "typical-week", weekend: "2026-11-28" }];

describe.each(WEEKDAY_CASES)("re-solving $example after a lead's absence", ({ example, weekday }) => {
  it("takes a lead off sick for a weekday afternoon with a small repair, told in words", () => {
    const { problem, published } = publishedRota(example);
    const lead = firstWorking(
      problem,
      published,
      (p) => p.qualifications?.includes("lead") === true,
      weekday,
      "12:00",
      "18:00",
    );
    const absence = { person: lead.id, from: `${weekday}T12:00`, to: `${weekday}T18:00`, reason: "sick" };
    expectSmallRepair(problem, published, { absences: [absence] }, `${weekday}T08:00`, lead, absence);
  });
});

describe.each(WEEKEND_CASES)("re-solving $example after a student's absence", ({ example, weekend }) => {
  it("takes a student off for a weekend morning with a small repair, told in words", () => {
    const { problem, published } = publishedRota(example);
    const learner = firstWorking(problem, published, (p) => p.role === "student", weekend, "08:00", "13:00");
    const absence = { person: learner.id, from: `${weekend}T08:00`, to: `${weekend}T13:00`, reason: "exam" };
    // Friday evening, before the weekend.
    const friday = DateTime.fromISO(weekend).minus({ days: 1 }).toISODate();
    expectSmallRepair(problem, published, { absences: [absence] }, `${friday}T17:00`, learner, absence);
  });
});

const publishedByExample = new Map<string, { problem: Problem; published: Rota }>();
/** The example and the rota a short deterministic solve publishes for it, solved once per file. */
function publishedRota(example: string): { problem: Problem; published: Rota } {
  const known = publishedByExample.get(example);
  if (known) return known;
  const problem = loadExample(example);
  const made = { problem, published: solve(problem, { workBudget: PUBLISH_BUDGET, seed: 1 }) };
  publishedByExample.set(example, made);
  return made;
}

function expectSmallRepair(
  problem: Problem,
  published: Rota,
  change: Change,
  now: string,
  person: Problem["people"][number],
  absence: { from: string; to: string },
) {
  const result = resolve(problem, published, change, { now, workBudget: RESOLVE_BUDGET, seed: 1 });
  const changed = applyChange(problem, change);
  if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
  expect(check(changed.value, result.rota).violations).toEqual([]);

  const zone = problem.sites.find((s) => person.sites.includes(s.id))?.timeZone ?? problem.timeZone;
  const from = DateTime.fromISO(absence.from, { zone }).toMillis();
  const to = DateTime.fromISO(absence.to, { zone }).toMillis();
  // The absent person works nothing inside the absence, and every stint of theirs it touched is in the words.
  expect(
    result.rota.assignments.filter(
      (a) => a.person === person.id && Date.parse(a.start) < to && from < Date.parse(a.end),
    ),
  ).toEqual([]);
  const touched = published.assignments.filter(
    (a) => a.person === person.id && Date.parse(a.start) < to && from < Date.parse(a.end),
  );
  expect(touched.length).toBeGreaterThan(0);
  const name = displayName(problem, person);
  for (const stint of touched) {
    // Inside the absence a stint goes; one it cuts short changes (or goes, if too little is left).
    const told = `${pointName(problem, stint.point)} ${when(stint, zone)}`;
    expect(result.diff.words).toContainEqual(
      expect.toSatisfy(
        (line: string) => line === `${name}: no longer on ${told}` || line.startsWith(`${name}: ${told} becomes `),
      ),
    );
  }
  // Small, and every line of it is a change a coordinator can read.
  expect(result.diff.changes).toBeLessThanOrEqual(SMALL);
  expect(result.diff.words).toHaveLength(result.diff.changes);
  // Nothing before the re-solve moved.
  const nowMs = DateTime.fromISO(now, { zone: problem.timeZone }).toMillis();
  const past = (rota: Rota) =>
    rota.assignments
      .filter((a) => Date.parse(a.start) < nowMs)
      .map(key)
      .sort();
  expect(past(result.rota)).toEqual(past(published));
}

/** The first person (by id) matching `who` who works on `date` between `from` and `to` in the published rota. */
function firstWorking(
  problem: Problem,
  rota: Rota,
  who: (p: Problem["people"][number]) => boolean,
  date: string,
  from: string,
  to: string,
) {
  const zone = problem.timeZone;
  const start = DateTime.fromISO(`${date}T${from}`, { zone }).toMillis();
  const end = DateTime.fromISO(`${date}T${to}`, { zone }).toMillis();
  const working = (id: string) =>
    rota.assignments.some((a) => a.person === id && Date.parse(a.start) < end && start < Date.parse(a.end));
  const found = [...problem.people].sort((a, b) => a.id.localeCompare(b.id)).find((p) => who(p) && working(p.id));
  if (!found) throw new Error(`nobody fitting works on ${date} ${from}–${to} in the published rota`);
  return found;
}

/** How the diff names a person: by name, with the id when someone else has the same name. */
function displayName(problem: Problem, person: Problem["people"][number]): string {
  return problem.people.filter((p) => p.name === person.name).length > 1
    ? `${person.name} (${person.id})`
    : person.name;
}

function pointName(problem: Problem, id: string): string {
  return problem.sites.flatMap((s) => s.servicePoints).find((p) => p.id === id)?.name ?? id;
}

/** "Tue 24 Nov 12:00–14:00" in the site's zone, as the diff tells it. */
function when(a: Assignment, zone: string): string {
  const start = DateTime.fromISO(a.start, { zone });
  return `${start.toFormat("ccc d LLL HH:mm")}–${DateTime.fromISO(a.end, { zone }).toFormat("HH:mm")}`;
}

function key(a: Assignment): string {
  return `${a.person} ${a.point} ${Date.parse(a.start)} ${Date.parse(a.end)}`;
}
