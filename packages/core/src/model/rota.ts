import { z } from "zod";
import { DateTimeText, Id } from "./primitives";

export const Assignment = z.strictObject({
  person: Id,
  point: Id,
  start: DateTimeText,
  end: DateTimeText,
  shadowing: z.boolean().optional(),
});
export type Assignment = z.infer<typeof Assignment>;

export const GAP_RULE_IDS = ["cover", "supervision", "keyholder"] as const;
export const GapRule = z.enum(GAP_RULE_IDS);
export type GapRule = z.infer<typeof GapRule>;

/** Why demand was left unmet, most binding cause first. */
export const GAP_CAUSES = [
  "nobody-available",
  "nobody-trained",
  "only-shadowing",
  "hours-used-up",
  "stint-limit",
  "shift-rules",
  "no-lead-available",
  "no-keyholder-available",
  "point-full",
  "traded-off",
  "student-alone",
  "one-site-per-day",
] as const;
export const GapCause = z.enum(GAP_CAUSES);
export type GapCause = z.infer<typeof GapCause>;

export const Uncovered = z.strictObject({
  rule: GapRule.optional(),
  point: Id.optional(),
  site: Id.optional(),
  start: DateTimeText,
  end: DateTimeText,
  missing: z.number().int().positive(),
  reason: z.string().min(1),
  cause: GapCause.optional(),
});
export type Uncovered = z.infer<typeof Uncovered>;

export const Score = z.strictObject({
  hard: z.number(),
  soft: z.number(),
  byRule: z.record(z.string(), z.number()),
});
export type Score = z.infer<typeof Score>;

export const PersonSummary = z.strictObject({
  person: Id,
  minutes: z.number(),
  targetMinutes: z.number().optional(),
  eveningMinutes: z.number().optional(),
  weekendMinutes: z.number().optional(),
  shadowingMinutes: z.number().optional(),
  shifts: z.number().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const SolveStatus = z.enum(["optimal", "feasible", "time-limit", "stopped", "work-limit"]);
export type SolveStatus = z.infer<typeof SolveStatus>;

/**
 * Where a lower bound on the objective comes from. Each is valid for the whole objective: the
 * whole MILP's dual bound; the LP relaxation of the shift-column model (without steady-desk terms,
 * which only add cost); the Lagrangian bound (people priced apart, goals that only add cost left out).
 */
export const BoundKind = z.enum(["milp", "lp-relaxation", "lagrangian"]);
export type BoundKind = z.infer<typeof BoundKind>;

export const SolverReport = z.strictObject({
  status: SolveStatus,
  backend: z.string(),
  timeMs: z.number(),
  firstRotaMs: z.number().optional(),
  objective: z.number(),
  bestBound: z.number().nullable(),
  /** null without a bound, or while the bound is too weak for a gap of at most 100 % */
  gap: z.number().nullable(),
  boundKind: BoundKind.optional(),
  /** the quality certificate in words: the gap and which bound it comes from, or why there is none */
  certificate: z.string().optional(),
  iterations: z.number().optional(),
  seed: z.number().optional(),
});
export type SolverReport = z.infer<typeof SolverReport>;

/** A rota as the engine returns it (FORMAT.md, plus the optional fields documented in docs/api.md). */
export const Rota = z.strictObject({
  weekStart: z.string().optional(),
  assignments: z.array(Assignment),
  uncovered: z.array(Uncovered),
  score: Score,
  people: z.array(PersonSummary),
  solver: SolverReport.optional(),
});
export type Rota = z.infer<typeof Rota>;

/** What `check` accepts: any rota, even a hand-made one with nothing but assignments. */
export const RotaInput = z.object({
  assignments: z.array(Assignment),
  uncovered: z.array(Uncovered).optional(),
});
export type RotaInput = z.infer<typeof RotaInput>;
