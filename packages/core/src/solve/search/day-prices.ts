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
  private readonly terms: DayTerms[];

  constructor(rules: readonly RuleModule[]) {
    this.terms = rules.flatMap((r) => (r.day ? [r.day] : []));
    // A hard rule's join is Infinity or 0: asked first, it spares the prices of a placement it forbids.
    const ordered = [...rules].sort((a, b) => Number(a.kind !== "hard") - Number(b.kind !== "hard"));
    this.joins = ordered.flatMap((r): Join[] => {
      if (r.day?.join) return [r.day.join];
      const placement = r.search?.placement;
      return placement ? [(view, p) => (k, g) => placement(view, p, k, g)] : [];
    });
    this.keepers = this.terms.flatMap((t) => (t.keeps ? [t.keeps] : []));
    this.hourTerms = this.terms.flatMap((t) => (t.hours ? [t.hours] : []));
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
    const parts = this.hourTerms.map((h) => h(view, p));
    if (parts.length === 1) return parts[0] as (extra: number) => number;
    return (extra) => parts.reduce((sum, part) => sum + part(extra), 0);
  }

  /** Per shift, per change of point inside one, per short stint. */
  shift(view: SearchView): number {
    return this.sum((t) => t.shift?.(view));
  }
  pointChange(view: SearchView): number {
    return this.sum((t) => t.pointChange?.(view));
  }
  shortStint(view: SearchView): number {
    return this.sum((t) => t.shortStint?.(view));
  }

  /** The day's limits: the tightest any rule sets. */
  maxDaySlots(view: SearchView, p: number): number {
    return this.least((t) => t.maxDaySlots?.(view, p));
  }
  maxWeekSlots(view: SearchView, p: number): number {
    return this.least((t) => t.maxWeekSlots?.(view, p));
  }
  maxStintSlots(view: SearchView, k: number): number {
    return this.least((t) => t.maxStintSlots?.(view, k));
  }
  minShiftSlots(view: SearchView, p: number): number {
    return this.terms.reduce((most, t) => Math.max(most, t.minShiftSlots?.(view, p) ?? 1), 1);
  }
  restMs(view: SearchView): number {
    return this.terms.reduce((most, t) => Math.max(most, t.restMs?.(view) ?? 0), 0);
  }

  private sum(of: (t: DayTerms) => number | undefined): number {
    let total = 0;
    for (const t of this.terms) total += of(t) ?? 0;
    return total;
  }
  private least(of: (t: DayTerms) => number | undefined): number {
    let least = Infinity;
    for (const t of this.terms) least = Math.min(least, of(t) ?? Infinity);
    return least;
  }
}

/** Every rule's day terms: the prices and limits the search's day DP plans by. */
export const DAY_PRICES = new DayPrices(RULES);
