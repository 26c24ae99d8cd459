import { parseArgs } from "node:util";
import { swapCandidates } from "@deskrota/core";
import { readProblem, readRota, UsageError } from "../io";

export const swapsUsage = "deskrota swaps PROBLEM ROTA --point ID --start ISO --end ISO [--now ISO] [--json]";

export async function swapsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      point: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      now: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [problemFile, rotaFile] = positionals;
  if (!problemFile || !rotaFile || positionals.length > 2 || !values.point || !values.start || !values.end)
    throw new UsageError(`usage: ${swapsUsage}`);
  const problem = readProblem(problemFile);
  // As in the re-solve that made the rota: nothing that started before --now changes.
  const now = values.now;
  const report = swapCandidates(
    problem,
    readRota(rotaFile),
    { point: values.point, start: values.start, end: values.end },
    now !== undefined ? { now } : {},
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = [`Who could take ${values.point} ${values.start} – ${values.end}${now ? ` (as of ${now})` : ""}:`];
  if (report.frozen) lines.push(`  ${report.frozen}`);
  if (report.candidates.length === 0) lines.push("  nobody, without breaking a rule or changing the past");
  report.candidates.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.name} (${c.person}) ${c.summary}; ${c.costs.join("; ")}`);
  });
  if (report.unable.length > 0) lines.push("Cannot:");
  for (const u of report.unable) lines.push(`  ${u.name} (${u.person}): ${u.reason}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
