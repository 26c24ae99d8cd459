import { GAP_RULES, SOFT_GOALS } from "../../rules";
import type { SearchTerms, SearchView, ShiftRun } from "../../rules/search-view";

type Term<A extends unknown[]> = (view: SearchView, ...args: A) => number;

function termsOf<K extends keyof SearchTerms>(terms: readonly SearchTerms[], kind: K): NonNullable<SearchTerms[K]>[] {
  return terms.flatMap((t) => (t[kind] ? [t[kind] as NonNullable<SearchTerms[K]>] : []));
}

/**
 * The search's objective as the sum of the rules' `search` terms, kind by kind (each kind in the
 * rules' order). It owns no cost of its own: a rule's penalty changes in the rule's module.
 */
export class Objective {
  private readonly constants: Term<[]>[];
  private readonly points: Term<[number, number]>[];
  private readonly slots: Term<[number]>[];
  private readonly people: Term<[number]>[];
  private readonly placements: Term<[number, number, number]>[];
  private readonly pairs: { pair: Term<[number, number, number]>; partnersOf: SearchTerms["partnersOf"] }[];
  private readonly shifts: Term<[number, ShiftRun]>[];

  constructor(terms: readonly SearchTerms[]) {
    this.constants = termsOf(terms, "constant");
    this.points = termsOf(terms, "point");
    this.slots = termsOf(terms, "slot");
    this.people = termsOf(terms, "person");
    this.placements = termsOf(terms, "placement");
    this.pairs = terms.flatMap((t) => (t.pair ? [{ pair: t.pair, partnersOf: t.partnersOf }] : []));
    this.shifts = termsOf(terms, "shift");
  }

  point(view: SearchView, k: number, g: number): number {
    let cost = 0;
    for (const term of this.points) cost += term(view, k, g);
    return cost;
  }

  slot(view: SearchView, g: number): number {
    let cost = 0;
    for (const term of this.slots) cost += term(view, g);
    return cost;
  }

  person(view: SearchView, p: number): number {
    let cost = 0;
    for (const term of this.people) cost += term(view, p);
    return cost;
  }

  placement(view: SearchView, p: number, k: number, g: number): number {
    let cost = 0;
    for (const term of this.placements) cost += term(view, p, k, g);
    return cost;
  }

  /** The pair terms the person at k in g carries. */
  pair(view: SearchView, p: number, k: number, g: number): number {
    let cost = 0;
    for (const { pair } of this.pairs) cost += pair(view, p, k, g);
    return cost;
  }

  /** The pair terms the person's partners carry, which the person at k in g changes. */
  partners(view: SearchView, p: number, k: number, g: number): number {
    let cost = 0;
    for (const { pair, partnersOf } of this.pairs)
      for (const s of partnersOf?.(view, p) ?? []) cost += pair(view, s, k, g);
    return cost;
  }

  shift(view: SearchView, p: number, run: ShiftRun): number {
    let cost = 0;
    for (const term of this.shifts) cost += term(view, p, run);
    return cost;
  }

  /** The whole objective of the rota the view holds, from nothing. */
  total(view: SearchView): number {
    const inst = view.inst;
    let total = 0;
    for (const term of this.constants) total += term(view);
    for (let k = 0; k < view.K; k++) {
      const site = inst.sites[inst.points[k]?.site ?? 0];
      for (const g of site?.slots ?? []) total += this.point(view, k, g);
    }
    for (let g = 0; g < view.G; g++) total += this.slot(view, g);
    for (let p = 0; p < inst.people.length; p++) {
      total += this.person(view, p);
      const at = view.at[p] as Int16Array;
      for (let g = 0; g < view.G; g++) {
        const k = at[g] as number;
        if (k >= 0) total += this.placement(view, p, k, g) + this.pair(view, p, k, g);
      }
      for (const day of view.shifts[p] ?? []) for (const run of day) total += this.shift(view, p, run);
    }
    return total;
  }
}

/** Every gap rule's and soft goal's terms: the objective the search minimises. */
export const OBJECTIVE = new Objective([...GAP_RULES, ...SOFT_GOALS].flatMap((r) => (r.search ? [r.search] : [])));
