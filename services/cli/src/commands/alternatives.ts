import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compare, PROFILES } from "@deskrota/core";
import { alternatives } from "@deskrota/engine";
import { readProblem, runFlags, UsageError, writeJson } from "../io";
import { comparisonTable } from "./compare";

export const alternativesUsage =
  "deskrota alternatives PROBLEM [-k 4] [--out-dir DIR] [--time-limit SECONDS] [--work N] [--seed N] [--json]";

export async function alternativesCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      k: { type: "string", short: "k" },
      "out-dir": { type: "string" },
      "time-limit": { type: "string" },
      work: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [problemFile] = positionals;
  if (!problemFile || positionals.length > 1) throw new UsageError(`usage: ${alternativesUsage}`);
  const k = values.k === undefined ? 3 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > PROFILES.length)
    throw new UsageError(`-k must be a whole number from 1 to ${PROFILES.length} (the profiles: balanced first)`);
  const problem = readProblem(problemFile);
  const { alternatives: found, dropped } = await alternatives(
    problem,
    k,
    runFlags({ "time-limit": values["time-limit"], work: values.work, seed: values.seed }),
  );
  if (values["out-dir"]) {
    mkdirSync(values["out-dir"], { recursive: true });
    found.forEach((a, i) => {
      writeJson(join(values["out-dir"] as string, `${i + 1}-${a.profile}.json`), a.rota);
    });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ alternatives: found, dropped }, null, 2)}\n`);
    return;
  }
  const lines = found.map((a, i) => `${i + 1}. ${a.profile}: ${a.description}${a.goal ? ` — ${a.goal.words}` : ""}`);
  if (dropped.length > 0) lines.push("", "Not offered:", ...dropped.map((d) => `  ${d.reason}`));
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
