// The master problem of `hours-stints` (decisions §19, round eight): one column per person-week, so that a column knows
// its own stints and short stints, and the LP relaxation cannot hide a short stint inside a fraction of a slot.
import { DayPrices, dayOptions, HARD_RULES, type Instance, SearchState } from "@deskrota/core/internal";

/** A person's week: slot → point. */
export type Week = Map<number, number>;

export interface Column {
  person: number;
  week: Week;
  /** |hours − target| in slots */
  cost: number;
  rows: number[];
  values: number[];
  stints: number;
  short: number;
}

/** Gap levels in slots (cover person-slots, site-slots without a lead, opening/closing slots without a keyholder). */
export interface Caps {
  cover: number;
  lead: number;
  keyholder: number;
}

/** The share of stints that may be under an hour (issue 19 item 4). */
export const SHORT_SHARE = 0.05;

/** The day DP's shape prices set by the LP duals: each stint, and each stint under an hour. */
class DualPrices extends DayPrices {
  stint = 0;
  short = 0;
  override shift(): number {
    return this.stint;
  }
  override pointChange(): number {
    return this.stint;
  }
  override shortStint(): number {
    return this.short;
  }
}

export class StintMaster {
  readonly state: SearchState;
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  /** per point × slot: the cover row (min..max counted), −1 where the point is closed */
  private readonly pointRow: Int32Array;
  private readonly leadRow: Int32Array;
  private readonly keyRow: Int32Array;
  /** (person × points + point) × slots + slot → the row "shadowing here ≤ colleagues counted here" */
  private readonly shadowRow = new Map<number, number>();
  /** per point × slot: who could shadow there */
  private readonly shadowers: number[][];
  private readonly shortRow: number;
  /** the slack columns: unmet cover, no lead, no keyholder (row, upper bound, which cap) */
  readonly slacks: { row: number; upper: number; cap: keyof Caps }[] = [];
  readonly capRows: Record<keyof Caps, number>;
  private readonly prices = new DualPrices(HARD_RULES);

