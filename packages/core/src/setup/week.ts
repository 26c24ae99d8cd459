import { DateTime } from "luxon";
import { parseProblem } from "../model/parse";
import { DAYS, type Day, type WeekHours } from "../model/primitives";
import type { Absence, Person, Problem, Site } from "../model/problem";
import { DeskrotaInputError } from "../solve/errors";
import { parseDated, weekDates } from "../time/week";
import { applyCarry, type Carry } from "./carry";
import type { AbsenceEntry, AvailabilityEntry, DatedEntry } from "./entries";
import type { Setup, SetupPerson } from "./schema";

export interface WeekRequest {
  setup: Setup;
  /** the Monday of the week, ISO date */
  weekStart: string;
  entries?: DatedEntry[];
  carry?: Carry;
}

/**
 * The week's v1 problem from the standing data: that week's site exceptions, absences and
 * availability exceptions, then the carry-over (docs/setup.md). Throws DeskrotaInputError when the
 * week start is not a Monday or the result is not a valid problem.
 */
export function buildWeekProblem({ setup, weekStart, entries = [], carry }: WeekRequest): Problem {
  const monday = DateTime.fromISO(weekStart, { zone: "UTC" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart) || !monday.isValid || monday.weekday !== 1) {
    const message = monday.isValid
      ? `${weekStart} is a ${monday.toFormat("cccc")}; the week must start on a Monday`
      : `${weekStart} is not an ISO date YYYY-MM-DD`;
    throw new DeskrotaInputError([{ path: "weekStart", code: "not_monday", message }]);
  }
  const dates = weekDates(weekStart);
  const from = DateTime.fromISO(weekStart, { zone: setup.timeZone }).toMillis();
  const to = DateTime.fromISO(weekStart, { zone: setup.timeZone }).plus({ days: 7 }).toMillis();
  const { training: _policy, ...standing } = setup;
  const built: Problem = {
    ...standing,
    weekStart,
    sites: setup.sites.map((site) => weekSite(site, dates)),
    people: setup.people.map((person) => weekPerson(person, entries, dates, [from, to], setup.timeZone)),
  };
  const problem = carry ? applyCarry(built, carry) : built;
  const parsed = parseProblem(problem);
  if (!parsed.ok) throw new DeskrotaInputError(parsed.issues);
  return problem;
}

function weekSite(site: Site, dates: string[]): Site {
  if (site.exceptions === undefined) return site;
  const { exceptions, ...rest } = site;
  const kept = exceptions.filter((e) => dates.includes(e.date));
  return kept.length > 0 || exceptions.length === 0 ? { ...rest, exceptions: kept } : rest;
}

function weekPerson(
  person: SetupPerson,
  entries: DatedEntry[],
  dates: string[],
  [weekFrom, weekTo]: [number, number],
  zone: string,
): Person {
  const mine = entries.filter((e) => e.person === person.id);
  const absences: Absence[] = mine
    .filter((e): e is AbsenceEntry => e.kind === "absence")
    .flatMap((e) => {
      const start = parseDated(e.from, zone);
      const end = parseDated(e.to, zone);
      if (end <= weekFrom || start >= weekTo) return [];
      const absence: Absence = {
        from: start < weekFrom ? localText(weekFrom, zone) : e.from,
        to: end > weekTo ? localText(weekTo, zone) : e.to,
      };
      return [e.reason === undefined ? absence : { ...absence, reason: e.reason }];
    });
  const exceptions = mine.filter((e): e is AvailabilityEntry => e.kind === "availability" && dates.includes(e.date));
  let result: Person = person;
  if (exceptions.length > 0) {
    const availability: WeekHours = { ...person.availability };
    for (const e of exceptions) {
      const day = DAYS[dates.indexOf(e.date)] as Day;
      if (e.available.length > 0) availability[day] = e.available;
      else delete availability[day];
    }
    result = { ...result, availability };
  }
  return absences.length > 0 ? { ...result, absences } : result;
}

const localText = (instant: number, zone: string) =>
  DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * How a coordinator starts from a problem file: its standing data, and its absences as dated
 * entries. Pins belong to one week and are not kept.
 */
export function setupFromProblem(problem: Problem): { setup: Setup; entries: DatedEntry[] } {
  const { weekStart: _week, pinned: _pins, people, ...standing } = problem;
  const entries: DatedEntry[] = [];
  const setupPeople = people.map(({ absences, ...person }) => {
    (absences ?? []).forEach((a, i) => {
      const entry: AbsenceEntry = {
        id: `${person.id}-${problem.weekStart}-${i + 1}`,
        kind: "absence",
        person: person.id,
        from: a.from,
        to: a.to,
      };
      entries.push(a.reason === undefined ? entry : { ...entry, reason: a.reason });
    });
    return person;
  });
  return { setup: { ...standing, people: setupPeople }, entries };
}
