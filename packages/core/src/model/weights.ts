import { z } from "zod";

/**
 * Soft-goal weights, in objective points. Most are "per hour" so that a 15-minute and a 60-minute
 * grid weigh the same week alike. The order of the defaults is the coordinator's ranking: unmet
 * minimum cover, then time without a lead or keyholder, then target shortfall, then hours against
 * contract, then preferences and the shape of the week. docs/rules.md explains each one.
 */
export const DEFAULT_WEIGHTS = {
  /** per person-hour below a band's `min` (a cover gap) */
  cover: 1000,
  /** per hour a site is open without a `lead` working there (above any trade of targets and hours) */
  supervision: 400,
  /** per opening/closing hour without a keyholder */
  keyholder: 400,
  /** per person-hour between `min` and `target` */
  coverTarget: 30,
  /** per hour below a person's contracted target (grows for larger relative shortfalls) */
  hoursUnder: 6,
  /** per hour above a person's target (grows for larger relative excess) */
  hoursOver: 6,
  /** per hour below a person's `min` hours, on top of hoursUnder */
  hoursBelowMin: 20,
  /** per evening/weekend hour above a person's fair share */
  unsocial: 1,
  /** per hour, multiplied by the preference's weight (positive: a reward, negative: a cost) */
  preferences: 2,
  /** per trained service point a student does not work at during the week */
  rotation: 3,
  /** reward per shadowing hour given */
  shadowing: 2,
  /** reward per shadowing hour beside the named mentor, on top of `shadowing` */
  mentor: 1,
  /** per shift worked: fewer, longer shifts */
  shifts: 3,
  /** per change of service point inside a shift */
  pointChanges: 1,
  /**
   * per stint shorter than an hour: above what target cover (30/h) gives in less than an hour, so
   * that a short stint is kept mostly where it closes a gap (5 before issue 19)
   */
  shortStints: 40,
  /** per person-hour changed in a re-solve: above every soft goal, below filling a gap */
  stability: 120,
  /** multiplier of `stability` for changes within 24 h of `now` (still below a lead gap) */
  stabilitySoon: 3,
} as const;

export type WeightName = keyof typeof DEFAULT_WEIGHTS;
export type WeightTable = { [K in WeightName]: number };

export const Weights = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, z.number().min(0).max(1e6).optional()])) as {
    [K in WeightName]: z.ZodOptional<z.ZodNumber>;
  },
);

export function resolveWeights(given: Partial<Record<WeightName, number | undefined>> | undefined): WeightTable {
  const table = { ...DEFAULT_WEIGHTS } as WeightTable;
  for (const key of Object.keys(DEFAULT_WEIGHTS) as WeightName[]) {
    const value = given?.[key];
    if (value !== undefined) table[key] = value;
  }
  return table;
}
