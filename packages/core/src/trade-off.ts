import type { RotaMetrics } from "./metrics";
import type { GapKind, TradeOffFacts } from "./trade-off-facts";

/**
 * One headline figure of a rota: how to read it, which way is better, and the smallest
 * difference worth a coordinator's attention (below it two rotas are as good as each other).
 */
interface Figure {
  of: (m: RotaMetrics) => number;
  better: "lower" | "higher";
  least: number;
  /** the difference in words, given its size and whether it is a gain */
  words: (size: string, gain: boolean) => string;
  /** who or where the difference is, given both rotas' facts: appended to the words */
  detail?: (reference: TradeOffFacts, rota: TradeOffFacts, gain: boolean) => string;
}

const size = (x: number) => {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
};

/** Where a gap grew (or shrank, for a gain): the place, or the largest two with their hours. */
const where =
  (kind: GapKind) =>
  (reference: TradeOffFacts, rota: TradeOffFacts, gain: boolean): string => {
    const places = [...new Set([...reference.gaps[kind].keys(), ...rota.gaps[kind].keys()])]
      .map((place) => ({ place, change: (rota.gaps[kind].get(place) ?? 0) - (reference.gaps[kind].get(place) ?? 0) }))
      .filter(({ change }) => (gain ? change < 0 : change > 0))
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.place < b.place ? -1 : 1));
    const [only] = places;
    if (!only) return "";
    if (places.length === 1) return ` on ${only.place}`;
    const listed = places.slice(0, 2).map(({ place, change }) => `${size(Math.abs(change))} h on ${place}`);
    const more = places.length > 2 ? `, and ${places.length - 2} more ${places.length === 3 ? "place" : "places"}` : "";
    return ` (${listed.join(", ")}${more})`;
  };

/** How many people moved which way on a per-person figure, and by how many hours in all. */
const people =
  (of: (f: TradeOffFacts) => Map<string, number>, lower: boolean, toward: string, away: string) =>
  (reference: TradeOffFacts, rota: TradeOffFacts): string => {
    const moved = { toward: { n: 0, h: 0 }, away: { n: 0, h: 0 } };
    for (const [id, before] of of(reference)) {
      const change = (of(rota).get(id) ?? 0) - before;
      if (Math.abs(change) < 1e-9) continue;
      const side = change < 0 === lower ? moved.toward : moved.away;
      side.n++;
      side.h += Math.abs(change);
    }
    const part = ({ n, h }: { n: number; h: number }, words: string) =>
      n > 0 ? [`${n} ${n === 1 ? "person" : "people"} ${size(h)} h ${words}`] : [];
    const parts = [...part(moved.toward, toward), ...part(moved.away, away)];
    return parts.length > 0 ? ` (${parts.join(", ")})` : "";
  };

/** Who is furthest from their contract in `rota`, and by how much. */
const furthest = (_reference: TradeOffFacts, rota: TradeOffFacts): string => {
  let worst: [string, number] | undefined;
  for (const [id, off] of rota.deviation) if (!worst || off > worst[1]) worst = [id, off];
  return worst ? ` (now ${rota.names.get(worst[0]) ?? worst[0]}, ${size(worst[1])} h off)` : "";
};

const HEADLINE: readonly Figure[] = [
  {
    of: (m) => m.gapHours.cover,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} below minimum cover`,
    detail: where("cover"),
  },
  {
    of: (m) => m.gapHours.supervision,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} without a lead`,
    detail: where("supervision"),
  },
  {
    of: (m) => m.gapHours.keyholder,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} without a keyholder`,
    detail: where("keyholder"),
  },
  {
    of: (m) => m.targetCoverPct,
    better: "higher",
    least: 0.5,
    words: (pct, gain) => `${pct} points ${gain ? "more" : "less"} of target cover`,
    detail: where("target"),
  },
  {
    of: (m) => m.meanHoursDeviation,
    better: "lower",
    least: 0.1,
    words: (h, gain) => `people on average ${h} h ${gain ? "closer to" : "further from"} their contracted hours`,
    detail: people((f) => f.deviation, true, "closer", "further"),
  },
  {
    of: (m) => m.maxHoursDeviation,
    better: "lower",
    least: 0.5,
    words: (h, gain) => `the person furthest from their contract ${h} h ${gain ? "closer" : "further"}`,
    detail: furthest,
  },
  {
    of: (m) => m.eveningHoursSpread,
    better: "lower",
    least: 0.5,
    words: (h, gain) => `evening hours shared ${h} h ${gain ? "more" : "less"} evenly`,
  },
  {
    of: (m) => m.preferenceHoursMet,
    better: "higher",
    least: 0.5,
    words: (h, gain) => `${h} h ${gain ? "more" : "fewer"} of the hours people asked for`,
    detail: people((f) => f.wishesMet, false, "more", "fewer"),
  },
  {
    of: (m) => m.preferenceHoursViolated,
    better: "lower",
    least: 0.5,
    words: (h, gain) => `${h} h ${gain ? "fewer" : "more"} of the hours people asked to avoid`,
  },
];

/** Both rotas' facts, to say who and where as well as how much. */
export interface FactsOf {
  reference: TradeOffFacts;
  rota: TradeOffFacts;
}

/** The headline figures where `rota` is clearly better and clearly worse than `reference`, in words. */
export function gainsAndCosts(
  reference: RotaMetrics,
  rota: RotaMetrics,
  facts?: FactsOf,
): { gains: string[]; costs: string[] } {
  const gains: string[] = [];
  const costs: string[] = [];
  for (const figure of HEADLINE) {
    const change = figure.of(rota) - figure.of(reference);
    if (Math.abs(change) < figure.least) continue;
    const gain = figure.better === "lower" ? change < 0 : change > 0;
    const detail = facts && figure.detail ? figure.detail(facts.reference, facts.rota, gain) : "";
    (gain ? gains : costs).push(figure.words(size(Math.abs(change)), gain) + detail);
  }
  return { gains, costs };
}

/**
 * Whether `rota` is beaten by `other` on every headline figure: clearly worse on at least one and
 * clearly better on none. Such a rota is no choice a coordinator needs to see.
 */
export function dominatedBy(other: RotaMetrics, rota: RotaMetrics): boolean {
  const { gains, costs } = gainsAndCosts(other, rota);
  return gains.length === 0 && costs.length > 0;
}

/**
 * One sentence that says the trade-off of a rota against a reference: what it gains on the headline
 * figures, and what that costs ("fairness-first: people on average 0.4 h closer to their contracted
 * hours; costs 1 h more without a lead").
 */
export function tradeOffSentence(
  label: string,
  reference: RotaMetrics,
  rota: RotaMetrics,
  against: string,
  facts?: FactsOf,
): string {
  const { gains, costs } = gainsAndCosts(reference, rota, facts);
  if (gains.length === 0 && costs.length === 0) return `${label}: as good as ${against} on every headline figure`;
  if (gains.length === 0) return `${label}: no better than ${against} on any headline figure; ${costs.join(", ")}`;
  const cost = costs.length > 0 ? `costs ${costs.join(", ")}` : "costs nothing on the headline figures";
  return `${label}: ${gains.join(", ")}; ${cost}`;
}
