import type { Day } from "../model/primitives";
import type { CoverBand } from "../model/problem";

// Cover bands and week hours in the words a coordinator reads: the page's timeline says a bar this
// way, and a setup revision's change words say what changed this way. No library and no schema
// module (zod's eval probe breaks the page's Content-Security-Policy): the page bundles this file.

const DAYS: readonly Day[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const DAY_SHORT: Record<Day, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};
export const dayShort = (day: Day): string => DAY_SHORT[day];

/** "Mon–Thu", "Sat, Sun", "Mon, Wed–Fri": runs of three or more days joined with a dash. */
export function daysInWords(days: readonly Day[]): string {
  const at = DAYS.map((d) => days.includes(d));
  const parts: string[] = [];
  for (let i = 0; i < at.length; i += 1) {
    if (!at[i]) continue;
    let j = i;
    while (at[j + 1]) j += 1;
    if (j - i >= 2) parts.push(`${dayShort(DAYS[i] as Day)}–${dayShort(DAYS[j] as Day)}`);
    else parts.push(...DAYS.slice(i, j + 1).map(dayShort));
    i = j;
  }
  return parts.join(", ") || "no day";
}

type Numbers = Pick<CoverBand, "min" | "target" | "max">;

/** "min 1, target 2, max 3" (target and max only when given). */
export function numbersInWords(band: Numbers): string {
  return [
    `min ${band.min}`,
    band.target !== undefined && `target ${band.target}`,
    band.max !== undefined && `max ${band.max}`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** "Fri 08:30–17:00, min 1" */
export const bandInWords = (band: Pick<CoverBand, "days" | "from" | "to"> & Numbers): string =>
  `${daysInWords(band.days)} ${band.from}–${band.to}, ${numbersInWords(band)}`;

/**
 * A point's bands before and after, band by band ("Fri 08:30–17:00, min 1 → Fri 09:30–16:00, min 1",
 * "added …", "removed …"): bands have no id, so the n-th band before is compared with the n-th after.
 */
export function coverChangeWords(before: readonly CoverBand[], after: readonly CoverBand[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const was = before[i];
    const now = after[i];
    if (was && now) {
      if (bandInWords(was) !== bandInWords(now)) words.push(`${bandInWords(was)} → ${bandInWords(now)}`);
    } else if (was) words.push(`removed ${bandInWords(was)}`);
    else if (now) words.push(`added ${bandInWords(now)}`);
  }
  return words;
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
});
/** "Fri 25 Dec 2026" from "2026-12-25" (a dated exception's day). */
export const dateInWords = (iso: string): string => DATE.format(new Date(`${iso}T00:00:00Z`)).replace(",", "");

type Windows = readonly (readonly [string, string])[];
type WeekHours = { readonly [D in Day]?: Windows | undefined };

export const windowsInWords = (windows: Windows): string =>
  windows.length ? windows.map(([from, to]) => `${from}–${to}`).join(", ") : "closed";

/**
 * Week hours before and after, day by day: "Tue 09:00–17:00 added", "Mon 09:00–12:00 removed",
 * "Wed 09:00–17:00 → 09:00–13:00".
 */
export function weekHoursChangeWords(before: WeekHours | undefined, after: WeekHours | undefined): string[] {
  const words: string[] = [];
  for (const day of DAYS) {
    const was = before?.[day] ?? [];
    const now = after?.[day] ?? [];
    if (windowsInWords(was) === windowsInWords(now)) continue;
    if (!was.length) words.push(`${dayShort(day)} ${windowsInWords(now)} added`);
    else if (!now.length) words.push(`${dayShort(day)} ${windowsInWords(was)} removed`);
    else words.push(`${dayShort(day)} ${windowsInWords(was)} → ${windowsInWords(now)}`);
  }
  return words;
}
