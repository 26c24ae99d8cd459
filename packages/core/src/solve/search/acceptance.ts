/**
 * Late acceptance compares with the objective this many moves ago. Against the earlier 5 per
 * person up to 1 000: typical-week at 10 s, 32 seeds, 6 h / 15 h reached by 15 instead of 7;
 * large-system at 60 s, four seeds, median objective 28 770 against 31 093; dst-week alike. Longer
 * (×3) was worse, shorter (÷10) no better (docs/decisions.md).
 */
const HISTORY_PER_PERSON = 1.5;
const HISTORY_MIN = 50;
const HISTORY_MAX = 300;
/**
 * While the hours against targets are most of the objective (the hours moves run), the history is this short. Their
 * tiers are convex, so a rota a little worse is rarely a way round to a better one, and a long
 * history lets the search give back what the hours moves won while the objective falls steeply:
 * large-system, 78 000 moves (a quiet 10 s), seed 1, `--no-exact`: 33 488 with 300, 30 559 with
 * 50, 27 188 with 20 from the start; 27 564 (seeds 1–3 median) short only while the hours moves run
 * (docs/decisions.md §23).
 */
export const HOURS_HISTORY = 20;

/** How many moves back late acceptance looks, for a week of `people` people. */
export function historyLength(people: number, hoursMost: boolean): number {
  if (hoursMost) return HOURS_HISTORY;
  return Math.max(HISTORY_MIN, Math.min(HISTORY_MAX, Math.round(people * HISTORY_PER_PERSON)));
}

/**
 * Late acceptance: a move is kept when its rota is no worse than the rota before it or than the
 * best of the slot it takes in the history. The history is short while the hours are most of the
 * objective; when that changes, the history starts again from the objective at that moment.
 */
export class LateAcceptance {
  private readonly history: Float64Array;
  private length: number;

  constructor(
    private readonly people: number,
    objective: number,
  ) {
    this.length = historyLength(people, false);
    this.history = new Float64Array(Math.max(this.length, HOURS_HISTORY)).fill(objective);
  }

  /** The short history (or the long one) from this move on. */
  shorten(short: boolean, objective: number): void {
    const length = historyLength(this.people, short);
    if (length === this.length) return;
    this.length = length;
    this.history.fill(objective, 0, length);
  }

  /** Whether move number `move`, which took the objective from `before` to `after`, is kept. */
  accepts(move: number, before: number, after: number): boolean {
    return after <= (this.history[move % this.length] as number) + 1e-9 || after <= before + 1e-9;
  }

  /** The objective after move number `move` (kept or taken back). */
  record(move: number, objective: number): void {
    const slot = move % this.length;
    if (objective < (this.history[slot] as number)) this.history[slot] = objective;
  }
}
