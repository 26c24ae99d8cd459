// Times as a site's coordinator reads them: every timestamp carries its offset, and is shown in the
// site's own zone whatever zone the browser is in (Intl knows the IANA zones; no library needed).

export const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type DayKey = (typeof DAY_KEYS)[number];

export interface Local {
  /** YYYY-MM-DD in the zone */
  date: string;
  /** minutes since local midnight */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock date and minute of an instant in a zone. */
export function local(instant: number | string, zone: string): Local {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant;
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(zone).formatToParts(ms)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** "HH:MM"; 1440 is "24:00", the end of a day. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export function minutesOf(text: string): number {
  const [h, m] = text.split(":");
  return Number(h) * 60 + Number(m);
}

/** Calendar arithmetic on dates only: no zone can shift a day here. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekDates(weekStart: string): string[] {
  return DAY_KEYS.map((_, i) => addDays(weekStart, i));
}

export function dayKeyOf(date: string): DayKey {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return DAY_KEYS[(weekday + 6) % 7] as DayKey;
}

const dayLabels = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
});
const longDayLabels = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
});

/** "Mon 23 Nov" */
export function dayLabel(date: string): string {
  return dayLabels.format(new Date(`${date}T00:00:00Z`)).replace(",", "");
}

/** "Monday 23 November", for screen readers and the per-person view */
export function longDayLabel(date: string): string {
  return longDayLabels.format(new Date(`${date}T00:00:00Z`)).replace(",", "");
}

/** "12:00–14:00" in the zone; a run past midnight names its end's day. */
export function timeRange(start: string, end: string, zone: string): string {
  const a = local(start, zone);
  const b = local(end, zone);
  const endsThatDay = b.date === a.date || (b.minutes === 0 && b.date === addDays(a.date, 1));
  const until = endsThatDay ? hhmm(b.date === a.date ? b.minutes : 1440) : `${dayLabel(b.date)} ${hhmm(b.minutes)}`;
  return `${hhmm(a.minutes)}–${until}`;
}

/** "1.5 h", "20 h" */
export function hours(minutes: number): string {
  const h = Math.round((minutes / 60) * 100) / 100;
  return `${h} h`;
}

/** "4.2 s", "1 min 5 s" */
export function elapsed(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/**
 * The next Monday on or after today, as YYYY-MM-DD: the default week to plan, and the week whose
 * carry-over holds every week published so far.
 */
export function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}
