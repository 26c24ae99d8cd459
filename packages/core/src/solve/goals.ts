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
    figure: "without minimum cover, a lead or a keyholder",
    of: (m) => m.gapHours.cover + m.gapHours.supervision + m.gapHours.keyholder,
    better: "lower",
    // An hour, or a tenth of the balanced rota's gaps where they are many.
    margin: (balanced) => Math.max(1, balanced / 10),
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
    // Two hours, or a fifth of what the balanced rota already meets: an hour's wish is noise.
    margin: (balanced) => Math.max(2, Math.abs(balanced) / 5),
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
  const unit = " h";
  const value = (x: number) =>
    /^(of|without) /.test(goal.figure) ? `${fmt(x)}${unit} ${goal.figure}` : `${goal.figure} ${fmt(x)}${unit}`;
  const against = `${fmt(theirs)}${unit}`;
  return {
    clear,
    words:
      `${clear ? "clearly" : "not clearly"} better on ${goal.name}: ${value(mine)}, against ${against} in balanced ` +
      `(margin asked: ${fmt(margin)}${unit})`,
  };
}
