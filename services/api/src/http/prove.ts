import { z } from "zod";

/**
 * The exact model's limit per solve that a request may ask for: it makes up to four solves (the gap
 * levels, then the changes), so a minute each keeps the longest proof within a few minutes.
 */
const PROVE_MAX_SECONDS = 60;

export const Prove = z
  .union(
    [
      z.boolean(),
      z.strictObject({
        timeLimitSeconds: z
          .number()
          .min(1)
          .max(PROVE_MAX_SECONDS)
          .describe(`the exact model's limit for each of its solves (1–${PROVE_MAX_SECONDS} s)`),
      }),
    ],
    { error: `\`true\`, \`false\` or { "timeLimitSeconds": 1–${PROVE_MAX_SECONDS} }` },
  )
  .describe(
    "prove the repair makes the fewest changes: the exact minimum-change model runs after the search, " +
      "from its repair (`true`: 20 s per solve; it makes up to four), and the answer says whether it proved it " +
      "or why not (`not proven: time limit: …`). Small weeks are proven unasked, 2 s per solve",
  )
  .meta({ id: "Prove" });

export const RepairProof = z
  .object({
    changedSlots: z.number().int().describe("person-slots the repair places differently from the version repaired"),
    minimum: z.number().int().nullable().describe("the fewest the exact model found (null: it found none in time)"),
    bound: z.number().int().describe("no repair reaching `target` changes fewer person-slots than this"),
    proven: z.boolean().describe("`minimum` is proven the fewest"),
    timedOut: z
      .boolean()
      .describe("a solve stopped at its time limit: what is not proven is not proven for want of time"),
    timeLimitSeconds: z.number().describe("the model's limit for each of its solves"),
    target: z
      .object({ cover: z.number(), lead: z.number(), keyholder: z.number() })
      .describe("what a repair must leave open at most, in slots (person-slots for cover): as before the change"),
    fillsMore: z.boolean().describe("the repair leaves less open than `target` (it fills older gaps too)"),
  })
  .describe("what the exact minimum-change model said; present when it ran (asked, or a small week)")
  .meta({ id: "RepairProof" });

/** The engine's option from the request's. */
export function proveOption(prove: z.infer<typeof Prove> | undefined): { prove?: true | { timeLimitSeconds: number } } {
  return prove ? { prove } : {};
}
