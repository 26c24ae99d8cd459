import { DAYS, type Day, type WeekHours, type Window } from "../../model/primitives";
import type { Preference, TrainingState } from "../../model/problem";

/** A cell that could not be read: the words for the coordinator. */
export class CellError extends Error {}

const DAY_NAMES: Record<string, Day> = Object.fromEntries(
  DAYS.flatMap((d) => {
    const full = { mon: "monday", tue: "tuesday", wed: "wednesday", thu: "thursday", fri: "friday" } as const;
    const long = (full as Record<string, string>)[d] ?? (d === "sat" ? "saturday" : "sunday");
    return [d, long, d === "tue" ? "tues" : d, d === "thu" ? "thur" : d, d === "thu" ? "thurs" : d].map((n) => [n, d]);
  }),
);
const label = (day: Day) => day.charAt(0).toUpperCase() + day.slice(1);
const pad = (n: number) => String(n).padStart(2, "0");

function day(text: string): Day {
  const found = DAY_NAMES[text.trim().toLowerCase().replace(/\.$/, "")];
  if (!found) throw new CellError(`"${text.trim()}" is not a day (Mon, Tue, … Sun)`);
  return found;
}

const GROUPS: Record<string, readonly Day[]> = {
  weekdays: DAYS.slice(0, 5),
  weekends: DAYS.slice(5),
  weekend: DAYS.slice(5),
  daily: DAYS,
  "every day": DAYS,
};

/** "Mon", "Mon/Wed", "Mon-Fri", "Sat, Sun", "weekdays", "daily" → days in week order. */
function days(text: string): Day[] {
  const picked = new Set<Day>();
  for (const part of text
    .split(/[/,&]|\band\b/i)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const group = GROUPS[part.toLowerCase().replace(/\s+/g, " ")];
    if (group) {
      for (const d of group) picked.add(d);
      continue;
    }
    const range = part.split(/\s*[-–]\s*/);
    if (range.length === 2) {
      const a = DAYS.indexOf(day(range[0] as string));
      const b = DAYS.indexOf(day(range[1] as string));
      if (b < a) throw new CellError(`"${part}" runs backwards`);
      for (let i = a; i <= b; i++) picked.add(DAYS[i] as Day);
    } else picked.add(day(part));
  }
  return DAYS.filter((d) => picked.has(d));
}

/** "9", "9:00", "09:00", "9am", "9.30 pm", "12pm", "17h30" → "HH:MM"; `end` reads midnight as 24:00. */
export function readTime(text: string, end = false): string {
  const t = text.trim().toLowerCase();
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(t);
  if (!m) throw new CellError(`"${text.trim()}" is not a time such as 09:00 or 9am`);
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.replace(/\./g, "");
  if (half) {
    if (hour < 1 || hour > 12) throw new CellError(`"${text.trim()}" is not a time such as 09:00 or 9am`);
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) {
    throw new CellError(`"${text.trim()}" is not a time between 00:00 and 24:00`);
  }
  if (end && hour === 0 && minute === 0) hour = 24;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * "09:00-17:00" (also "9am–5pm", "9 to 17") → a window. An end before the start written without
 * am/pm and before 12 is read in the afternoon, as people write shop hours: "9-5" is 09:00–17:00.
 */
export function readWindow(text: string): Window {
  const parts = text.trim().split(/\s*(?:[-–—]|\bto\b)\s*/i);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new CellError(`"${text.trim()}" is not a time range such as 09:00-17:00`);
  }
  const from = readTime(parts[0]);
  let to = readTime(parts[1], true);
  if (to <= from && !/[ap]\.?m/i.test(parts[1]) && to < "12:00") to = readTime(`${parts[1]}pm`);
  if (from >= to) throw new CellError(`"${text.trim()}" must start before it ends`);
  return [from, to];
}

const writeWindow = ([from, to]: Window) => `${from}-${to}`;

