import { dateInWords, dayShort, numbersInWords, windowsInWords } from "@deskrota/core";
import { type DayKey, dayKeyOf, hhmm, minutesOf } from "../time";

// A service point's cover bands as the timeline edits them: what a band says in words, what is
// wrong with it on a given day (overlaps, outside opening hours, numbers out of order), and the
// moves a drag or a key makes, snapped to the setup's slot grid. No DOM here: the drawing, the
// rows and the selected band's editor all read and write the same array of bands.

export interface Band {
  days: DayKey[];
  from: string;
  to: string;
  min: number;
  target?: number;
  max?: number;
}

export type Windows = [string, string][];

/** "24:00" ends a day; an empty or unreadable time counts as midnight so a half-typed band still draws. */
export const endOf = (band: Band): number => minutesOf(band.to) || 24 * 60;
export const startOf = (band: Band): number => minutesOf(band.from) || 0;

/** "Reception Mon 09:00–17:00, min 1, target 2, max 3": one bar of a band, as a screen reader says it. */
export function barInWords(pointName: string, band: Band, day: DayKey): string {
  return `${pointName} ${dayShort(day)} ${band.from}–${band.to}, ${numbersInWords(band)}`;
}

/** What is wrong with the band whatever the day: it is refused on saving, so it is said before. */
export function bandProblems(band: Band, slot: number): string[] {
  const problems: string[] = [];
  for (const [t, what] of [
    [band.from, "start"],
    [band.to, "end"],
  ] as const)
    if (!/^\d\d:\d\d$/.test(t)) problems.push(`its ${what} time is missing`);
    else if (minutesOf(t) % slot !== 0) problems.push(`${t} is not on the ${slot}-minute grid`);
  if (startOf(band) >= endOf(band)) problems.push(`it ends (${band.to}) before it starts (${band.from})`);
  if (band.target !== undefined && band.target < band.min)
    problems.push(`target ${band.target} is below min ${band.min}`);
  const floor = Math.max(band.min, band.target ?? 0);
  if (band.max !== undefined && band.max < floor) problems.push(`max ${band.max} is below ${floor}`);
  return problems;
}

/** The parts of [from, to) that no window covers, as "HH:MM–HH:MM". */
function outside(from: number, to: number, windows: Windows): string[] {
  const open = windows.map(([f, t]) => [minutesOf(f), minutesOf(t) || 24 * 60] as const).sort((a, b) => a[0] - b[0]);
  const gaps: string[] = [];
  let at = from;
  for (const [f, t] of open) {
    if (f > at && at < to) gaps.push(`${hhmm(at)}–${hhmm(Math.min(f, to))}`);
    at = Math.max(at, t);
  }
  if (at < to) gaps.push(`${hhmm(at)}–${hhmm(to)}`);
  return gaps;
}

/** A dated exception of the site: that date's hours instead of the weekday's (none: closed). */
export interface DatedException {
  date: string;
  open: Windows;
  note?: string | undefined;
}

/** The parts of `band` a dated exception takes away ("HH:MM–HH:MM"): all of it on a closed day. */
export function cutBy(band: Band, exception: DatedException): string[] {
  const from = startOf(band);
  const to = endOf(band);
  if (from >= to) return [];
  return exception.open.length ? outside(from, to, exception.open) : [`${band.from}–${band.to}`];
}

/**
 * What each dated exception on `day`'s weekday takes from a band: "Fri 25 Dec 2026 (Christmas): the site
 * is closed, so the band does not apply", "Sat 26 Dec 2026: open 10:00–14:00 only, so 14:00–17:00 of the
 * band does not apply". A note, not a fault: the band is right for every other week.
 */
export function exceptionCuts(band: Band, day: DayKey, exceptions: readonly DatedException[]): string[] {
  return exceptions
    .filter((e) => /^\d{4}-\d\d-\d\d$/.test(e.date) && dayKeyOf(e.date) === day)
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((e) => {
      const when = `${dateInWords(e.date)}${e.note ? ` (${e.note})` : ""}`;
      const cut = cutBy(band, e);
      if (!cut.length) return [];
      if (!e.open.length) return [`${when}: the site is closed, so the band does not apply`];
      return cut.length
        ? [`${when}: open ${windowsInWords(e.open)} only, so ${cut.join(", ")} of the band does not apply`]
        : [];
    });
}

