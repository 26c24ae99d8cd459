import { DateTime, IANAZone } from "luxon";
import { DAYS, minutesOf, type Day, type WeekHours } from "../model/primitives";
import type { Problem, Site } from "../model/problem";

const MINUTE = 60_000;

/** One slot of a site's week: an absolute interval plus where it falls on the site's local calendar. */
export interface Slot {
  /** epoch milliseconds */
  start: number;
  end: number;
  /** local date of the slot's start, ISO (the date its shift would belong to) */
  date: string;
  /** 0 = Monday … 6 = Sunday, local */
  day: number;
  /** local wall-clock minutes after midnight at the slot's start (repeats in a fall-back hour) */
  minute: number;
}

export function siteZone(problem: Pick<Problem, "timeZone">, site: Pick<Site, "timeZone">): string {
  return site.timeZone ?? problem.timeZone;
}

/** The seven local dates of the week, Monday first. Dates are calendar dates, so zones do not matter. */
export function weekDates(weekStart: string): string[] {
  const monday = DateTime.fromISO(weekStart, { zone: "UTC" });
  return DAYS.map((_, i) => monday.plus({ days: i }).toISODate() ?? "");
}

/** A local date and wall-clock time ("24:00" = next midnight) as an instant in `zone`. */
export function localInstant(date: string, time: string, zone: string): number {
  const minutes = minutesOf(time);
  const midnight = DateTime.fromISO(date, { zone });
  // Adding wall-clock hours/minutes (not a duration) keeps "09:00" at 09:00 on a DST day.
  return midnight
    .set({ hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 })
    .plus({ days: minutes >= 1440 ? 1 : 0 })
    .toMillis();
}

/** A dated time of the format: local to `zone` unless it carries its own offset. */
export function parseDated(text: string, zone: string): number {
  const key = `${zone}|${text}`;
  let instant = parsedCache.get(key);
  if (instant === undefined) {
    // With its own offset the instant does not depend on the zone, and the native parser is exact
    // for ISO-8601 with an offset (and much faster than luxon); without one it is local to `zone`.
    instant = WITH_OFFSET.test(text) ? Date.parse(text) : DateTime.fromISO(text, { zone, setZone: true }).toMillis();
    if (parsedCache.size > 50_000) parsedCache.clear();
    parsedCache.set(key, instant);
  }
  return instant;
}
const parsedCache = new Map<string, number>();
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const QUARTER = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset (minutes) at an instant. Offsets change only at DST transitions, which fall
 * on a quarter hour of UTC in every zone (Lord Howe's at :30), so one Intl lookup per zone and
 * quarter hour is enough: the checker and the exports convert tens of thousands of instants per
 * rota, and luxon's per-call Intl formatting made that the slowest part of a re-solve.
 */
export function offsetAt(instant: number, zone: string): number {
  let byQuarter = offsetCache.get(zone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsetCache.set(zone, byQuarter);
  }
  const quarter = Math.floor(instant / QUARTER);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(quarter * QUARTER);
    byQuarter.set(quarter, offset);
  }
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The local calendar date, weekday (0 = Monday) and wall-clock minute of an instant in a zone. */
export function localParts(instant: number, zone: string): { date: string; day: number; minute: number } {
  const local = new Date(instant + offsetAt(instant, zone) * 60_000);
  return {
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    day: (local.getUTCDay() + 6) % 7,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** ISO-8601 with milliseconds and a numeric offset, e.g. 2026-11-23T08:00:00.000+00:00. */
export function formatInstant(instant: number, zone: string): string {
  const offset = offsetAt(instant, zone);
  const local = new Date(instant + offset * 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The open windows of a site on one local date: a dated exception replaces the weekly hours. */
export function openWindows(site: Site, date: string, day: Day): [string, string][] {
  const exception = site.exceptions?.find((e) => e.date === date);
  return exception ? exception.open : (site.open[day] ?? []);
}

/**
 * A site's open slots for the week, in time order. Each window is cut into `slotMinutes` pieces of
 * absolute time, so a 24-hour day has 46 or 50 half-hour slots across a DST change.
 */
export function siteSlots(problem: Problem, site: Site): Slot[] {
  // Kept by what the slots are made of, not by object: a re-solve reads the week through four
  // problems (the one given, the one after the change, its canonical order, the diff's), and a warm
  // worker gets a fresh copy of the same week with every task; each expanded it again (luxon's zone
  // arithmetic, a tenth of a typical week's re-solve). Slots are never mutated once made.
  const key = JSON.stringify([
    problem.weekStart,
    siteZone(problem, site),
    problem.slotMinutes,
    site.open,
    site.exceptions,
  ]);
  let slots = slotCache.get(key);
  if (!slots) {
    slots = expandSite(problem, site);
    if (slotCache.size >= SLOT_CACHE_SITES) slotCache.delete(slotCache.keys().next().value as string);
    slotCache.set(key, slots);
  }
  return slots;
}
/** Ten sites for twelve weeks (the large system over a term), at about 30 KB a site-week at most. */
const SLOT_CACHE_SITES = 128;
const slotCache = new Map<string, Slot[]>();

function expandSite(problem: Problem, site: Site): Slot[] {
  const zone = siteZone(problem, site);
  const step = problem.slotMinutes * MINUTE;
  const byStart = new Map<number, Slot>();
  weekDates(problem.weekStart).forEach((date, dayIndex) => {
    for (const [from, to] of openWindows(site, date, DAYS[dayIndex] as Day)) {
      const end = localInstant(date, to, zone);
      for (let start = localInstant(date, from, zone); start + step <= end; start += step) {
        if (byStart.has(start)) continue;
        const local = localParts(start, zone);
        byStart.set(start, { start, end: start + step, date: local.date, day: local.day, minute: local.minute });
      }
    }
  });
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Whether a weekly pattern (local wall-clock windows) contains the slot starting at `minute` on `day`. */
export function weeklyCovers(hours: WeekHours | undefined, day: number, minute: number, slotMinutes: number): boolean {
  const windows = hours?.[DAYS[day] as Day] ?? [];
  return windows.some(([from, to]) => minutesOf(from) <= minute && minute + slotMinutes <= minutesOf(to));
}