/** `Mon 09:00-17:00; Tue 12:00-20:00` (several windows of a day: `Mon 09:00-12:00, 13:00-17:00`). */
export function writeAvailability(hours: WeekHours | undefined): string {
  return DAYS.filter((d) => (hours?.[d] ?? []).length > 0)
    .map((d) => `${label(d)} ${(hours?.[d] ?? []).map(writeWindow).join(", ")}`)
    .join("; ");
}

export function readAvailability(text: string): WeekHours {
  const hours: WeekHours = {};
  for (const part of items(text)) {
    const m = /^([A-Za-z][A-Za-z./,&\s–-]*?)\s+(\d.*)$/.exec(part);
    if (!m) throw new CellError(`"${part}" is not a day and times such as Mon 09:00-17:00`);
    const windows = (m[2] as string).split(",").map(readWindow);
    for (const d of days(m[1] as string)) hours[d] = [...(hours[d] ?? []), ...windows];
  }
  for (const d of DAYS) hours[d]?.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return hours;
}

/** `Reception: independent; Help Desk: shadowing`: each kind or point id written as `label` names it. */
export function writeTraining(
  training: Record<string, TrainingState> | undefined,
  label: (key: string) => string = (key) => key,
): string {
  return Object.entries(training ?? {})
    .map(([key, state]) => `${label(key)}: ${state}`)
    .join("; ");
}

export function readTraining(text: string, resolve: (label: string) => string): Record<string, TrainingState> {
  const training: Record<string, TrainingState> = {};
  for (const part of items(text)) {
    const m = /^(.+?)\s*[:=]\s*(.+)$/.exec(part);
    if (!m) throw new CellError(`"${part}" is not a point and a state such as Reception: independent`);
    const state = (m[2] as string).trim().toLowerCase();
    if (state !== "none" && state !== "shadowing" && state !== "independent") {
      throw new CellError(`"${(m[2] as string).trim()}" is not a training state (none, shadowing, independent)`);
    }
    const key = resolve((m[1] as string).trim());
    if (key in training) throw new CellError(`${key} is named twice`);
    training[key] = state;
  }
  return training;
}

/** `Fri 16:00-22:00 -2; Mon/Wed 09:00-12:00 +1` (+ wants, − would rather not, up to 10). */
export function writePreferences(preferences: Preference[] | undefined): string {
  return (preferences ?? [])
    .map((p) => `${p.days.map(label).join("/")} ${p.from}-${p.to} ${p.weight > 0 ? "+" : ""}${p.weight}`)
    .join("; ");
}

export function readPreferences(text: string): Preference[] {
  return items(text).map((part) => {
    const m = /^([A-Za-z][A-Za-z./,&\s–-]*?)\s+(\S+\s*(?:[-–—]|to)\s*\S+)\s+([+-]?\d+(?:[.,]\d+)?)$/i.exec(part);
    if (!m) throw new CellError(`"${part}" is not a preference such as Fri 16:00-22:00 -2`);
    const [from, to] = readWindow(m[2] as string);
    const weight = Number((m[3] as string).replace(",", "."));
    if (weight === 0 || Math.abs(weight) > 10) throw new CellError(`weight ${m[3]} must be from -10 to 10, not 0`);
    return { days: days(m[1] as string), from, to, weight };
  });
}

/** "lead, keyholder" (also ";"-separated) → the words, trimmed, no blanks. */
export function readList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "15", "15.5", "15,5" (a European decimal comma) → a number; blank → undefined. */
export function readNumber(text: string, integer = false): number | undefined {
  const t = text.trim().replace(",", ".");
  if (t === "") return undefined;
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0) throw new CellError(`"${text.trim()}" is not a number of 0 or more`);
  if (integer && !Number.isInteger(n)) throw new CellError(`"${text.trim()}" is not a whole number`);
  return n;
}

export const writeNumber = (n: number | undefined) => (n === undefined ? "" : String(n));

function items(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
