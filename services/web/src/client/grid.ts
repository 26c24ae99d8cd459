import type { Problem, Rota, Uncovered } from "./types";
import { dayKeyOf, local, minutesOf, weekDates } from "./time";

// The grid of one site: for each service point, rows of local time (runs of slots that read the
// same on every day of the week, merged into one row) by the seven days. Pure: the page renders it,
// the unit tests read it.

export interface CellPerson {
  id: string;
  name: string;
  shadowing: boolean;
}

export interface CellGap {
  missing: number;
  reason: string;
  cause?: string;
  /** the whole uncovered run this cell is part of, as the API gave it (swap candidates take it) */
  start: string;
  end: string;
}

export interface Cell {
  date: string;
  /** the point has cover demand then (else it is closed) */
  open: boolean;
  people: CellPerson[];
  gaps: CellGap[];
  /** who was there in the first rota compared against that differs (its index in `others`) */
  before?: { other: number; people: CellPerson[] };
}

export interface Row {
  /** minutes since local midnight; `to` may be 1440 */
  from: number;
  to: number;
  cells: Cell[];
}

export interface PointGrid {
  id: string;
  name: string;
  rows: Row[];
}

export interface SiteGrid {
  id: string;
  name: string;
  zone: string;
  dates: string[];
  points: PointGrid[];
  /** no lead or no keyholder on site: gaps of the site, not of a point */
  siteGaps: Uncovered[];
}

interface SlotContent {
  people: CellPerson[];
  gaps: CellGap[];
}

type Slots = Map<string, SlotContent>;

const key = (date: string, minute: number) => `${date}@${minute}`;

/** Every slot of a run, as local date and minute in the zone (a run past midnight lands on two days). */
function eachSlot(
  start: string,
  end: string,
  slotMs: number,
  zone: string,
  visit: (date: string, minute: number) => void,
): void {
  for (let t = Date.parse(start), until = Date.parse(end); t < until; t += slotMs) {
    const at = local(t, zone);
    visit(at.date, at.minutes);
  }
}

function slotsOf(problem: Problem, rota: Rota, pointId: string, zone: string): Slots {
  const slotMs = problem.slotMinutes * 60_000;
  const names = new Map(problem.people.map((p) => [p.id, p.name]));
  const slots: Slots = new Map();
  const at = (date: string, minute: number) => {
    const k = key(date, minute);
    let content = slots.get(k);
    if (!content) {
      content = { people: [], gaps: [] };
      slots.set(k, content);
    }
    return content;
  };
  for (const a of rota.assignments) {
    if (a.point !== pointId) continue;
    const person = { id: a.person, name: names.get(a.person) ?? a.person, shadowing: a.shadowing === true };
    // The hour repeated when clocks go back is one wall-clock row: the same stint lands there twice.
    eachSlot(a.start, a.end, slotMs, zone, (date, minute) => {
      const here = at(date, minute).people;
      if (!here.some((p) => p.id === person.id && p.shadowing === person.shadowing)) here.push(person);
    });
  }
  for (const u of rota.uncovered) {
    if ((u.rule ?? "cover") !== "cover" || u.point !== pointId) continue;
    const gap: CellGap = {
      missing: u.missing,
      reason: u.reason,
      start: u.start,
      end: u.end,
      ...(u.cause ? { cause: u.cause } : {}),
    };
    eachSlot(u.start, u.end, slotMs, zone, (date, minute) => {
      const here = at(date, minute).gaps;
      if (!here.includes(gap)) here.push(gap);
    });
  }
  for (const content of slots.values())
    content.people.sort((x, y) => Number(x.shadowing) - Number(y.shadowing) || x.name.localeCompare(y.name));
  return slots;
}

/** The slot minutes of a date when the point has demand: the site's opening that day ∩ the point's cover bands. */
function openMinutes(
  site: Problem["sites"][number],
  point: Problem["sites"][number]["servicePoints"][number],
  date: string,
  slot: number,
): Set<number> {
  const day = dayKeyOf(date);
  const windows = site.exceptions?.find((e) => e.date === date)?.open ?? site.open[day] ?? [];
  const open = new Set<number>();
  for (const [from, to] of windows) {
    for (let m = minutesOf(from); m < minutesOf(to); m += slot) {
      if (point.cover.some((band) => band.days.includes(day) && minutesOf(band.from) <= m && m < minutesOf(band.to)))
        open.add(m);
    }
  }
  return open;
}

