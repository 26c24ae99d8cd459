import { parseArgs } from "node:util";
import { solve } from "@deskrota/engine";
import { readProblem, UsageError, writeJson } from "../io";
import { summary } from "../summary";

export const solveUsage = "deskrota solve FILE [--time-limit SECONDS] [--out ROTA.json] [--json] [--seed N] [--work N]";

export async function solveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "time-limit": { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      seed: { type: "string" },
      work: { type: "string" },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`usage: ${solveUsage}`);
  const problem = readProblem(file);
  const timeLimit = values["time-limit"] === undefined ? undefined : Number(values["time-limit"]);
  if (timeLimit !== undefined && !(timeLimit > 0))
    throw new UsageError("--time-limit must be a positive number of seconds");
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const work = values.work === undefined ? undefined : Number(values.work);
  const rota = await solve(problem, {
    ...(timeLimit !== undefined ? { timeLimitMs: timeLimit * 1000 } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(work !== undefined ? { workBudget: work } : {}),
  });
  if (values.out) writeJson(values.out, rota);
  if (values.json) process.stdout.write(`${JSON.stringify(rota, null, 2)}\n`);
  else process.stdout.write(`${summary(problem, rota)}\n${values.out ? `Rota written to ${values.out}\n` : ""}`);
}
