import { DateTime } from "luxon";
import { parseDated } from "../time/week";
import { isEmptyChange, sameAbsence, type Change } from "./change";
import type { Issue } from "./parse";
import type { Problem } from "./problem";

/**
 * What is wrong with a change before anything is repaired: `invalid` cannot be a change at all
 * (empty, outside the week); `conflicts` contradict what is already recorded or what time allows
 * (an absence recorded already, one that ended before now, a week that is over). Either way nothing
 * new is created: a version that changes nothing would only bury the one before it.
 */
export function changeIssues(problem: Problem, change: Change, now: string): { invalid: Issue[]; conflicts: Issue[] } {
  const invalid: Issue[] = [];
  const conflicts: Issue[] = [];
  if (isEmptyChange(change)) {
    invalid.push({
      path: "",
      code: "empty_change",
      message:
        "the change has nothing in it (no absence, removed absence, availability, person, pin or cover band): " +
        "nothing to repair",
    });
    return { invalid, conflicts };
  }
  const zone = problem.timeZone;
  const monday = DateTime.fromISO(problem.weekStart, { zone });
  const [weekFrom, weekTo] = [monday.toMillis(), monday.plus({ days: 7 }).toMillis()];
  const day = (d: DateTime) => d.toFormat("ccc d LLL yyyy");
  const week = `the week of ${day(monday)} – ${day(monday.plus({ days: 6 }))}`;
  const at = parseDated(now, zone);
  if (at >= weekTo) {
    conflicts.push({
      path: "",
      code: "week_over",
      message: `${week} ended before now (${now}): nothing in it can change any more`,
    });
    return { invalid, conflicts };
  }
  const recorded = new Map(problem.people.map((p) => [p.id, [...(p.absences ?? [])]]));
  change.removeAbsences?.forEach((removed, i) => {
    const path = `removeAbsences.${i}`;
    const own = recorded.get(removed.person) ?? [];
    if (!own.some((a) => sameAbsence(a, removed, zone))) {
      conflicts.push({
        path,
        code: "unknown_absence",
        message: `${removed.person} has no absence recorded from ${removed.from} to ${removed.to}`,
      });
      return;
    }
    if (parseDated(removed.to, zone) <= at) {
      conflicts.push({
        path,
        code: "in_the_past",
        message:
          `${removed.person}'s absence ${removed.from} – ${removed.to} ended before now (${now}); nothing ` +
          `before now changes, so taking it out would change nothing`,
      });
      return;
    }
    // Taken out of the record first: the same change may record the corrected absence.
    recorded.set(
      removed.person,
      own.filter((a) => !sameAbsence(a, removed, zone)),
    );
  });
  change.absences?.forEach((absence, i) => {
    const [from, to] = [parseDated(absence.from, zone), parseDated(absence.to, zone)];
    const path = `absences.${i}`;
    if (to <= weekFrom || from >= weekTo) {
      invalid.push({
        path,
        code: "outside_week",
        message: `${absence.from} – ${absence.to} lies outside ${week}, the week this rota is for`,
      });
      return;
    }
    if (to <= at) {
      conflicts.push({
        path,
        code: "in_the_past",
        message:
          `${absence.person}'s absence ${absence.from} – ${absence.to} ends before now (${now}); nothing ` +
          `before now changes, so it would change nothing`,
      });
      return;
    }
    const own = recorded.get(absence.person) ?? [];
    const covering = own.find((a) => parseDated(a.from, zone) <= from && to <= parseDated(a.to, zone));
    if (covering) {
      conflicts.push({
        path,
        code: "duplicate_absence",
        message: `${absence.person} is already recorded as absent from ${covering.from} to ${covering.to}`,
      });
      return;
    }
    recorded.set(absence.person, [...own, absence]);
  });
  return { invalid, conflicts };
}
