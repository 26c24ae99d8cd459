import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compare } from "@deskrota/core";
import { alternatives } from "@deskrota/engine";
import { readProblem, runFlags, UsageError, writeJson } from "../io";
import { comparisonTable } from "./compare";

export const alternativesUsage = "deskrota alternatives PROBLEM [-k 3] [--out-dir DIR] [--time-limit SECONDS] [--json]";

export async function alternativesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      k: { type: "string", short: "k" },
      "out-dir": { type: "string" },
      "time-limit": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [problemFile] = positionals;
  if (!problemFile || positionals.length > 1) throw new UsageError(`usage: ${alternativesUsage}`);
  const k = values.k === undefined ? 3 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 8) throw new UsageError("-k must be a whole number from 1 to 8");
  const problem = readProblem(problemFile);
  const found = await alternatives(problem, k, runFlags({ "time-limit": values["time-limit"] }));
  if (values["out-dir"]) {
    mkdirSync(values["out-dir"], { recursive: true });
    found.forEach((a, i) => {
      writeJson(join(values["out-dir"] as string, `${i + 1}-${a.profile}.json`), a.rota);
    });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return;
  }
  const lines = found.map((a, i) => `${i + 1}. ${a.profile}: ${a.description}`);
  lines.push(
    "",
    comparisonTable(
      compare(
        problem,
        found.map((a) => ({ id: a.profile, rota: a.rota })),
      ),
    ),
  );
  if (values["out-dir"]) lines.push("", `Rotas written to ${values["out-dir"]}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
