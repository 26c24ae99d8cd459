import { penalty } from "../rules/hours-fairness";
import type { SearchState } from "./search/state";

export interface PricedWeek {
  cost: number;
  /** the slots taken and where, as (slot, point) pairs */
  slots: { slot: number; point: number }[];
}

/** One person's workable slots of one day at one site (or of the whole week: see `LooseWeeks`). */
interface Group {
  day: number;
  /** in time order */
  slots: Int32Array;
  /**
   * With one shift a day: per slot, where its run of touching slots begins (a shift is one such
   * stretch). Null where the slots may be taken freely.
   */
  runStart: Int32Array | null;
}

/**
 * Lower bounds on people's weeks at given slot values, in microseconds where the week DP takes
 * milliseconds: a day is the cheapest stretch of touching slots at one site (someone allowed
 * several shifts a day: the cheapest slots taken freely), each slot at its cheapest point (no stint
 * limit, point changes or rest), from a minimum shift to the day's hours long, for one shift's
 * cost; the days are then combined under the weekly hours with the exact hours term. Every week
 * the rules allow costs at least this much, so a bound from it stays valid.
 * Where a site's shifts run past midnight, a day's slots are not one shift's date: such a person's
 * week is one group, with neither day limits nor shift costs.
 */
export class LooseWeeks {
  private readonly groups: Group[][];
  private readonly values: Float64Array;
  private readonly points: Int32Array;
  private readonly order: Int32Array;
  // Scratch for the days' DP, sized for the longest week.
  private readonly dayCost: Float64Array;
  private readonly dayGroup: Int32Array;
  private readonly dayFrom: Int32Array;
  private readonly taken: Int16Array;
  private readonly best: Float64Array;
  private readonly next: Float64Array;

  constructor(private readonly state: SearchState) {
    const inst = state.inst;
    const overnight = new Set<number>();
    for (const slot of inst.slots) {
      const next = slot.next >= 0 ? inst.slots[slot.next] : undefined;
      if (next && next.day !== slot.day) overnight.add(slot.site);
    }
    this.groups = inst.people.map((person) => {
      const whole = person.sites.some((s) => overnight.has(s));
      const byKey = new Map<number, number[]>();
      state.options[person.index]?.forEach((points, g) => {
        const slot = inst.slots[g];
        if (!points || points.length === 0 || !slot) return;
        const key = whole ? -1 : slot.day * inst.sites.length + slot.site;
        const list = byKey.get(key) ?? [];
        list.push(g);
        byKey.set(key, list);
      });
      return [...byKey].map(([key, list]): Group => {
        const slots = Int32Array.from(list.sort((a, b) => (inst.slots[a]?.start ?? 0) - (inst.slots[b]?.start ?? 0)));
        if (whole || person.maxShiftsPerDay !== 1)
          return { day: whole ? -1 : Math.floor(key / inst.sites.length), slots, runStart: null };
        const runStart = new Int32Array(slots.length);
        for (let i = 1; i < slots.length; i++)
          runStart[i] = inst.slots[slots[i - 1] as number]?.next === slots[i] ? (runStart[i - 1] as number) : i;
        return { day: Math.floor(key / inst.sites.length), slots, runStart };
      });
    });
    const most = Math.max(0, ...state.options.map((own) => own.filter(Boolean).length));
    this.values = new Float64Array(most);
    this.points = new Int32Array(most);
    this.order = new Int32Array(most);
    const room = Math.max(0, ...inst.people.map((person) => person.maxWeekSlots)) + 1;
    const days = inst.dates.length;
    this.dayCost = new Float64Array(days * room);
    this.dayGroup = new Int32Array(days * room);
    this.dayFrom = new Int32Array(days * room);
    this.taken = new Int16Array(days * room);
    this.best = new Float64Array(room);
    this.next = new Float64Array(room);
  }

