import { RULES } from "../../rules";
import type { RuleModule } from "../../rules/rule";
import { type DayTerms, FREE, type SearchView, type SlotPrice } from "../../rules/search-view";

type Join = NonNullable<DayTerms["join"]>;
type Of<K extends keyof DayTerms> = NonNullable<DayTerms[K]>;

/**
 * What the day DP reads of the rules, composed from their `day` terms (and the `placement` terms of
 * rules without a `join`), in the rules' order. It owns no price and no limit of its own.
 */
export class DayPrices {
  private readonly joins: Join[];
  private readonly keepers: Of<"keeps">[];
  private readonly hourTerms: Of<"hours">[];
  private readonly shifts: Of<"shift">[];
  private readonly pointChanges: Of<"pointChange">[];
  private readonly shortStints: Of<"shortStint">[];
  private readonly daySlots: Of<"maxDaySlots">[];
  private readonly weekSlots: Of<"maxWeekSlots">[];
  private readonly stintSlots: Of<"maxStintSlots">[];
  private readonly shiftSlots: Of<"minShiftSlots">[];
  private readonly rests: Of<"restMs">[];

  constructor(rules: readonly RuleModule[]) {
    const terms = rules.flatMap((r) => (r.day ? [r.day] : []));
    const all = <K extends keyof DayTerms>(kind: K): Of<K>[] =>
      terms.flatMap((t) => (t[kind] === undefined ? [] : [t[kind] as Of<K>]));
    // A hard rule's join is Infinity or 0: asked first, it spares the prices of a placement it forbids.
    const ordered = [...rules].sort((a, b) => Number(a.kind !== "hard") - Number(b.kind !== "hard"));
    this.joins = ordered.flatMap((r): Join[] => {
      if (r.day?.join) return [r.day.join];
      const placement = r.search?.placement;
      return placement ? [(view, p) => (k, g) => placement(view, p, k, g)] : [];
    });
    this.keepers = all("keeps");
    this.hourTerms = all("hours");
    this.shifts = all("shift");
    this.pointChanges = all("pointChange");
    this.shortStints = all("shortStint");
    this.daySlots = all("maxDaySlots");
    this.weekSlots = all("maxWeekSlots");
    this.stintSlots = all("maxStintSlots");
    this.shiftSlots = all("minShiftSlots");
    this.rests = all("restMs");
  }

  /**
   * For person p: what joining point k in slot g adds, everyone else as they are (Infinity: not
   * allowed), from the rules that can touch p's day.
   */
  joinOf(view: SearchView, p: number): SlotPrice {
    const parts: SlotPrice[] = [];
    for (const join of this.joins) {
      const part = join(view, p);
      if (part) parts.push(part);
    }
    const n = parts.length;
    return (k, g) => {
      let v = 0;
      for (let i = 0; i < n; i++) {
        v += (parts[i] as SlotPrice)(k, g);
        if (v === Infinity) return v;
      }
      return v;
    };
  }

  /** The point the rest of the rota needs p to stay at in g (or `ANY_POINT`); `FREE` when none. */
  keeps(view: SearchView, p: number, k: number, g: number): number {
    for (const keeps of this.keepers) {
      const need = keeps(view, p, k, g);
      if (need !== FREE) return need;
    }
    return FREE;
  }

  /** The change in the person terms when p works `extra` slots more than now. */
  hours(view: SearchView, p: number): (extra: number) => number {
    if (this.hourTerms.length === 1) return (this.hourTerms[0] as Of<"hours">)(view, p);
    const parts = this.hourTerms.map((h) => h(view, p));
    return (extra) => parts.reduce((sum, part) => sum + part(extra), 0);
  }

  /** Per shift, per change of point inside one, per short stint. */
  shift(view: SearchView): number {
    return sum(this.shifts, (t) => t(view));
  }
  pointChange(view: SearchView): number {
    return sum(this.pointChanges, (t) => t(view));
  }
  shortStint(view: SearchView): number {
    return sum(this.shortStints, (t) => t(view));
  }

  /** The day's limits: the tightest any rule sets. */
  maxDaySlots(view: SearchView, p: number): number {
    return least(this.daySlots, (t) => t(view, p));
  }
  maxWeekSlots(view: SearchView, p: number): number {
    return least(this.weekSlots, (t) => t(view, p));
  }
  maxStintSlots(view: SearchView, k: number): number {
    return least(this.stintSlots, (t) => t(view, k));
  }
  minShiftSlots(view: SearchView, p: number): number {
    return -least(this.shiftSlots, (t) => -t(view, p), -1);
  }
  restMs(view: SearchView): number {
    return -least(this.rests, (t) => -t(view), 0);
  }
}

function sum<T>(terms: readonly T[], of: (t: T) => number): number {
  let total = 0;
  for (const t of terms) total += of(t);
  return total;
}

function least<T>(terms: readonly T[], of: (t: T) => number, start = Infinity): number {
  let low = start;
  for (const t of terms) low = Math.min(low, of(t));
  return low;
}

/** Every rule's day terms: the prices and limits the search's day DP plans by. */
export const DAY_PRICES = new DayPrices(RULES);
