import { type DatedEntry, parseDated, parseEntries, type Setup } from "@deskrota/core";
import { DateTime } from "luxon";
import { ApiError, issuesIn } from "../http/errors";
import type { NewEntry as Stored } from "../store/entries";
import type { NewEntry } from "../http/setup-schemas";

const localDay = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).toISODate() as string;

/** The entry as the store keeps it: the local days it touches say which weeks it belongs to. */
export function entryDays(entry: DatedEntry | NewEntry, setup: Setup): Stored {
  const { id: _id, ...rest } = entry as DatedEntry;
  if (rest.kind === "availability")
    return { kind: rest.kind, person: rest.person, firstDay: rest.date, lastDay: rest.date, entry: rest };
  const from = parseDated(rest.from, setup.timeZone);
  // An absence ending at midnight does not touch the day that midnight begins.
  const to = Math.max(from, parseDated(rest.to, setup.timeZone) - 1);
  return {
    kind: rest.kind,
    person: rest.person,
    firstDay: localDay(from, setup.timeZone),
    lastDay: localDay(to, setup.timeZone),
    entry: rest,
  };
}

/**
 * New entries checked against the setup (people exist, intervals and the slot grid), or a 400
 * listing every issue at its path under `at` in the body.
 */
export function checkedEntries(input: readonly NewEntry[], setup: Setup, at: string): Stored[] {
  // The core checks whole entries; ids are the store's to give, so placeholders stand in for them.
  const parsed = parseEntries(
    input.map((e, i) => ({ id: `new-${i}`, ...e })),
    setup,
  );
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => ({ ...i, path: [at, i.path].filter(Boolean).join(".") }));
    throw new ApiError(400, "DESKROTA_E_INPUT", `the entries are invalid (${issues.length} issues)`, {
      issues: issuesIn("body", issues),
    });
  }
  return parsed.value.map((e) => entryDays(e, setup));
}
