import { allowedSites } from "./allowed-sites";
import { availability } from "./availability";
import { cover } from "./cover";
import { coverTarget } from "./cover-target";
import { dailyHours } from "./daily-hours";
import { headcount } from "./headcount";
import { hoursFairness } from "./hours-fairness";
import { keyholder } from "./keyholder";
import { minShiftLength } from "./min-shift-length";
import { onePlace } from "./one-place";
import { oneSitePerDay } from "./one-site-per-day";
import { pinned } from "./pinned";
import { pointOpen } from "./point-open";
import { preferences } from "./preferences";
import { rest } from "./rest";
import { rotation } from "./rotation";
import type { RuleModule } from "./rule";
import { shadowing } from "./shadowing";
import { shiftShape } from "./shift-shape";
import { shiftsPerDay } from "./shifts-per-day";
import { steadyDesks } from "./steady-desks";
import { stability } from "./stability";
import { stintLimit } from "./stint-limit";
import { studentAlone } from "./student-alone";
import { supervision } from "./supervision";
import { training } from "./training";
import { unsocialFairness } from "./unsocial-fairness";
import { weeklyHours } from "./weekly-hours";

/** Hard rules 1–8 of DOMAIN.md. */
export const HARD_RULES: readonly RuleModule[] = [
  allowedSites,
  availability,
  onePlace,
  oneSitePerDay,
  training,
  weeklyHours,
  dailyHours,
  rest,
  shiftsPerDay,
  minShiftLength,
  stintLimit,
  studentAlone,
  pinned,
  headcount,
  pointOpen,
];

/** Demand a rota may leave unmet only by reporting it as uncovered, with its reason. */
export const GAP_RULES: readonly RuleModule[] = [cover, supervision, keyholder];

/** The soft goals, weighted (see DEFAULT_WEIGHTS). */
export const SOFT_GOALS: readonly RuleModule[] = [
  coverTarget,
  hoursFairness,
  unsocialFairness,
  preferences,
  rotation,
  shadowing,
  shiftShape,
  steadyDesks,
  stability,
];

export const RULES: readonly RuleModule[] = [...HARD_RULES, ...GAP_RULES, ...SOFT_GOALS];
