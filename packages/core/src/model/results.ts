import { z } from "zod";
import { Uncovered } from "./rota";

// The shapes of what the core answers besides a rota, as zod schemas: the one source of their
// TypeScript types and of the API's response schemas.

const Where = {
  person: z.string().optional(),
  point: z.string().optional(),
  site: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
};

/** Where a hard rule (or the gap reporting) is broken, and what is wrong, in words. */
export const Violation = z.object({ rule: z.string(), message: z.string(), ...Where }).meta({ id: "Violation" });
export type Violation = z.infer<typeof Violation>;

/** A share of a rule's penalty: who or where carries it, when, and how many points (a reward is negative). */
export const Penalty = z
  .object({
    points: z.number(),
    message: z.string().describe('e.g. "Ben Walsh 15.5 h under target (7 h of 22.5 h)"'),
    ...Where,
  })
  .meta({ id: "Penalty" });
export type Penalty = z.infer<typeof Penalty>;

export const RuleScore = z
  .object({
    rule: z.string(),
    title: z.string(),
    points: z.number(),
    penalties: z.array(Penalty).describe("who and when carry the points, largest first; they add up to `points`"),
  })
  .meta({ id: "RuleScore" });
export type RuleScore = z.infer<typeof RuleScore>;

export const Analysis = z
  .object({
    valid: z.boolean().describe("no hard rule broken, and the rota's own `uncovered` list says exactly its gaps"),
    broken: z
      .array(z.object({ rule: z.string(), title: z.string(), violations: z.array(Violation) }))
      .describe("every hard rule the rota breaks, with each place it breaks it"),
    gaps: z.array(Uncovered).describe("every gap the rota has, with the reason nobody fills it (worked out)"),
    misreported: z.array(Violation).describe("where the rota's own `uncovered` list and its real gaps disagree"),
    score: z
      .object({ soft: z.number(), byRule: z.array(RuleScore) })
      .describe("the soft score (gap rules and soft goals), rule by rule, with its justifications"),
  })
  .meta({ id: "Analysis" });
export type Analysis = z.infer<typeof Analysis>;
