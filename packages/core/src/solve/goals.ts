import type { RotaMetrics } from "../metrics";

/** What a profile is for, as one figure of the rota, and how much better it must be to count. */
interface Goal {
  name: string;
  figure: string;
  of: (m: RotaMetrics) => number;
  better: "lower" | "higher";
  /** the least improvement worth offering as an alternative, given the balanced rota's figure */
  margin: (balanced: number) => number;
}

const GOALS: Record<string, Goal> = {
  "coverage-first": {
    name: "cover",
    figure: "target cover",
    of: (m) => m.targetCoverPct,
    better: "higher",
    margin: () => 1,
  },
  "fairness-first": {
    name: "fairness",
    figure: "mean |hours − target|",
    of: (m) => m.meanHoursDeviation,
    better: "lower",
    // A tenth of the balanced rota's distance, and at least a quarter of an hour a person.
    margin: (balanced) => Math.max(0.25, balanced / 10),
  },
  "preferences-first": {
    name: "preferences",
    figure: "of wishes met net",
    of: (m) => m.preferenceHoursMet - m.preferenceHoursViolated,
    better: "higher",
    margin: () => 1,
  },
};

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Whether an alternative is clearly better than the balanced rota on the goal its profile is
 * named for, by the margin asked, in words; undefined for a profile without a goal of its own.
 */
export function goalVerdict(
  profile: string,
  balanced: RotaMetrics,
  rota: RotaMetrics,
): { clear: boolean; words: string } | undefined {
  const goal = GOALS[profile];
  if (!goal) return undefined;
  const [mine, theirs] = [goal.of(rota), goal.of(balanced)];
  const gain = goal.better === "lower" ? theirs - mine : mine - theirs;
  const margin = goal.margin(theirs);
  const clear = gain >= margin - 1e-9;
  const unit = goal.name === "cover" ? " %" : " h";
  const value = (x: number) =>
    goal.figure.startsWith("of ") ? `${fmt(x)}${unit} ${goal.figure}` : `${goal.figure} ${fmt(x)}${unit}`;
  const against = `${fmt(theirs)}${unit}`;
  return {
    clear,
    words:
      `${clear ? "clearly" : "not clearly"} better on ${goal.name}: ${value(mine)}, against ${against} in balanced ` +
      `(margin asked: ${fmt(margin)}${unit})`,
  };
}
