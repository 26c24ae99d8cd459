import type { RotaMetrics } from "./metrics";

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
}

const HEADLINE: readonly Figure[] = [
  {
    of: (m) => m.gapHours.cover,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} below minimum cover`,
  },
  {
    of: (m) => m.gapHours.supervision,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} without a lead`,
  },
  {
    of: (m) => m.gapHours.keyholder,
    better: "lower",
    least: 0.25,
    words: (h, gain) => `${h} h ${gain ? "less" : "more"} without a keyholder`,
  },
  {
    of: (m) => m.targetCoverPct,
    better: "higher",
    least: 0.5,
    words: (pct, gain) => `${pct} points ${gain ? "more" : "less"} of target cover`,
  },
  {
    of: (m) => m.meanHoursDeviation,
    better: "lower",
    least: 0.1,
    words: (h, gain) => `people on average ${h} h ${gain ? "closer to" : "further from"} their contracted hours`,
  },
  {
    of: (m) => m.maxHoursDeviation,
    better: "lower",
    least: 0.5,
    words: (h, gain) => `the person furthest from their contract ${h} h ${gain ? "closer" : "further"}`,
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
  },
  {
    of: (m) => m.preferenceHoursViolated,
    better: "lower",
    least: 0.5,
    words: (h, gain) => `${h} h ${gain ? "fewer" : "more"} of the hours people asked to avoid`,
  },
];

const size = (x: number) => {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
};

/** The headline figures where `rota` is clearly better and clearly worse than `reference`, in words. */
export function gainsAndCosts(reference: RotaMetrics, rota: RotaMetrics): { gains: string[]; costs: string[] } {
  const gains: string[] = [];
  const costs: string[] = [];
  for (const figure of HEADLINE) {
    const change = figure.of(rota) - figure.of(reference);
    if (Math.abs(change) < figure.least) continue;
    const gain = figure.better === "lower" ? change < 0 : change > 0;
    (gain ? gains : costs).push(figure.words(size(Math.abs(change)), gain));
  }
  return { gains, costs };
}

/**
 * One sentence that says the trade-off of a rota against a reference: what it gains on the headline
 * figures, and what that costs ("fairness-first: people on average 0.4 h closer to their contracted
 * hours; costs 1 h more without a lead").
 */
export function tradeOffSentence(label: string, reference: RotaMetrics, rota: RotaMetrics, against: string): string {
  const { gains, costs } = gainsAndCosts(reference, rota);
  if (gains.length === 0 && costs.length === 0) return `${label}: as good as ${against} on every headline figure`;
  if (gains.length === 0) return `${label}: no better than ${against} on any headline figure; ${costs.join(", ")}`;
  const cost = costs.length > 0 ? `costs ${costs.join(", ")}` : "costs nothing on the headline figures";
  return `${label}: ${gains.join(", ")}; ${cost}`;
}
