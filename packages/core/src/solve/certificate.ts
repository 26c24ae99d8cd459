import type { BoundKind } from "../model/rota";

const NAMES: Record<BoundKind, string> = {
  milp: "the exact model's (MILP) bound",
  "lp-relaxation": "the LP relaxation",
  lagrangian: "the Lagrangian bound",
};

/**
 * How far the score may be above the best possible one, relative to the score; null without a
 * bound, or where the bound is still so weak that the figure would pass 100 %: it would read as a
 * broken rota when it only means the bound has not become useful yet.
 */
export function gapOf(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  const gap = (objective - bound) / Math.max(1e-9, Math.abs(objective));
  if (gap > 1) return null;
  return Math.max(0, Math.round(gap * 1e6) / 1e6);
}

/** The quality certificate in words: a gap only from a bound that says something, and which bound. */
export function certificateOf(objective: number, bound: number | null, kind: BoundKind | null): string {
  if (bound === null || kind === null) return "no bound computed";
  const gap = gapOf(objective, bound);
  const shown = Math.round(bound * 10) / 10;
  if (gap === null)
    return (
      `no useful bound yet: the best proven lower bound so far (${NAMES[kind]}, ${shown}) is too far below the ` +
      `score ${Math.round(objective * 10) / 10} to say how close it is`
    );
  if (gap <= 1e-6) return `proven optimal: the score equals the lower bound from ${NAMES[kind]}`;
  return (
    `at most ${(gap * 100).toFixed(1)} % above the best possible score (lower bound ${shown}, from ` + `${NAMES[kind]})`
  );
}
