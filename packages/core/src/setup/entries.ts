import { z } from "zod";
import { DateTimeText, Id, IsoDate, Window, minutesOf } from "../model/primitives";
import { type Issue, type Parsed, toIssues } from "../model/parse";
import { parseDated } from "../time/week";
import type { Setup } from "./schema";

/** A dated absence of one person, local to the setup's zone unless it carries an offset. */
export const AbsenceEntry = z.strictObject({
  id: Id,
  kind: z.literal("absence"),
  person: Id,
  from: DateTimeText,
  to: DateTimeText,
  reason: z.string().optional(),
});
export type AbsenceEntry = z.infer<typeof AbsenceEntry>;

/** On `date` the person's availability is `available` instead of their weekly pattern (empty = not at all). */
export const AvailabilityEntry = z.strictObject({
  id: Id,
  kind: z.literal("availability"),
  person: Id,
  date: IsoDate,
  available: z.array(Window),
  note: z.string().optional(),
});
export type AvailabilityEntry = z.infer<typeof AvailabilityEntry>;

export const DatedEntry = z.discriminatedUnion("kind", [AbsenceEntry, AvailabilityEntry], {
  error: () => ({ message: 'kind must be "absence" or "availability"' }),
});
export type DatedEntry = z.infer<typeof DatedEntry>;

/** What the entries' fields cannot check alone: unique ids, people of the setup, intervals, the grid. */
export function checkEntries(entries: DatedEntry[], setup: Setup, base: (string | number)[] = []): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], code: string, message: string) =>
    issues.push({ path: [...base, ...path].join("."), code, message });
  const people = new Set(setup.people.map((p) => p.id));
  const ids = new Set<string>();
  const days = new Set<string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id)) add([i, "id"], "duplicate_id", `entry id ${entry.id} is used twice`);
    ids.add(entry.id);
    if (!people.has(entry.person)) add([i, "person"], "unknown_reference", `there is no person ${entry.person}`);
    if (entry.kind === "absence") {
      if (parseDated(entry.from, setup.timeZone) >= parseDated(entry.to, setup.timeZone)) {
        add([i, "to"], "bad_interval", `the absence must start before it ends (${entry.from} – ${entry.to})`);
      }
      return;
    }
    const day = `${entry.person}|${entry.date}`;
    if (days.has(day)) add([i, "date"], "duplicate_date", `${entry.person} has two exceptions on ${entry.date}`);
    days.add(day);
    entry.available.forEach((window, w) => {
      window.forEach((time, t) => {
        if (minutesOf(time) % setup.slotMinutes !== 0) {
          add([i, "available", w, t], "off_grid", `${time} is not on the ${setup.slotMinutes}-minute slot grid`);
        }
      });
    });
  });
  return issues;
}

/** Parse a list of dated entries against a setup, listing every problem found. */
export function parseEntries(input: unknown, setup: Setup): Parsed<DatedEntry[]> {
  const result = z.array(DatedEntry).safeParse(input);
  if (!result.success) return { ok: false, issues: toIssues(result.error) };
  const issues = checkEntries(result.data, setup);
  return issues.length ? { ok: false, issues } : { ok: true, value: result.data };
}
