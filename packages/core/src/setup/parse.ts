import { type Parsed, toIssues } from "../model/parse";
import { Setup } from "./schema";

/** Parse standing data, listing every problem found with its path (like `parseProblem`). */
export function parseSetup(input: unknown): Parsed<Setup> {
  const result = Setup.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}