  week(p: number, valueAt: (k: number, g: number) => number): PricedWeek {
    const { state, values, points, order } = this;
    const inst = state.inst;
    const person = inst.people[p];
    if (!person) return { cost: 0, slots: [] };
    const h = inst.slotMinutes / 60;
    const room = person.maxWeekSlots;
    const days = inst.dates.length;
    // Per group its cheapest slots first; per day the cheapest cost of taking j slots, and where.
    const size = days * (room + 1);
    const dayCost = this.dayCost.fill(Infinity, 0, size);
    const dayGroup = this.dayGroup.fill(-1, 0, size);
    // where the stretch taken begins in its group, or −1 for the group's cheapest slots
    const dayFrom = this.dayFrom;
    const taken = this.taken.fill(0, 0, size);
    let best = this.best.fill(Infinity, 0, room + 1);
    let next = this.next;
    best[0] = 0;
    const groups = this.groups[p] ?? [];
    let whole = false;
    const starts: number[] = [];
    let at = 0;
    groups.forEach((group, index) => {
      const n = group.slots.length;
      starts.push(at);
      for (let i = 0; i < n; i++) {
        const g = group.slots[i] as number;
        let cheapest = Infinity;
        let point = -1;
        for (const k of state.options[p]?.[g] ?? []) {
          const v = valueAt(k, g);
          if (v < cheapest) {
            cheapest = v;
            point = k;
          }
        }
        values[at + i] = cheapest;
        points[at + i] = point;
        order[at + i] = at + i;
      }
      const most = Math.min(person.maxDaySlots, n, room);
      const base = group.day * (room + 1);
      const runStart = group.runStart;
      if (runStart) {
        // Every stretch, by where it ends and how long it is.
        for (let end = 0; end < n; end++) {
          let sum = 0;
          const longest = Math.min(most, end - (runStart[end] as number) + 1);
          for (let j = 1; j <= longest; j++) {
            sum += values[at + end - j + 1] as number;
            const cost = sum + state.w.shifts;
            if (j >= person.minShiftSlots && cost < (dayCost[base + j] as number)) {
              dayCost[base + j] = cost;
              dayGroup[base + j] = index;
              dayFrom[base + j] = end - j + 1;
            }
          }
        }
        at += n;
        return;
      }
      sortRange(order, values, at, at + n);
      if (group.day < 0) {
        let sum = 0;
        for (let j = 1; j <= Math.min(n, room); j++) best[j] = sum += values[order[at + j - 1] as number] as number;
        whole = true;
      } else {
        let sum = 0;
        for (let j = 1; j <= most; j++) {
          sum += values[order[at + j - 1] as number] as number;
          const cost = sum + state.w.shifts;
          if (j >= person.minShiftSlots && cost < (dayCost[base + j] as number)) {
            dayCost[base + j] = cost;
            dayGroup[base + j] = index;
            dayFrom[base + j] = -1;
          }
        }
      }
      at += n;
    });
    // best[n]: the cheapest days so far with n slots in all; taken[d][n]: slots taken on day d there.
    let reach = whole ? room : 0;
    for (let d = 0; d < days && !whole; d++) {
      const base = d * (room + 1);
      let most = 0;
      for (let j = room; j > 0; j--)
        if ((dayCost[base + j] as number) < Infinity) {
          most = j;
          break;
        }
      next.set(best.subarray(0, room + 1));
      for (let n = 0; n <= reach; n++) {
        const before = best[n] as number;
        if (before === Infinity) continue;
        for (let j = 1; j <= most && n + j <= room; j++) {
          const cost = before + (dayCost[base + j] as number);
          if (cost < (next[n + j] as number)) {
            next[n + j] = cost;
            taken[base + n + j] = j;
          }
        }
      }
      reach = Math.min(room, reach + most);
      [best, next] = [next, best];
    }
    let total = 0;
    let cost = Infinity;
    for (let n = 0; n <= room; n++) {
      const c = (best[n] as number) + penalty(n * h, person.targetSlots * h, person.minSlots * h, inst.weights);
      if (c < cost) {
        cost = c;
        total = n;
      }
    }
    const slots: { slot: number; point: number }[] = [];
    const take = (index: number, j: number, stretch: number) => {
      const group = groups[index] as Group;
      const from = starts[index] as number;
      for (let i = 0; i < j; i++) {
        const o = stretch >= 0 ? from + stretch + i : (order[from + i] as number);
        slots.push({ slot: group.slots[o - from] as number, point: points[o] as number });
      }
    };
    if (whole) take(0, total, -1);
    else
      for (let d = days - 1; d >= 0; d--) {
        const j = taken[d * (room + 1) + total] as number;
        if (j > 0) take(dayGroup[d * (room + 1) + j] as number, j, dayFrom[d * (room + 1) + j] as number);
        total -= j;
      }
    return { cost, slots };
  }
}

/** Insertion sort of order[from, to) by value: a group is a day's slots at one site, a few dozen. */
function sortRange(order: Int32Array, values: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const o = order[i] as number;
    const v = values[o] as number;
    let j = i - 1;
    while (j >= from && (values[order[j] as number] as number) > v) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = o;
  }
}
