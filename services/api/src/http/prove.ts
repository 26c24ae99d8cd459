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
      "or why not (`not proven: time limit: …`).",
  )
  .meta({ id: "Prove" });

/** The engine's option from the request's. */
export function proveOption(prove: z.infer<typeof Prove> | undefined): { prove?: true | { timeLimitSeconds: number } } {
  return prove ? { prove } : {};
}
