import type { SlotInfo } from "../../compile/instance";
import { ANY_POINT, FREE } from "../../rules/search-view";
import { DAY_PRICES, type DayPrices } from "./day-prices";
import type { DayPlan, SearchState } from "./state";

export { ANY_POINT };

const NONE = -1;

/**
 * A DP table kept between calls, doubled when a call needs more: the search runs thousands of DPs
 * a second and fresh arrays cost more in GC than in work.
 */
class Reused<T extends Float64Array | Int32Array> {
  private buffer: T;
  constructor(private readonly make: (size: number) => T) {
    this.buffer = make(1024);
  }
  /** The first `size` entries, set to `fill` when given (otherwise as the last call left them). */
  take(size: number, fill?: number): T {
    if (this.buffer.length < size) this.buffer = this.make(size * 2);
    return fill === undefined ? this.buffer : (this.buffer.fill(fill, 0, size) as T);
  }
}

const scratch = {
  values: new Reused((size) => new Float64Array(size)),
  costs: new Reused((size) => new Float64Array(size)),
  links: new Reused((size) => new Int32Array(size)),
  lows: new Reused((size) => new Int32Array(size)),
  highs: new Reused((size) => new Int32Array(size)),
};

/** Slots the person must keep working on a date, with the point they must be at (or any). */
export type Required = Map<number, number>;

/**
 * What the rest of the rota needs from a person's current day: pinned stints, and what the rules
 * say others rely on (`DayTerms.keeps`: a shadower's only colleague, students' only staff member).
 */
export function requiredOf(
  state: SearchState,
  p: number,
  day: number,
  pinned: ReadonlyMap<number, number> | undefined,
): Required {
  const required: Required = new Map();
  for (const { slot, point } of state.dayPlan(p, day)) {
    const need = pinned?.get(slot) ?? DAY_PRICES.keeps(state, p, point, slot);
    if (need !== FREE) required.set(slot, need);
  }
  return required;
}

/** The cost of the person being at point k in slot g (Infinity: not there), when not the search's own. */
export type SlotValuer = (point: number, slot: number) => number;

/** The best plan of one length on one date: its cost without the weekly hours term. */
export interface DayOption {
  plan: DayPlan;
  cost: number;
  start: number;
  end: number;
}

interface Frame {
  earliest: number;
  latest: number;
  busy: [number, number][];
  /** slots the person may still work this week */
  room: number;
}

/** Limits that the person's shifts on the dates not being re-planned put on `day`. */
function frameOf(state: SearchState, p: number, movable: ReadonlySet<number>, day: number, prices: DayPrices): Frame {
  const inst = state.inst;
  const rest = prices.restMs(state);
  let earliest = -Infinity;
  let latest = Infinity;
  const busy: [number, number][] = [];
  (state.shifts[p] ?? []).forEach((runs, d) => {
    if (movable.has(d)) return;
    for (const run of runs) {
      const start = (inst.slots[run.first] as SlotInfo).start;
      const end = (inst.slots[run.last] as SlotInfo).end;
      busy.push([start, end]);
      if (d < day) earliest = Math.max(earliest, end + rest);
      if (d > day) latest = Math.min(latest, start - rest);
    }
  });
  // The movable dates are already cleared, so what is worked now is what the other dates take.
  return { earliest, latest, busy, room: prices.maxWeekSlots(state, p) };
}

/**
 * For one person and date, the best plan of every length (index = slots, 0 = not working), given
 * everyone else as they are, by dynamic programming over the day's slots with (point, stint
 * length, shift length) as state. The rules' `day` terms (`prices`) give each placement's and
 * each shape's price and the limits a plan keeps: every hard rule holds for each plan, by those
 * limits and by the state's shape (one shift at one site, in slots the person is free). The
 * person's plans on `movable` dates must already be removed from the state.
 */
