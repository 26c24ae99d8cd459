import { Assignment } from "@deskrota/core";
import { z } from "zod";

// Response schemas of the core's re-solve, swap and comparison results (TypeScript interfaces in
// the core): they document what the API promises and type-check against the core's types; a field
// the core adds later is left out of responses (not an error) until it is added here.

const StintRef = z.object({ point: z.string(), start: z.string(), end: z.string(), shadowing: z.boolean().optional() });

export const Diff = z
  .object({
    changes: z.number().int().describe("stints removed + added + moved"),
    people: z.array(
      z.object({
        person: z.string(),
        removed: z.array(StintRef),
        added: z.array(StintRef),
        moved: z
          .array(z.object({ from: StintRef, to: StintRef }))
          .describe("a stint of the same person and date that changed its time or point"),
      }),
    ),
    words: z.array(z.string()).describe("one line per change, as a coordinator would say it"),
  })
  .meta({ id: "Diff" });

export const SwapReport = z
  .object({
    gap: z.object({ point: z.string(), start: z.string(), end: z.string() }),
    candidates: z
      .array(
        z.object({
          person: z.string(),
          name: z.string(),
          covers: z
            .object({ start: z.string(), end: z.string() })
            .describe("the part of the gap this person would take"),
          whole: z.boolean().describe("takes the whole gap, and the rota has less uncovered time for it"),
          takes: z
            .enum(["whole", "part", "moves"])
            .describe(
              "by the net effect on uncovered minimum cover: whole or part of the gap closed, or the gap only moves " +
                "(to where the person was)",
            ),
          effect: z
            .object({
              coverHours: z.number(),
              supervisionHours: z.number(),
              keyholderHours: z.number(),
              hours: z.number().describe("the person's own hours"),
            })
            .describe("the rota's change with the swap applied, in hours (negative: fewer hours with that gap)"),
          summary: z.string().describe("what it does in one line: what it takes, where a gap moves, the net change"),
          knockOn: z.number().int().describe("other stints of theirs that would change that day"),
          before: z.array(Assignment),
          after: z.array(Assignment),
          scoreChange: z.number().describe("change of the rota's score (negative: better)"),
          costs: z.array(z.string()).describe("what it costs, in words"),
        }),
      )
      .describe(
        "ranked by net effect: uncovered minimum cover, time without a lead, without a keyholder; then fewest " +
          "knock-on changes, then the score",
      ),
    unable: z
      .array(z.object({ person: z.string(), name: z.string(), reason: z.string() }))
      .describe("the people closest to taking it who cannot, with the main reason"),
    frozen: z.string().optional().describe("the part of the gap before `now`, which no swap changes"),
  })
  .meta({ id: "SwapReport" });

export const Metrics = z
  .object({
    minCoverPct: z.number(),
    targetCoverPct: z.number(),
    gapHours: z.object({ cover: z.number(), supervision: z.number(), keyholder: z.number() }),
    assignedHours: z.number(),
    meanHoursDeviation: z.number(),
    maxHoursDeviation: z.number(),
    eveningHoursSpread: z.number(),
    weekendHoursSpread: z.number(),
    preferenceHoursMet: z.number(),
    preferenceHoursViolated: z.number(),
    shadowingHours: z.number(),
    shifts: z.number(),
  })
  .meta({ id: "Metrics" });

export const Comparison = z
  .object({
    reference: z.string(),
    tradeOffs: z
      .array(z.string())
      .describe(
        "one sentence per rota other than the reference: what it gains on the headline figures, and at what cost",
      ),
    rotas: z.array(
      z.object({
        id: z.string(),
        metrics: Metrics,
        score: z.object({ soft: z.number(), byRule: z.record(z.string(), z.number()) }),
        changes: z.number().int().describe("against the reference"),
        differsPct: z.number().describe("share of worked person-hours placed differently from the reference"),
      }),
    ),
    diff: Diff.optional().describe("the diff of the first two"),
  })
  .meta({ id: "Comparison" });
