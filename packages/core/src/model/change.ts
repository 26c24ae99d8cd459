import { z } from "zod";
import { toIssues, type Issue, type Parsed } from "./parse";
import { Absence, CoverBand, Person, Pin, Problem } from "./problem";
import { Id, WeekHours } from "./primitives";
import { parseDated } from "../time/week";
import { absenceIssues } from "./semantics";

/**
 * What changed since a rota was published, in the problem format's own shapes (docs/api.md).
 * Every part is optional; several may come together.
 */
export const Change = z.strictObject({
  absences: z.array(Absence.extend({ person: Id })).optional(),
  /** A mistaken absence taken out again: the one recorded on that person from the same instants. */
  removeAbsences: z.array(Absence.pick({ from: true, to: true }).extend({ person: Id })).optional(),
  availability: z.array(z.strictObject({ person: Id, availability: WeekHours })).optional(),
  addPeople: z.array(Person).optional(),
  removePeople: z.array(Id).optional(),
  pin: z.array(Pin).optional(),
  unpin: z.array(Pin).optional(),
  cover: z.array(z.strictObject({ point: Id, cover: z.array(CoverBand) })).optional(),
});
export type Change = z.infer<typeof Change>;

export function parseChange(input: unknown): Parsed<Change> {
  const result = Change.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** True when the change changes nothing. */
export function isEmptyChange(change: Change): boolean {
  return Object.values(change).every((part) => part === undefined || part.length === 0);
}

/**
 * Absences recorded or taken out, and nothing else: the change a re-solve mostly gets. The problem
 * after it differs from the valid one before only in those absences (and the pins they release).
 */
function absencesOnly(change: Change): boolean {
  return Object.entries(change).every(
    ([part, value]) => value === undefined || part === "absences" || part === "removeAbsences",
  );
}

/**
 * The problem after the change, validated again as a whole (an absence for an unknown person, a
 * pin that no longer fits, a band off the grid… are listed with their paths in the change; what
 * the change did not bring in keeps its path in the problem, marked as such). An absence releases
 * the absent person's pins it overlaps, as removing a person releases theirs. `problem` must be a
 * valid (parsed) problem: where the change only records or takes out absences, only the change is
 * validated (its shapes and each new absence's interval), and the problem after it shares what it
 * did not alter with `problem` (parsing the whole large example again cost ~10 ms a re-solve).
 */
export function applyChange(problem: Problem, change: Change): Parsed<Problem> {
  const issues: Issue[] = [];
  const people = new Map(problem.people.map((p) => [p.id, p]));
  const points = new Set(problem.sites.flatMap((s) => s.servicePoints.map((p) => p.id)));
  const known = (id: string, path: string) => {
    if (people.has(id)) return true;
    issues.push({ path, code: "unknown_reference", message: `there is no person ${id}` });
    return false;
  };
  const onlyAbsences = absencesOnly(change);
  // Only the absence lists of the people it names and the pins are altered below on that path: copies
  // of those alone; everyone else is the very object they were.
  const named = new Set([...(change.absences ?? []), ...(change.removeAbsences ?? [])].map((a) => a.person));
  const next: Problem = onlyAbsences
    ? {
        ...problem,
        people: problem.people.map((p) =>
          named.has(p.id) ? { ...p, ...(p.absences ? { absences: [...p.absences] } : {}) } : p,
        ),
      }
    : (JSON.parse(JSON.stringify(problem)) as Problem);
  const byId = new Map(next.people.map((p) => [p.id, p]));
  // Each part of the problem the change brought in, and its path in the change: what the whole
  // problem's validation finds there is reported where the coordinator wrote it.
  const from = new Map<object, string>();

  // Taken out before any are added, so one change can replace a mistaken absence with the right one.
  change.removeAbsences?.forEach((r, i) => {
    if (!known(r.person, `removeAbsences.${i}.person`)) return;
    const person = byId.get(r.person);
    const found = person?.absences?.findIndex((a) => sameAbsence(a, r, problem.timeZone)) ?? -1;
    if (person?.absences && found >= 0) person.absences.splice(found, 1);
    else
      issues.push({
        path: `removeAbsences.${i}`,
        code: "unknown_reference",
        message: `${r.person} has no absence recorded from ${r.from} to ${r.to}`,
      });
  });
  change.absences?.forEach((a, i) => {
    if (!known(a.person, `absences.${i}.person`)) return;
    const person = byId.get(a.person);
    const { person: _who, ...absence } = a;
    from.set(absence, `absences.${i}`);
    if (person) person.absences = [...(person.absences ?? []), absence];
    // Someone off sick cannot be kept where they were pinned: the absence releases those pins.
    const [away, back] = [parseDated(absence.from, problem.timeZone), parseDated(absence.to, problem.timeZone)];
    next.pinned = next.pinned?.filter(
      (pin) =>
        pin.person !== a.person ||
        !(parseDated(pin.start, problem.timeZone) < back && away < parseDated(pin.end, problem.timeZone)),
    );
  });
  change.availability?.forEach((a, i) => {
    if (!known(a.person, `availability.${i}.person`)) return;
    const person = byId.get(a.person);
    from.set(a.availability, `availability.${i}.availability`);
    if (person) person.availability = a.availability;
  });
  change.removePeople?.forEach((id, i) => {
    if (!known(id, `removePeople.${i}`)) return;
    next.people = next.people.filter((p) => p.id !== id);
    next.pinned = next.pinned?.filter((pin) => pin.person !== id);
    for (const p of next.people) if (p.mentor === id) delete p.mentor;
  });
  change.addPeople?.forEach((p, i) => {
    if (people.has(p.id))
      issues.push({ path: `addPeople.${i}.id`, code: "duplicate_id", message: `person ${p.id} already exists` });
    else next.people.push(p);
    from.set(p, `addPeople.${i}`);
  });
  change.unpin?.forEach((u, i) => {
    const before = next.pinned?.length ?? 0;
    next.pinned = next.pinned?.filter(
      (pin) => !(pin.person === u.person && pin.point === u.point && pin.start === u.start && pin.end === u.end),
    );
    if ((next.pinned?.length ?? 0) === before)
      issues.push({
        path: `unpin.${i}`,
        code: "unknown_reference",
        message: `${u.person} has no pin on ${u.point} from ${u.start} to ${u.end}`,
      });
  });
  change.pin?.forEach((pin, i) => {
    from.set(pin, `pin.${i}`);
  });
  if (change.pin?.length) next.pinned = [...(next.pinned ?? []), ...change.pin];
  change.cover?.forEach((c, i) => {
    if (!points.has(c.point)) {
      issues.push({
        path: `cover.${i}.point`,
        code: "unknown_reference",
        message: `there is no service point ${c.point}`,
      });
      return;
    }
    for (const site of next.sites)
      for (const point of site.servicePoints) if (point.id === c.point) point.cover = c.cover;
    from.set(c.cover, `cover.${i}.cover`);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (onlyAbsences) {
    const shapes = Change.safeParse(change);
    if (!shapes.success) return { ok: false, issues: toIssues(shapes.error) };
    const intervals = (change.absences ?? []).flatMap((a, i) =>
      absenceIssues(a, problem.timeZone, ["absences", i]).map((issue) => ({ ...issue, path: issue.path.join(".") })),
    );
    return intervals.length > 0 ? { ok: false, issues: intervals } : { ok: true, value: next };
  }
  const result = Problem.safeParse(next);
  if (result.success) return { ok: true, value: result.data };
  const paths = changePaths(next, from);
  return {
    ok: false,
    issues: toIssues(result.error).map((issue) => ({ ...issue, path: inChange(issue.path, paths) })),
  };
}

/** The same absence when it starts and ends at the same instants, however the times are written. */
export function sameAbsence(a: { from: string; to: string }, b: { from: string; to: string }, zone: string): boolean {
  return parseDated(a.from, zone) === parseDated(b.from, zone) && parseDated(a.to, zone) === parseDated(b.to, zone);
}

/** Problem path → change path, for every part of `next` the change brought in. */
function changePaths(next: Problem, from: Map<object, string>): [string, string][] {
  const paths: [string, string][] = [];
  const note = (part: object | undefined, path: string) => {
    const origin = part && from.get(part);
    if (origin) paths.push([path, origin]);
  };
  next.people.forEach((person, i) => {
    note(person, `people.${i}`);
    note(person.availability, `people.${i}.availability`);
    person.absences?.forEach((absence, j) => {
      note(absence, `people.${i}.absences.${j}`);
    });
  });
  next.pinned?.forEach((pin, i) => {
    note(pin, `pinned.${i}`);
  });
  next.sites.forEach((site, s) => {
    site.servicePoints.forEach((point, k) => {
      note(point.cover, `sites.${s}.servicePoints.${k}.cover`);
    });
  });
  return paths;
}

/** An issue's path in the change where the change brought that part in, else marked as the problem's. */
function inChange(path: string, paths: [string, string][]): string {
  const match = paths.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
  return match ? `${match[1]}${path.slice(match[0].length)}` : `(problem after the change) ${path}`;
}
