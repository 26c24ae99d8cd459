import { readFileSync, writeFileSync } from "node:fs";
import { parseChange, parseProblem, RotaInput, toIssues, type Change, type Issue, type Problem } from "@deskrota/core";

/** A failure the user can fix: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readProblem(file: string): Problem {
  const parsed = parseProblem(readJson(file));
  if (!parsed.ok)
    throw new UsageError(
      `${file} is not a valid deskrota problem (${parsed.issues.length} ` +
        `${parsed.issues.length === 1 ? "problem" : "problems"}):`,
      parsed.issues,
    );
  return parsed.value;
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function readRota(file: string): RotaInput {
  const parsed = RotaInput.safeParse(readJson(file));
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw new UsageError(
      `${file} is not a rota (${issues.length} ${issues.length === 1 ? "problem" : "problems"}):`,
      issues,
    );
  }
  return parsed.data;
}

export function readChange(file: string): Change {
  const parsed = parseChange(readJson(file));
  if (!parsed.ok)
    throw new UsageError(
      `${file} is not a change (${parsed.issues.length} ${parsed.issues.length === 1 ? "problem" : "problems"}):`,
      parsed.issues,
    );
  return parsed.value;
}

export function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number of seconds`);
  return n;
}
