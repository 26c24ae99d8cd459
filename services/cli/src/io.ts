import { readFileSync, writeFileSync } from "node:fs";
import {
  parseChange,
  parseProblem,
  RotaInput,
  SolverOptions,
  toIssues,
  type Change,
  type Issue,
  type Problem,
} from "@deskrota/core";

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

/** The run settings a command takes as flags, as the engine takes them. */
export interface RunFlags {
  timeLimitMs?: number;
  seed?: number;
  workBudget?: number;
}

const FLAGS = {
  "time-limit": { field: "timeLimitSeconds", words: "a positive number of seconds, at most 3600" },
  seed: { field: "seed", words: "a whole number, 0 or more" },
  work: { field: "workBudget", words: "a positive whole number of search moves" },
} as const;

/**
 * --time-limit, --seed and --work, judged by the core's schema for a problem's own `solver`
 * settings: a flag accepts what the problem file accepts (so never NaN, a fraction of a seed, or
 * a negative budget), and every bad flag is named at once.
 */
export function runFlags(values: { [flag in keyof typeof FLAGS]?: string | undefined }): RunFlags {
  const read: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS]["field"], number>> = {};
  const issues: Issue[] = [];
  for (const [flag, { field, words }] of Object.entries(FLAGS) as [
    keyof typeof FLAGS,
    (typeof FLAGS)[keyof typeof FLAGS],
  ][]) {
    const text = values[flag];
    if (text === undefined) continue;
    const parsed = SolverOptions.shape[field].safeParse(text.trim() === "" ? Number.NaN : Number(text));
    if (parsed.success && parsed.data !== undefined) read[field] = parsed.data;
    else issues.push({ path: `--${flag}`, code: "invalid_flag", message: `${JSON.stringify(text)} is not ${words}` });
  }
  if (issues.length > 0) throw new UsageError("the flags are not valid:", issues);
  return {
    ...(read.timeLimitSeconds !== undefined ? { timeLimitMs: read.timeLimitSeconds * 1000 } : {}),
    ...(read.seed !== undefined ? { seed: read.seed } : {}),
    ...(read.workBudget !== undefined ? { workBudget: read.workBudget } : {}),
  };
}
