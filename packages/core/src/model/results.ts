import { z } from "zod";
import { Assignment, Uncovered } from "./rota";

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

const StintRef = z.object({ point: z.string(), start: z.string(), end: z.string(), shadowing: z.boolean().optional() });
export type StintRef = z.infer<typeof StintRef>;

const PersonDiff = z.object({
  person: z.string(),
  removed: z.array(StintRef),
  added: z.array(StintRef),
  moved: z
    .array(z.object({ from: StintRef, to: StintRef }))
    .describe("a stint of the same person and date that changed its time or point"),
});
export type PersonDiff = z.infer<typeof PersonDiff>;

/** What differs between two rotas of the same problem, person by person. */
export const Diff = z
  .object({
    changes: z.number().int().describe("stints removed + added + moved"),
    people: z.array(PersonDiff),
    words: z.array(z.string()).describe("one line per change, as a coordinator would say it"),
  })
  .meta({ id: "Diff" });
export type Diff = z.infer<typeof Diff>;

const GapQuery = z.object({
  point: z.string(),
  start: z.string().describe("ISO; local to the problem's zone unless it carries an offset"),
  end: z.string(),
});
export type GapQuery = z.infer<typeof GapQuery>;

const SwapEffect = z
  .object({
    coverHours: z.number(),
    supervisionHours: z.number(),
    keyholderHours: z.number(),
    hours: z.number().describe("the person's own hours"),
  })
  .describe("the rota's change with the swap applied, in hours (negative: fewer hours with that gap)");
export type SwapEffect = z.infer<typeof SwapEffect>;

const SwapCandidate = z.object({
  person: z.string(),
  name: z.string(),
  covers: z.object({ start: z.string(), end: z.string() }).describe("the part of the gap this person would take"),
  whole: z.boolean().describe("takes the whole gap, and the rota has less uncovered time for it"),
  takes: z
    .enum(["whole", "part", "moves"])
    .describe(
      "by the net effect on uncovered minimum cover: whole or part of the gap closed, or the gap only moves " +
        "(to where the person was)",
    ),
  effect: SwapEffect,
  summary: z.string().describe("what it does in one line: what it takes, where a gap moves, the net change"),
  knockOn: z.number().int().describe("other stints of theirs that would change that day"),
  before: z.array(Assignment).describe("their stints that day before"),
  after: z.array(Assignment).describe("and after"),
  scoreChange: z.number().describe("change of the rota's score (negative: better)"),
  costs: z.array(z.string()).describe("what it costs, in words"),
});
export type SwapCandidate = z.infer<typeof SwapCandidate>;

const Unable = z.object({ person: z.string(), name: z.string(), reason: z.string() });
export type Unable = z.infer<typeof Unable>;

/** Who could take a gap, ranked, and why the people closest to taking it cannot. */
export const SwapReport = z
  .object({
    gap: GapQuery,
    candidates: z
      .array(SwapCandidate)
      .describe(
        "ranked by net effect: uncovered minimum cover, time without a lead, without a keyholder; then fewest " +
          "knock-on changes, then the score",
      ),
    unable: z.array(Unable).describe("the people closest to taking it who cannot, with the main reason"),
    frozen: z.string().optional().describe("the part of the gap before `now`, which no swap changes"),
  })
  .meta({ id: "SwapReport" });
export type SwapReport = z.infer<typeof SwapReport>;

/**
 * One repair of a change a coordinator may choose (`resolve`'s options), with what it changes, what
 * it leaves open and whether its number of changes is proven the fewest. The API adds where to
 * record it.
 */
