import { parseArgs } from "node:util";
import { defaultPool, solve } from "@deskrota/engine";
import { readProblem, runFlags, UsageError, writeJson } from "../io";
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
  const rota = await solve(problem, runFlags(values));
  // One solve per command: its threads (40–75 MB resident with their HiGHS) go before the summary's
  // check and explanations, which made the process's peak on top of them (docs/decisions.md §15).
  await defaultPool().close();
  if (values.out) writeJson(values.out, rota);
  if (values.json) process.stdout.write(`${JSON.stringify(rota, null, 2)}\n`);
  else process.stdout.write(`${summary(problem, rota)}\n${values.out ? `Rota written to ${values.out}\n` : ""}`);
}
