import { DEFAULT_MIN_SHIFT_MINUTES } from "../model/defaults";
import type { Person, Problem } from "../model/problem";
import { resolveWeights } from "../model/weights";
import type { DeskSlot } from "./desk-slots";
import { FlowNetwork } from "./flow";
import { type ShareBlock, shareBlocks } from "./share-blocks";
import { shiftFloors } from "./shift-floors";

/** The hours a week's problem forces on a person and the most it lets them have, at a desk, in hours. */
export interface ShareBound {
  /**
   * The least a rota that gives every slot a lead (keyholder) where someone could be one gives them:
   * the slots only they can lead, on a shift of at least their minimum length, or the lead hours their
   * site's other leads cannot give between them, whichever is more
   */
  forced: number;
  /** the most they can have: the slots they could take, only in runs as long as their minimum shift */
  attainable: number;
}

/**
 * What the problem alone (no rota) forces on each person and lets them have (docs/setup.md, "Fair
 * share"). Both are bounds a proof can rest on: `forced` assumes only that the lead and keyholder
 * rules are met wherever someone could meet them; `attainable` only that a shift is at least the
 * person's minimum, at one site a day, within `maxPerDay`, `shifts.maxPerDay` and `max`.
 */
export function shareBounds(problem: Problem, slots: DeskSlot[]): Map<string, ShareBound> {
  const weights = resolveWeights(problem.weights);
  const blocks = shareBlocks({ slots, supervision: weights.supervision > 0, keyholder: weights.keyholder > 0 });
  const attainable = attainableHours(problem, blocks);
  const floors = soleShiftHours(blocks);
  const cover = leadsOthersCannotCover(blocks);
  return new Map(
    problem.people.map((p) => {
      const most = attainable.get(p.id) ?? 0;
      const forced = Math.min(most, Math.max(floors.get(p.id) ?? 0, cover.get(p.id) ?? 0));
      return [p.id, { forced: round(forced), attainable: round(most) }];
    }),
  );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Per person, the hours of their runs of slots (back to back, one site, one date) at least as long as
 * their minimum shift; a date gives the best site's runs, the longest `shifts.maxPerDay` of them, at
 * most `maxPerDay`; the week at most `max`.
 */
function attainableHours(problem: Problem, blocks: ShareBlock[]): Map<string, number> {
  const runs = new Map<string, { end: number; hours: number[] }>();
  for (const { desk, hours, end } of blocks) {
    for (const p of new Set(desk.points.flatMap((point) => point.people))) {
      const key = `${p.id} ${desk.slot.date} ${desk.site}`;
      const site = runs.get(key) ?? { end: Number.NaN, hours: [] };
      if (site.end === desk.slot.start) site.hours[site.hours.length - 1] = (site.hours.at(-1) ?? 0) + hours;
      else site.hours.push(hours);
      site.end = end;
      runs.set(key, site);
    }
  }
  const byPerson = new Map(problem.people.map((p) => [p.id, new Map<string, number>()]));
  const people = new Map(problem.people.map((p) => [p.id, p]));
  for (const [key, site] of runs) {
    const [id = "", date = ""] = key.split(" ");
    const person = people.get(id) as Person;
    const minimum = (person.shifts?.minMinutes ?? DEFAULT_MIN_SHIFT_MINUTES) / 60;
    const shifts = person.shifts?.maxPerDay ?? Number.POSITIVE_INFINITY;
    const long = site.hours.filter((h) => h >= minimum - 1e-9).sort((a, b) => b - a);
    const day = Math.min(
      person.hours.maxPerDay ?? Number.POSITIVE_INFINITY,
      long.slice(0, Math.min(long.length, shifts)).reduce((sum, h) => sum + h, 0),
    );
    const dates = byPerson.get(id) as Map<string, number>;
    dates.set(date, Math.max(dates.get(date) ?? 0, day));
  }
  return new Map(
    problem.people.map((p) => {
      const week = [...(byPerson.get(p.id)?.values() ?? [])].reduce((sum, h) => sum + h, 0);
      return [p.id, Math.min(week, p.hours.max ?? week)];
    }),
  );
}

/** Per person, the shifts the slots only they can lead (hold the keys of) force: the largest site of each date. */
function soleShiftHours(blocks: ShareBlock[]): Map<string, number> {
  const byDate = new Map<string, number>();
  const add = (key: string, hours: number) => byDate.set(key, (byDate.get(key) ?? 0) + hours);
  for (const { desk, hours, qualified } of blocks) {
    if (qualified.length === 1) add(`${qualified[0]?.id} ${desk.slot.date} ${desk.site}`, hours);
  }
  for (const f of shiftFloors(blocks)) byDate.set(`${f.person} ${f.date} ${f.site}`, f.hours);
  const perDate = new Map<string, number>();
  for (const [key, hours] of byDate) {
    const date = key.slice(0, key.lastIndexOf(" "));
    perDate.set(date, Math.max(perDate.get(date) ?? 0, hours));
  }
  const out = new Map<string, number>();
  for (const [key, hours] of perDate) {
    const id = key.slice(0, key.indexOf(" "));
    out.set(id, (out.get(id) ?? 0) + hours);
  }
  return out;
}

/**
 * Per person and site, the lead (keyholder) hours the rules need there that the site's other qualified
 * people cannot give between them, whatever they do elsewhere (each at their `maxPerDay` and `max`):
 * the most lead hours the site can have, less the most it can have without them.
 */
function leadsOthersCannotCover(blocks: ShareBlock[]): Map<string, number> {
  const bySite = new Map<string, ShareBlock[]>();
  for (const block of blocks) {
    if (block.qualified.length === 0) continue;
    bySite.set(block.desk.site, [...(bySite.get(block.desk.site) ?? []), block]);
  }
  const out = new Map<string, number>();
  for (const needs of bySite.values()) {
    const all = coverable(needs, null);
    for (const id of new Set(needs.flatMap((b) => b.qualified.map((p) => p.id)))) {
      const short = all - coverable(needs, id);
      if (short > 1e-9) out.set(id, (out.get(id) ?? 0) + short);
    }
  }
  return out;
}

/** The most of the blocks' needed hours their qualified people, `without` one, can give. */
function coverable(blocks: ShareBlock[], without: string | null): number {
  const graph = new FlowNetwork();
  const source = graph.addNode();
  const sink = graph.addNode();
  const people = new Map<string, number>();
  const days = new Map<string, number>();
  const personOf = (p: Person) => {
    let node = people.get(p.id);
    if (node === undefined) {
      node = graph.addNode();
      graph.addEdge(node, sink, p.hours.max ?? Number.POSITIVE_INFINITY);
      people.set(p.id, node);
    }
    return node;
  };
  const dayOf = (p: Person, date: string) => {
    const key = `${p.id} ${date}`;
    let node = days.get(key);
    if (node === undefined) {
      node = graph.addNode();
      graph.addEdge(node, personOf(p), p.hours.maxPerDay ?? Number.POSITIVE_INFINITY);
      days.set(key, node);
    }
    return node;
  };
  for (const { desk, hours, qualified } of blocks) {
    const node = graph.addNode();
    graph.addEdge(source, node, hours);
    for (const p of qualified) if (p.id !== without) graph.addEdge(node, dayOf(p, desk.slot.date), hours);
  }
  return graph.maxFlow(source, sink);
}

export interface Claim {
  id: string;
  /** what the share is in proportion to (a contract) */
  weight: number;
  low: number;
  high: number;
}

/** Bisection steps on the ratio: far past float precision for any week's hours. */
const STEPS = 200;

/**
 * `total` hours split in proportion to the weights, each clamped into [low, high], with what the clamps
 * free shared by the others in the same proportion (water-filling: one ratio λ, each gets
 * clamp(λ × weight, low, high)). Lows above the total are scaled down to it; highs below it are all given.
 */
export function waterFill(total: number, claims: Claim[]): Map<string, number> {
  const lows = claims.reduce((sum, c) => sum + c.low, 0);
  const highs = claims.reduce((sum, c) => sum + Math.max(c.low, c.high), 0);
  if (lows >= total) return new Map(claims.map((c) => [c.id, round(lows > 0 ? (c.low * total) / lows : 0)]));
  if (highs <= total) return new Map(claims.map((c) => [c.id, round(Math.max(c.low, c.high))]));
  const at = (ratio: number) => (c: Claim) => Math.max(c.low, Math.min(c.high, ratio * c.weight));
  const given = (ratio: number) => claims.reduce((sum, c) => sum + at(ratio)(c), 0);
  let [below, above] = [0, 1];
  while (given(above) < total) above *= 2;
  for (let step = 0; step < STEPS && above - below > 1e-12 * above; step++) {
    const middle = (below + above) / 2;
    if (given(middle) < total) below = middle;
    else above = middle;
  }
  return new Map(claims.map((c) => [c.id, round(at(above)(c))]));
}