export const RepairOption = z.object({
  id: z
    .enum(["fills", "smaller"])
    .describe(
      "`fills`: minimum cover, a lead and a keyholder first, then the fewest changes; `smaller`: changes weighed " +
        "against gaps as the problem weighs them",
    ),
  chosen: z.boolean().describe("the repair in this answer"),
  people: z.number().int().describe("people whose stints change"),
  changedHours: z.number().describe("person-hours placed differently from the repaired version"),
  leftOpen: z
    .object({ coverHours: z.number(), supervisionHours: z.number(), keyholderHours: z.number() })
    .describe("what the change opened that this repair leaves open"),
  words: z.string().describe('the trade-off, e.g. "fills everything: 9 people, 15 h changed"'),
  minimal: z
    .boolean()
    .describe(
      "its number of changes is proven the fewest for the cover it reaches (by counting, or by the exact model); " +
        "false when it is only the fewest found",
    ),
  minimalReason: z.string().describe("why `minimal` is what it is, in words"),
});
export type RepairOption = z.infer<typeof RepairOption>;

/** What the exact minimum-change model said of a repair (`resolve`'s `proof`), present when it ran. */
export const RepairProof = z
  .object({
    changedSlots: z.number().int().describe("person-slots the repair places differently from the version repaired"),
    minimum: z.number().int().nullable().describe("the fewest the exact model found (null: it found none in time)"),
    bound: z.number().int().describe("no repair reaching `target` changes fewer person-slots than this"),
    proven: z.boolean().describe("`minimum` is proven the fewest (and so is `target`)"),
    timedOut: z
      .boolean()
      .describe("a solve stopped at its time limit: what is not proven is not proven for want of time"),
    timeLimitSeconds: z.number().describe("the model's limit for each of its solves"),
    target: z
      .object({ cover: z.number(), lead: z.number(), keyholder: z.number() })
      .describe("what a repair must leave open at most, in slots (person-slots for cover): as before the change"),
    fillsMore: z.boolean().describe("the repair leaves less open than `target` (it fills older gaps too)"),
  })
  .describe("what the exact minimum-change model said; present when it ran")
  .meta({ id: "RepairProof" });
export type RepairProof = z.infer<typeof RepairProof>;

/** A rota's measures, for comparing rotas of one problem. */
export const RotaMetrics = z
  .object({
    minCoverPct: z.number().describe("share of minimum cover met, 0–100"),
    targetCoverPct: z.number().describe("share of target cover met, 0–100"),
    gapHours: z
      .object({ cover: z.number(), supervision: z.number(), keyholder: z.number() })
      .describe("unmet hours per gap rule"),
    assignedHours: z.number(),
    meanHoursDeviation: z.number().describe("mean |hours − target| over people"),
    maxHoursDeviation: z.number().describe("largest |hours − target|"),
    eveningHoursSpread: z.number().describe("evening/night hours: max − min among those who work any"),
    weekendHoursSpread: z.number().describe("weekend hours: max − min among those who work any"),
    preferenceHoursMet: z.number().describe("hours worked inside wished-for slots"),
    preferenceHoursViolated: z.number().describe('hours worked inside "would rather not" slots'),
    shadowingHours: z.number(),
    shifts: z.number(),
  })
  .meta({ id: "Metrics" });
export type RotaMetrics = z.infer<typeof RotaMetrics>;

const ComparedRota = z.object({
  id: z.string(),
  metrics: RotaMetrics,
  score: z.object({ soft: z.number(), byRule: z.record(z.string(), z.number()) }),
  changes: z.number().int().describe("against the reference (the first rota unless one is named)"),
  differsPct: z.number().describe("share of worked person-hours placed differently from the reference"),
});
export type ComparedRota = z.infer<typeof ComparedRota>;

/** Several rotas of one problem side by side. */
export const Comparison = z
  .object({
    reference: z.string(),
    tradeOffs: z
      .array(z.string())
      .describe("one sentence per rota other than the reference: what it gains on the headline figures, at what cost"),
    rotas: z.array(ComparedRota),
    diff: Diff.optional().describe("the diff of the first two"),
  })
  .meta({ id: "Comparison" });
export type Comparison = z.infer<typeof Comparison>;
