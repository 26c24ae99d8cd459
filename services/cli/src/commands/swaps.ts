import { parseArgs } from "node:util";
import { swapCandidates } from "@deskrota/core";
import { readProblem, readRota, UsageError } from "../io";

export const swapsUsage = "deskrota swaps PROBLEM ROTA --point ID --start ISO --end ISO [--json]";

export async function swapsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      point: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [problemFile, rotaFile] = positionals;
  if (!problemFile || !rotaFile || positionals.length > 2 || !values.point || !values.start || !values.end)
    throw new UsageError(`usage: ${swapsUsage}`);
  const report = swapCandidates(readProblem(problemFile), readRota(rotaFile), {
    point: values.point,
    start: values.start,
    end: values.end,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [`Who could take ${values.point} ${values.start} – ${values.end}:`];
  if (report.candidates.length === 0) lines.push("  nobody, without breaking a rule");
  report.candidates.forEach((c, i) => {
    const part = c.whole ? "all of it" : `${c.covers.start.slice(11, 16)}–${c.covers.end.slice(11, 16)}`;
    lines.push(`  ${i + 1}. ${c.name} (${c.person}), ${part}: ${c.costs.join("; ")}`);
  });
  if (report.unable.length > 0) lines.push("Cannot:");
  for (const u of report.unable) lines.push(`  ${u.name} (${u.person}): ${u.reason}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