  constructor(
    readonly inst: Instance,
    caps: Caps,
    /** the share of stints that may be under an hour */
    private readonly shortShare = SHORT_SHARE,
  ) {
    const state = new SearchState(inst);
    this.state = state;
    const { G, K } = state;
    const row = (lower: number, upper: number) => {
      this.rowUpper.push(upper);
      return this.rowLower.push(lower) - 1;
    };
    for (const _ of inst.people) row(1, 1);
    this.pointRow = new Int32Array(K * G).fill(-1);
    for (let i = 0; i < K * G; i++) {
      const max = state.demandMax[i] as number;
      if (max < 0) continue;
      const min = state.demandMin[i] as number;
      this.pointRow[i] = row(min, max);
      if (min > 0) this.slacks.push({ row: this.pointRow[i] as number, upper: min, cap: "cover" });
    }
    this.leadRow = new Int32Array(G).fill(-1);
    this.keyRow = new Int32Array(G).fill(-1);
    for (const site of inst.sites)
      for (const g of site.slots) {
        this.leadRow[g] = row(1, Infinity);
        this.slacks.push({ row: this.leadRow[g] as number, upper: 1, cap: "lead" });
        if (!state.edge[g]) continue;
        this.keyRow[g] = row(1, Infinity);
        this.slacks.push({ row: this.keyRow[g] as number, upper: 1, cap: "keyholder" });
      }
    this.shadowers = Array.from({ length: K * G }, () => []);
    for (const person of inst.people)
      for (let g = 0; g < G; g++)
        for (const k of state.options[person.index]?.[g] ?? []) {
          if (person.training[k] !== "shadowing") continue;
          this.shadowRow.set((person.index * K + k) * G + g, row(-Infinity, 0));
          this.shadowers[k * G + g]?.push(person.index);
        }
    this.capRows = {
      cover: row(-Infinity, caps.cover),
      lead: row(-Infinity, caps.lead),
      keyholder: row(-Infinity, caps.keyholder),
    };
    this.shortRow = row(-Infinity, 0);
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  /** The column of person p working `week`. */
  columnOf(p: number, week: Week): Column {
    const { inst, state } = this;
    const { G, K } = state;
    const person = inst.people[p];
    if (!person) throw new Error(`no person ${p}`);
    const entries = new Map<number, number>();
    const add = (r: number | undefined, v: number) => {
      if (r !== undefined && r >= 0) entries.set(r, (entries.get(r) ?? 0) + v);
    };
    for (const [g, k] of week) {
      if (person.training[k] === "shadowing") add(this.shadowRow.get((p * K + k) * G + g), 1);
      else {
        add(this.pointRow[k * G + g], 1);
        for (const q of this.shadowers[k * G + g] ?? []) if (q !== p) add(this.shadowRow.get((q * K + k) * G + g), -1);
      }
      if (person.lead) add(this.leadRow[g], 1);
      if (person.keyholder) add(this.keyRow[g], 1);
    }
    // Stints: runs of back-to-back slots at one point.
    let stints = 0;
    let short = 0;
    for (const [g, k] of week) {
      const prev = inst.slots[g]?.prev ?? -1;
      if (prev >= 0 && week.get(prev) === k) continue;
      let length = 1;
      for (let n = inst.slots[g]?.next ?? -1; n >= 0 && week.get(n) === k; n = inst.slots[n]?.next ?? -1) length++;
      stints++;
      if (length < state.shortSlots) short++;
    }
    add(this.shortRow, short - this.shortShare * stints);
    add(p, 1);
    const rows = [...entries.keys()].sort((a, b) => a - b);
    return {
      person: p,
      week,
      cost: Math.abs(week.size - person.targetSlots),
      rows,
      values: rows.map((r) => entries.get(r) as number),
      stints,
      short,
    };
  }

  /** The gap levels of a rota (per person: its week), as these rows count them. */
  gapsOf(weeks: Week[]): Caps {
    const { G, K } = this.state;
    const counted = new Int16Array(K * G);
    const leads = new Int16Array(G);
    const keys = new Int16Array(G);
    weeks.forEach((week, p) => {
      const person = this.inst.people[p];
      for (const [g, k] of week) {
        if (person?.training[k] !== "shadowing") counted[k * G + g] = (counted[k * G + g] as number) + 1;
        if (person?.lead) leads[g] = (leads[g] as number) + 1;
        if (person?.keyholder) keys[g] = (keys[g] as number) + 1;
      }
    });
    const gaps: Caps = { cover: 0, lead: 0, keyholder: 0 };
    for (let i = 0; i < K * G; i++)
      if ((this.pointRow[i] as number) >= 0)
        gaps.cover += Math.max(0, (this.state.demandMin[i] as number) - (counted[i] as number));
    for (let g = 0; g < G; g++) {
      if ((this.leadRow[g] as number) >= 0 && leads[g] === 0) gaps.lead++;
      if ((this.keyRow[g] as number) >= 0 && keys[g] === 0) gaps.keyholder++;
    }
    return gaps;
  }

  /**
   * Pricing: person p's week of least reduced cost at the row duals `y` (HiGHS's sign: reduced cost = cost − yᵀa), by
   * the search's own day DP per date (every hard rule of one person's day: availability, training, one shift at one
   * site, its minimum and maximum length, stint limits) and a DP over the dates on the weekly hours. The rest between
   * days is left out (a relaxation; `columnOf` judges the weeks it returns). Returns, for the `count` best weekly
   * totals, the DP's value (the first: a lower bound on every week's reduced cost) and its week.
   */
  price(p: number, y: Float64Array, count = 1): { value: number; week: Week }[] {
    const { inst, state } = this;
    const { G, K } = state;
    const person = inst.people[p];
    if (!person) throw new Error(`no person ${p}`);
    const target = person.targetSlots;
    const shortY = y[this.shortRow] as number;
    this.prices.short = -shortY;
    this.prices.stint = this.shortShare * shortY;
    const at = (r: number | undefined) => (r !== undefined && r >= 0 ? (y[r] as number) : 0);
    const valueAt = (k: number, g: number) => {
      let v = -(person.lead ? at(this.leadRow[g]) : 0) - (person.keyholder ? at(this.keyRow[g]) : 0);
      if (person.training[k] === "shadowing") return v - at(this.shadowRow.get((p * K + k) * G + g));
      v -= at(this.pointRow[k * G + g]);
      for (const q of this.shadowers[k * G + g] ?? []) if (q !== p) v += at(this.shadowRow.get((q * K + k) * G + g));
      return v;
    };
    const days = inst.dates.map((_, d) => d);
    const movable = new Set(days);
    const tables = days.map((d) => dayOptions(state, p, d, new Map(), movable, valueAt, this.prices));
    const room = Math.min(person.maxWeekSlots, this.prices.maxWeekSlots(state, p));
    // best[used]: the least cost of the dates so far using `used` slots; choices[d][used]: the length taken on date d
    let best = new Float64Array(room + 1).fill(Infinity);
    best[0] = 0;
    const choices: Int32Array[] = [];
    for (const table of tables) {
      const next = new Float64Array(room + 1).fill(Infinity);
      const choice = new Int32Array(room + 1).fill(-1);
      for (let used = 0; used <= room; used++) {
        const before = best[used] as number;
        if (before === Infinity) continue;
        for (let len = 0; len < table.length && used + len <= room; len++) {
          const option = len === 0 ? { cost: 0 } : table[len];
          if (!option) continue;
          const c = before + option.cost;
          if (c < (next[used + len] as number)) {
            next[used + len] = c;
            choice[used + len] = len;
          }
        }
      }
      best = next;
      choices.push(choice);
    }
    // The best week of each total, cheapest first: the first is the least reduced cost.
    const totals = Array.from({ length: room + 1 }, (_, u) => u)
      .filter((u) => (best[u] as number) < Infinity)
      .sort((a, b) => totalOf(a) - totalOf(b))
      .slice(0, count);
    return totals.map((total) => {
      const week: Week = new Map();
      let used = total;
      for (let d = days.length - 1; d >= 0; d--) {
        const len = choices[d]?.[used] as number;
        for (const { slot, point } of len > 0 ? (tables[d]?.[len]?.plan ?? []) : []) week.set(slot, point);
        used -= len;
      }
      return { value: totalOf(total) - (y[p] as number), week };
    });

    function totalOf(u: number): number {
      return (best[u] as number) + Math.abs(u - target);
    }
  }

  /**
   * The Lagrangian bound at duals `y` (any signs the rows allow): the rows priced, each person's week chosen alone
   * (`least`: each person's least reduced cost at `y`, from `price`), each slack at its better end.
   */
  lagrangian(y: Float64Array, least: number[]): number {
    let value = 0;
    const people = this.inst.people.length;
    for (let r = people; r < this.numRows; r++) {
      const v = y[r] as number;
      if (v > 0) value += v * (this.rowLower[r] as number);
      else if (v < 0) value += v * (this.rowUpper[r] as number);
    }
    least.forEach((rc, p) => {
      value += rc + (y[p] as number);
    });
    for (const slack of this.slacks) {
      const reduced = -(y[slack.row] as number) - (y[this.capRows[slack.cap]] as number);
      value += Math.min(0, reduced) * slack.upper;
    }
    return value;
  }
}