export function dayOptions(
  state: SearchState,
  p: number,
  day: number,
  required: Required,
  movable: ReadonlySet<number>,
  valueAt?: SlotValuer,
  prices: DayPrices = DAY_PRICES,
): (DayOption | undefined)[] {
  const inst = state.inst;
  const person = inst.people[p];
  const table: (DayOption | undefined)[] = [];
  if (!person) return table;
  if (required.size === 0) table[0] = { plan: [], cost: 0, start: Infinity, end: -Infinity };
  const frame = frameOf(state, p, movable, day, prices);
  const maxLen = Math.min(prices.maxDaySlots(state, p), frame.room);
  const minShift = prices.minShiftSlots(state, p);
  if (maxLen < minShift) return table;
  const at = state.at[p] as Int16Array;
  const G = state.G;
  const joinAt = valueAt ?? prices.joinOf(state, p);
  const shortStints = prices.shortStint(state);
  const pointChanges = prices.pointChange(state);
  const perShift = prices.shift(state);
  const requiredSlots = [...required.keys()];
  const occupied = (slot: number) => slot >= 0 && slot < G && (at[slot] as number) !== NONE;

  for (const s of person.sites) {
    const site = inst.sites[s];
    if (!site || requiredSlots.some((g) => inst.slots[g]?.site !== s)) continue;
    const sitePoints = site.points;
    const J = sitePoints.length;
    // r counts the stint so far, exactly up to a point's limit, saturating where only "short or not" matters.
    const stintLimit = sitePoints.map((k) => prices.maxStintSlots(state, k));
    const R = Math.max(1, state.shortSlots, ...stintLimit.filter(Number.isFinite));

    for (const chain of chainsOf(state, p, s, day, maxLen, frame.busy, at)) {
      const n = chain.length;
      let firstReq = n;
      let lastReq = -1;
      let missing = false;
      for (const g of requiredSlots) {
        const i = chain.indexOf(g);
        if (i < 0) missing = true;
        firstReq = Math.min(firstReq, i);
        lastReq = Math.max(lastReq, i);
      }
      if (missing) continue;

      const value = scratch.values.take(n * J, Infinity);
      for (let i = 0; i < n; i++) {
        const g = chain[i] as number;
        const options = state.options[p]?.[g];
        if (!options) continue;
        const need = required.get(g);
        for (const k of options) {
          if (need !== undefined && need !== ANY_POINT && need !== k) continue;
          const j = sitePoints.indexOf(k);
          if (j >= 0) value[i * J + j] = joinAt(k, g);
        }
      }

      // state (j, r, len) of chain slot i lives at i*S + (j*R + r-1)*maxLen + len-1
      const S = J * R * maxLen;
      const JR = J * R;
      const cost = scratch.costs.take(n * S, Infinity);
      const from = scratch.links.take(n * S);
      // The lengths a (slot, point, stint) row can have so far: the loops below skip the rest.
      const low = scratch.lows.take(n * JR, maxLen + 1);
      const high = scratch.highs.take(n * JR, 0);
      const bestEnd = new Float64Array(maxLen + 1).fill(Infinity);
      const bestState = new Int32Array(maxLen + 1).fill(-1);
      const shortSlots = state.shortSlots;
      for (let i = 0; i < n; i++) {
        const g = chain[i] as number;
        const slot = inst.slots[g] as SlotInfo;
        const base = i * S;
        if (slot.day === day && slot.start >= frame.earliest && i <= firstReq && !occupied(slot.prev)) {
          for (let j = 0; j < J; j++) {
            const v = value[i * J + j] as number;
            const t = base + j * R * maxLen;
            if (v < (cost[t] as number)) {
              cost[t] = v;
              from[t] = -1;
              const rr = i * JR + j * R;
              low[rr] = 1;
              if ((high[rr] as number) < 1) high[rr] = 1;
            }
          }
        }
        const canEnd = i >= lastReq && slot.end <= frame.latest && !occupied(slot.next);
        const hasNext = i + 1 < n && chain[i + 1] === slot.next;
        const nextBase = base + S;
        for (let j = 0; j < J; j++) {
          const limit = stintLimit[j] as number;
          for (let r = 1; r <= R; r++) {
            const rr = i * JR + j * R + r - 1;
            const first = low[rr] as number;
            const last = high[rr] as number;
            if (first > last) continue;
            const shortHere = r < shortSlots ? shortStints : 0;
            const row = base + (j * R + r - 1) * maxLen;
            if (canEnd) {
              for (let len = Math.max(first, minShift); len <= last; len++) {
                const c = (cost[row + len - 1] as number) + shortHere;
                if (c < (bestEnd[len] as number)) {
                  bestEnd[len] = c;
                  bestState[len] = row + len - 1;
                }
              }
            }
            const top = Math.min(last, maxLen - 1);
            if (!hasNext || first > top) continue;
            for (let j2 = 0; j2 < J; j2++) {
              const v = value[(i + 1) * J + j2] as number;
              if (v === Infinity) continue;
              let r2 = 1;
              let step = v;
              if (j2 === j) {
                if (r + 1 > limit) continue;
                r2 = Math.min(r + 1, R);
              } else {
                step += pointChanges + shortHere;
              }
              const target = nextBase + (j2 * R + r2 - 1) * maxLen;
              for (let len = first; len <= top; len++) {
                const c = (cost[row + len - 1] as number) + step;
                if (c < (cost[target + len] as number)) {
                  cost[target + len] = c;
                  from[target + len] = row + len - 1;
                }
              }
              const tr = (i + 1) * JR + j2 * R + r2 - 1;
              if (first + 1 < (low[tr] as number)) low[tr] = first + 1;
              if (top + 1 > (high[tr] as number)) high[tr] = top + 1;
            }
          }
        }
      }
      for (let len = 1; len <= maxLen; len++) {
        const total = (bestEnd[len] as number) + perShift;
        if (bestState[len]! < 0 || total >= (table[len]?.cost ?? Infinity)) continue;
        const plan: DayPlan = [];
        for (let t = bestState[len] as number; t >= 0; t = from[t] as number) {
          plan.push({
            slot: chain[Math.floor(t / S)] as number,
            point: sitePoints[Math.floor((t % S) / (R * maxLen))] as number,
          });
        }
        plan.reverse();
        const first = inst.slots[plan[0]?.slot ?? 0] as SlotInfo;
        const last = inst.slots[plan[plan.length - 1]?.slot ?? 0] as SlotInfo;
        table[len] = { plan, cost: total, start: first.start, end: last.end };
      }
    }
  }
  return table;
}