/** Where band `band` overlaps another on one day. */
export interface Overlap {
  band: number;
  from: string;
  to: string;
}

/** "Bands 2 and 4 overlap 15:00–16:00: the larger numbers hold there" */
export const overlapInWords = (index: number, o: Overlap): string =>
  `Bands ${Math.min(index, o.band) + 1} and ${Math.max(index, o.band) + 1} overlap ${o.from}–${o.to}: ` +
  "the larger numbers hold there";

/** What is said on one bar: what is wrong with it, and the other bands it overlaps. */
export interface BarFindings {
  /** the band's own problems, then the times the site is closed */
  wrong: string[];
  /** The format lets bands overlap (the larger numbers hold), as a peak band on a day-long one does;
   * said as a note, not as a fault, since on a drawing it can as well be a slip as a peak. */
  overlaps: Overlap[];
  /** what the site's dated exceptions on this weekday take from the band (exceptionCuts) */
  cuts: string[];
}

/** What is said on band `index`'s bar on `day`, against the day's opening hours and the dated exceptions. */
export function barFindings(
  bands: Band[],
  index: number,
  day: DayKey,
  open: Windows,
  slot: number,
  exceptions: readonly DatedException[],
): BarFindings {
  const band = bands[index] as Band;
  const from = startOf(band);
  const to = endOf(band);
  const wrong = bandProblems(band, slot);
  if (from < to) {
    const closed = outside(from, to, open);
    if (open.length === 0) wrong.push(`the site is closed on ${dayShort(day)}`);
    else if (closed.length)
      wrong.push(`${closed.join(", ")} is outside opening hours (${open.map(([f, t]) => `${f}–${t}`).join(", ")})`);
  }
  const overlaps: Overlap[] = [];
  bands.forEach((other, j) => {
    if (j === index || !other.days.includes(day)) return;
    const start = Math.max(from, startOf(other));
    const end = Math.min(to, endOf(other));
    if (start < end) overlaps.push({ band: j, from: hhmm(start), to: hhmm(end) });
  });
  return { wrong, overlaps, cuts: exceptionCuts(band, day, exceptions) };
}

export type Edge = "move" | "start" | "end";

/**
 * The band's times after moving `edge` by `delta` minutes, kept on the slot grid, at least one slot
 * long and inside [lo, hi]; a move keeps the band's length.
 */
export function shifted(band: Band, edge: Edge, delta: number, slot: number, lo: number, hi: number): Band {
  const snap = (m: number) => Math.round(m / slot) * slot;
  let from = startOf(band);
  let to = endOf(band);
  if (edge === "move") {
    const length = to - from;
    from = Math.min(Math.max(lo, snap(from + delta)), hi - length);
    to = from + length;
  } else if (edge === "start") from = Math.min(Math.max(lo, snap(from + delta)), to - slot);
  else to = Math.max(Math.min(hi, snap(to + delta)), from + slot);
  return { ...band, from: hhmm(from), to: hhmm(to) };
}

/** The band drawn by dragging from `a` to `b` minutes on one day's lane (either direction), on the grid. */
export function drawn(day: DayKey, a: number, b: number, slot: number): Band {
  const lo = Math.round(Math.min(a, b) / slot) * slot;
  const hi = Math.max(lo + slot, Math.round(Math.max(a, b) / slot) * slot);
  return { days: [day], from: hhmm(lo), to: hhmm(Math.min(hi, 24 * 60)), min: 1 };
}

/** Where an edit came from: the panel and the rows keep their elements (and the focus) and the rest is
 * redrawn; after a bar's edit everything is, and the bar gets the focus back. */
export type Source = "bar" | "panel" | "rows";

/** The one state the drawing, the selected band's editor and the rows share. */
export interface CoverState {
  readonly bands: Band[];
  /** the bar last picked (its band is the one the editor shows), or none */
  selected: { band: number; day: DayKey } | null;
  readonly pointName: string;
  readonly slot: number;
  openOn(day: DayKey): Windows;
  /** the site's dated exceptions as the form holds them now */
  exceptions(): readonly DatedException[];
  /** Redraws what did not make the change; a bar that made it gets the focus back. */
  changed(source: Source): void;
  /** Shows the selected band's editor; from the keyboard it takes the focus. */
  edit(withFocus: boolean): void;
  remove(index: number): void;
}
