import { GAP_RULES, SOFT_GOALS } from "../../rules";
import type { SearchTerms, SearchView, ShiftRun } from "../../rules/search-view";

type Terms = Required<SearchTerms>;
type Kind = Exclude<keyof Terms, "partnersOf">;

/** The most terms of one kind the sums below take: each is its own call, so V8 can inline every term. */
const MOST = 4;
const none = () => 0;
const nobody = (): readonly number[] => [];

/** The rules' terms of one kind, padded with terms of 0 to `MOST`. */
function termsOf<K extends Kind>(terms: readonly SearchTerms[], kind: K): [Terms[K], Terms[K], Terms[K], Terms[K]] {
  const found = terms.flatMap((t) => (t[kind] ? [t[kind] as Terms[K]] : []));
  if (found.length > MOST) throw new Error(`more than ${MOST} rules have a ${kind} term: raise MOST`);
  const zero = none as unknown as Terms[K];
  return [found[0] ?? zero, found[1] ?? zero, found[2] ?? zero, found[3] ?? zero];
}

/**
 * The search's objective as the sum of the rules' `search` terms, kind by kind (each kind in the
 * rules' order). It owns no cost of its own: a rule's penalty changes in the rule's module.
 */
export class Objective {
  readonly point: (view: SearchView, k: number, g: number) => number;
  readonly slot: (view: SearchView, g: number) => number;
  readonly person: (view: SearchView, p: number) => number;
  /** what the person being at k in g adds on its own */
  readonly placement: (view: SearchView, p: number, k: number, g: number) => number;
  /** the pair terms the person at k in g carries */
  readonly pair: (view: SearchView, p: number, k: number, g: number) => number;
  /** the pair terms the person's partners carry, which the person at k in g changes */
  readonly partners: (view: SearchView, p: number, k: number, g: number) => number;
  readonly shift: (view: SearchView, p: number, run: ShiftRun) => number;
  readonly constant: (view: SearchView) => number;

  constructor(terms: readonly SearchTerms[]) {
    const [c1, c2, c3, c4] = termsOf(terms, "constant");
    this.constant = (v) => c1(v) + c2(v) + c3(v) + c4(v);
    const [k1, k2, k3, k4] = termsOf(terms, "point");
    this.point = (v, k, g) => k1(v, k, g) + k2(v, k, g) + k3(v, k, g) + k4(v, k, g);
    const [s1, s2, s3, s4] = termsOf(terms, "slot");
    this.slot = (v, g) => s1(v, g) + s2(v, g) + s3(v, g) + s4(v, g);
    const [p1, p2, p3, p4] = termsOf(terms, "person");
    this.person = (v, p) => p1(v, p) + p2(v, p) + p3(v, p) + p4(v, p);
    const [a1, a2, a3, a4] = termsOf(terms, "placement");
    this.placement = (v, p, k, g) => a1(v, p, k, g) + a2(v, p, k, g) + a3(v, p, k, g) + a4(v, p, k, g);
    const [h1, h2, h3, h4] = termsOf(terms, "shift");
    this.shift = (v, p, run) => h1(v, p, run) + h2(v, p, run) + h3(v, p, run) + h4(v, p, run);
    // One rule pairs people today (a shadower and their mentor); more would each name their partners.
    const pairs = terms.filter((t) => t.pair);
    if (pairs.length > 1) throw new Error("more than one rule has a pair term");
    const pair = pairs[0]?.pair ?? none;
    const partnersOf = pairs[0]?.partnersOf ?? nobody;
    this.pair = pair;
    this.partners = (v, p, k, g) => {
      let cost = 0;
      const partners = partnersOf(v, p);
      for (let i = 0; i < partners.length; i++) cost += pair(v, partners[i] as number, k, g);
      return cost;
    };
  }

  /** The whole objective of the rota the view holds, from nothing. */
  total(view: SearchView): number {
    const inst = view.inst;
    let total = this.constant(view);
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
