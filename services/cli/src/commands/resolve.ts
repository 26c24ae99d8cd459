import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { applyChange, type ResolveResult } from "@deskrota/core";
import { resolve } from "@deskrota/engine";
import { readChange, readProblem, readRota, runFlags, UsageError, writeJson } from "../io";

export const resolveUsage =
  "deskrota resolve PROBLEM ROTA CHANGE.json [--now ISO] [--out NEW.json] [--out-problem CHANGED.json] [--json] " +
  "[--time-limit SECONDS] [--option fills|smaller] [--prove]";

export async function resolveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      now: { type: "string" },
      out: { type: "string" },
      "out-problem": { type: "string" },
      json: { type: "boolean" },
      "time-limit": { type: "string" },
      option: { type: "string" },
      prove: { type: "boolean" },
    },
  });
  const [problemFile, rotaFile, changeFile] = positionals;
  if (!problemFile || !rotaFile || !changeFile || positionals.length > 3)
    throw new UsageError(`usage: ${resolveUsage}`);
  const problem = readProblem(problemFile);
  const published = readRota(rotaFile);
  const change = readChange(changeFile);
  // At a terminal "now" means now; scripts pass --now to be reproducible.
  const now = values.now ?? DateTime.now().setZone(problem.timeZone).toISO() ?? "";
  const option = values.option;
  if (option !== undefined && option !== "fills" && option !== "smaller")
    throw new UsageError(`--option is fills or smaller, not ${option}`);
  // A terminal waits for the proof the engine runs after its answer on a small week (seconds).
  let told: (proved: ResolveResult | undefined) => void = () => undefined;
  const proving = new Promise<ResolveResult | undefined>((resolved) => {
    told = resolved;
  });
  const answer = await resolve(problem, published, change, {
    now,
    ...runFlags({ "time-limit": values["time-limit"] }),
    ...(option !== undefined ? { option } : {}),
    ...(values.prove ? { prove: true } : { onProof: told }),
  });
  const result = values.prove ? answer : ((await proving) ?? answer);
  if (values.out) writeJson(values.out, result.rota);
  // Later swaps or re-solves need the problem as changed (the absence is part of it now).
  const changed = applyChange(problem, change);
  if (values["out-problem"] && changed.ok) writeJson(values["out-problem"], changed.value);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `Re-solved as of ${now}: ${result.diff.changes} ${result.diff.changes === 1 ? "change" : "changes"} ` +
      `(${result.minimalWords})`,
  ];
  if (result.options.length > 1) {
    lines.push("Repairs to choose from (--option):");
    for (const o of result.options) lines.push(`  ${o.chosen ? "*" : " "} ${o.id}: ${o.words}`);
  }
  for (const words of result.diff.words) lines.push(`  ${words}`);
  const gaps = result.rota.uncovered.length;
  lines.push(gaps === 0 ? "Every gap is filled." : `Still uncovered (${gaps}):`);
  for (const gap of result.rota.uncovered)
    lines.push(`  ${gap.point ?? gap.site} ${gap.start.slice(0, 16)}–${gap.end.slice(11, 16)}: ${gap.reason}`);
  if (values.out) lines.push(`New rota written to ${values.out}`);
  if (values["out-problem"]) lines.push(`Changed problem written to ${values["out-problem"]}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