const peopleText = (people: CellPerson[]) => people.map((p) => `${p.id}${p.shadowing ? "~" : ""}`).join(",");
const gapsText = (gaps: CellGap[]) => gaps.map((g) => `${g.missing}:${g.reason}`).join(",");

/**
 * The grid of `siteId` in `rota`. With `others` (an earlier version, or rotas being compared),
 * rows also break where any of them changes, and a cell whose people differ from any of them
 * carries `before` (the first that differs): that is what the page highlights.
 */
export function siteGrid(problem: Problem, rota: Rota, siteId: string, others: Rota[] = []): SiteGrid {
  const site = problem.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`there is no site ${siteId}`);
  const zone = site.timeZone ?? problem.timeZone;
  const dates = weekDates(problem.weekStart);
  const slot = problem.slotMinutes;
  const points = site.servicePoints.map((point): PointGrid => {
    const mine = slotsOf(problem, rota, point.id, zone);
    const theirs = others.map((o) => slotsOf(problem, o, point.id, zone));
    const open = new Map(dates.map((d) => [d, openMinutes(site, point, d, slot)]));
    const minutes = new Set<number>();
    for (const set of open.values()) for (const m of set) minutes.add(m);
    for (const slots of [mine, ...theirs]) {
      for (const k of slots.keys()) {
        const [date, m] = k.split("@");
        if (dates.includes(date as string)) minutes.add(Number(m));
      }
    }
    const signature = (m: number) =>
      dates
        .map((d) => {
          const k = key(d, m);
          const own = mine.get(k);
          const others = theirs.map((t) => peopleText(t.get(k)?.people ?? [])).join("/");
          const here = `${peopleText(own?.people ?? [])}|${gapsText(own?.gaps ?? [])}`;
          return `${open.get(d)?.has(m) ? 1 : 0}|${here}|${others}`;
        })
        .join(";");
    const cellAt = (date: string, m: number): Cell => {
      const k = key(date, m);
      const own = mine.get(k) ?? { people: [], gaps: [] };
      const cell: Cell = { date, open: open.get(date)?.has(m) ?? false, people: own.people, gaps: own.gaps };
      const ownText = peopleText(own.people);
      const other = theirs.findIndex((t) => peopleText(t.get(k)?.people ?? []) !== ownText);
      if (other >= 0) cell.before = { other, people: theirs[other]?.get(k)?.people ?? [] };
      return cell;
    };
    const rows: Row[] = [];
    let last: { minute: number; sig: string } | undefined;
    for (const m of [...minutes].sort((a, b) => a - b)) {
      const sig = signature(m);
      const current = rows[rows.length - 1];
      if (current && last && last.minute + slot === m && last.sig === sig) current.to = m + slot;
      else rows.push({ from: m, to: m + slot, cells: dates.map((d) => cellAt(d, m)) });
      last = { minute: m, sig };
    }
    return { id: point.id, name: point.name, rows };
  });
  const siteGaps = rota.uncovered.filter((u) => u.rule !== undefined && u.rule !== "cover" && u.site === siteId);
  return { id: site.id, name: site.name, zone, dates, points, siteGaps };
}

/** Cells that differ from the rota(s) compared against, over all points of the site. */
export function changedCells(grid: SiteGrid): number {
  return grid.points.reduce(
    (n, p) => n + p.rows.reduce((r, row) => r + row.cells.filter((c) => c.before !== undefined).length, 0),
    0,
  );
}

/** One cell of a day's column standing for consecutive rows that read the same. */
export interface Run {
  /** index of the first row, and how many rows it spans */
  row: number;
  rows: number;
  from: number;
  to: number;
  cell: Cell;
}

const cellText = (c: Cell) =>
  `${c.open ? 1 : 0}|${peopleText(c.people)}|${gapsText(c.gaps)}|` +
  (c.before ? `${c.before.other}:${peopleText(c.before.people)}` : "");

/** A day's column of a point as runs: back-to-back rows with the same cell merge into one. */
export function columnRuns(point: PointGrid, day: number): Run[] {
  const runs: Run[] = [];
  point.rows.forEach((row, i) => {
    const cell = row.cells[day];
    if (!cell) return;
    const last = runs[runs.length - 1];
    if (last && last.to === row.from && cellText(last.cell) === cellText(cell)) {
      last.rows += 1;
      last.to = row.to;
    } else runs.push({ row: i, rows: 1, from: row.from, to: row.to, cell });
  });
  return runs;
}