export interface DayResult {
  plan: DayPlan;
  estimate: number;
}

/** The best plan for one date, everything else fixed; null when `required` cannot be met. */
export function bestDay(state: SearchState, p: number, day: number, required: Required): DayResult | null {
  const table = dayOptions(state, p, day, required, new Set([day]));
  const hours = DAY_PRICES.hours(state, p);
  let best: DayResult | null = null;
  table.forEach((option, len) => {
    if (!option) return;
    const total = option.cost + hours(len);
    if (!best || total < best.estimate) best = { plan: option.plan, estimate: total };
  });
  return best;
}

/**
 * The best plans for several dates of one person at once, everything else fixed: each date's
 * best plan per length, then a DP over the dates with hours used and the previous shift's end as
 * state, so that weekly hours go where they help most and the rest rule holds between the dates.
 * The person's plans on those dates must already be removed. Null when a date's `required` fails.
 */
export function bestDays(
  state: SearchState,
  p: number,
  days: number[],
  required: Map<number, Required>,
  relaxed?: { valueAt: SlotValuer },
  /** at most this many slots over these dates (a construction's share of the target) */
  most = Infinity,
): { plans: Map<number, DayPlan>; cost: number } | null {
  const movable = new Set(days);
  const ordered = [...days].sort((a, b) => a - b);
  const tables = ordered.map((day) =>
    dayOptions(state, p, day, required.get(day) ?? new Map(), movable, relaxed?.valueAt),
  );
  if (tables.some((t) => t.every((o) => o === undefined))) return null;
  const room = DAY_PRICES.maxWeekSlots(state, p);
  const hours = DAY_PRICES.hours(state, p);
  // A relaxed week (for a bound) may not lose a plan to the rest rule: it is left out.
  const rest = relaxed ? 0 : DAY_PRICES.restMs(state);
  // A state is (slots used, end of the last shift): its key is used + (room + 1) × an id of that end.
  type Entry = { cost: number; used: number; lastEnd: number; len: number; previous: Entry | undefined };
  const endIds = new Map<number, number>([[-Infinity, 0]]);
  const endId = (end: number) => {
    let id = endIds.get(end);
    if (id === undefined) {
      id = endIds.size;
      endIds.set(end, id);
    }
    return id;
  };
  // A relaxed week forgets an end no later date's plan can start before: its states then differ only
  // in the slots used, a few dozen per date instead of one per length and end (the bound's DP steps
  // spent most of their time on them). The search keeps its states as they were.
  const laterStart = tables.map(() => Infinity);
  for (let i = relaxed ? tables.length - 2 : -1; i >= 0; i--) {
    let start = laterStart[i + 1] as number;
    for (const option of (tables[i + 1] ?? []).slice(1)) if (option) start = Math.min(start, option.start);
    laterStart[i] = start;
  }
  let frontier = new Map<number, Entry>([[0, { cost: 0, used: 0, lastEnd: -Infinity, len: 0, previous: undefined }]]);
  for (const [i, table] of tables.entries()) {
    const next = new Map<number, Entry>();
    const forget = relaxed ? (laterStart[i] as number) - rest : -Infinity;
    for (const entry of frontier.values()) {
      for (let len = 0; len < table.length; len++) {
        const option = table[len];
        if (!option) continue;
        const used = entry.used + len;
        if (used > room || used > most) continue;
        if (len > 0 && option.start < entry.lastEnd + rest) continue;
        const ends = len > 0 ? option.end : entry.lastEnd;
        const lastEnd = ends > forget ? ends : -Infinity;
        const key = used + (room + 1) * endId(lastEnd);
        const cost = entry.cost + option.cost;
        const known = next.get(key);
        if (!known || cost < known.cost) next.set(key, { cost, used, lastEnd, len, previous: entry });
      }
    }
    frontier = next;
  }
  let best: Entry | undefined;
  for (const entry of frontier.values())
    if (!best || entry.cost + hours(entry.used) < best.cost + hours(best.used)) best = entry;
  if (!best) return null;
  const lens: number[] = [];
  for (let entry: Entry | undefined = best; entry?.previous; entry = entry.previous) lens.unshift(entry.len);
  const plans = new Map<number, DayPlan>();
  ordered.forEach((day, i) => {
    plans.set(day, tables[i]?.[lens[i] ?? 0]?.plan ?? []);
  });
  return { plans, cost: best.cost + hours(best.used) };
}

