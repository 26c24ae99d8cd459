import type { z } from "zod";
import { Problem } from "./problem";

/** A problem issue as the API and CLI show it: a dotted path ("people.3.sites.0"), a stable code, words. */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code === "custom" && typeof issue.params?.code === "string" ? issue.params.code : issue.code,
    message: issue.message,
  }));
}

/** Parse a format-v1 problem, listing every problem found (not just the first). */
export function parseProblem(input: unknown): Parsed<Problem> {
  const result = Problem.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error) };
}
