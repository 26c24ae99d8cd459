import { parseArgs } from "node:util";
import { buildWeekProblem, DeskrotaInputError, type Problem } from "@deskrota/core";
import { UsageError, writeJson } from "../io";
import { readCarry, readEntries, readSetup } from "./setup";

export const weekUsage =
  "deskrota week SETUP.json MONDAY [--entries ENTRIES.json] [--carry CARRY.json] --out PROBLEM.json [--json]";

/** The week's problem from the standing data: what `deskrota solve` (or POST /v1/rotas) takes. */
export async function weekCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      entries: { type: "string" },
      carry: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [file, weekStart] = positionals;
  if (!file || !weekStart || positionals.length > 2 || (!values.out && !values.json)) {
    throw new UsageError(`usage: ${weekUsage}`);
  }
  const setup = readSetup(file);
  const entries = readEntries(values.entries, setup);
  const carry = readCarry(values.carry);
  let problem: Problem;
  try {
    problem = buildWeekProblem({ setup, weekStart, entries, ...(carry ? { carry } : {}) });
  } catch (error) {
    if (error instanceof DeskrotaInputError)
      throw new UsageError(`cannot build the week of ${weekStart}:`, error.issues);
    throw error;
  }
  if (values.out) writeJson(values.out, problem);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(problem, null, 2)}\n`);
    return;
  }
  const absences = problem.people.reduce((n, p) => n + (p.absences?.length ?? 0), 0);
  const exceptions = problem.sites.reduce((n, s) => n + (s.exceptions?.length ?? 0), 0);
  const shifted = problem.people.filter((p, i) => p.hours.target !== setup.people[i]?.hours.target).length;
  process.stdout.write(
    `Week of ${weekStart}: ${problem.people.length} people, ${absences} absences, ${exceptions} site exceptions` +
      (carry ? `, ${shifted} targets shifted by the carry-over` : "") +
      `\nProblem written to ${values.out}\n`,
  );
}