/**
 * Runs of back-to-back slots at a site where the person could work, that start on the given date:
 * a shift may run past midnight at a 24-hour site, up to `maxLen` slots.
 */
function chainsOf(
  state: SearchState,
  p: number,
  s: number,
  day: number,
  maxLen: number,
  busy: [number, number][],
  at: Int16Array,
): number[][] {
  const inst = state.inst;
  const chains: number[][] = [];
  const usable = (g: number) => {
    const slot = inst.slots[g] as SlotInfo;
    return (
      state.options[p]?.[g] !== undefined &&
      (at[g] as number) === NONE &&
      !busy.some(([a, b]) => a < slot.end && slot.start < b)
    );
  };
  let chain: number[] = [];
  let lastOfDate = -1;
  const flush = () => {
    if (chain.length > 0) chains.push(chain);
    chain = [];
  };
  for (const g of inst.sites[s]?.slotsByDay[day] ?? []) {
    if (!usable(g)) {
      flush();
      continue;
    }
    if (chain.length > 0 && (inst.slots[chain[chain.length - 1] as number] as SlotInfo).next !== g) flush();
    chain.push(g);
    lastOfDate = g;
  }
  // A shift starting late may continue past midnight.
  if (chain.length > 0 && chain[chain.length - 1] === lastOfDate) {
    for (
      let g = (inst.slots[lastOfDate] as SlotInfo).next, extra = 0;
      g >= 0 && extra < maxLen - 1 && usable(g);
      g = (inst.slots[g] as SlotInfo).next, extra++
    )
      chain.push(g);
  }
  flush();
  return chains;
}
