// A stint's or a gap's time span as every reader sees it (the diff's words, the CLI, the API's
// messages, the page): "Tue 24 Nov 09:00–11:00" on the site's wall clock, and a span past
// midnight names its end's day. Intl only, no library: the page bundles this module too.

const parts = new Map<string, Intl.DateTimeFormat>();
const dayLabels = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
});

function partsIn(zone: string): Intl.DateTimeFormat {
  let format = parts.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    parts.set(zone, format);
  }
  return format;
}

/** The wall-clock date (YYYY-MM-DD) and minute of the day of an instant in a zone. */
function wallClock(instant: number, zone: string): { date: string; minutes: number } {
  const found: Record<string, string> = {};
  for (const part of partsIn(zone).formatToParts(instant)) found[part.type] = part.value;
  return { date: `${found.year}-${found.month}-${found.day}`, minutes: Number(found.hour) * 60 + Number(found.minute) };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function dayLabel(date: string): string {
  return dayLabels.format(new Date(`${date}T00:00:00Z`)).replace(",", "");
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * "Tue 24 Nov 09:00–11:00" in `zone`; "Tue 24 Nov 20:00–24:00" for a span ending at midnight;
 * "Tue 24 Nov 22:00–Wed 25 Nov 02:00" past it. Instants are epoch milliseconds or ISO-8601 text
 * with an offset (as every rota the engine writes has).
 */
export function formatSpan(start: number | string, end: number | string, zone: string): string {
  const a = wallClock(typeof start === "string" ? Date.parse(start) : start, zone);
  const b = wallClock(typeof end === "string" ? Date.parse(end) : end, zone);
  const until =
    b.date === a.date
      ? hhmm(b.minutes)
      : b.minutes === 0 && b.date === nextDate(a.date)
        ? "24:00"
        : `${dayLabel(b.date)} ${hhmm(b.minutes)}`;
  return `${dayLabel(a.date)} ${hhmm(a.minutes)}–${until}`;
}
