import { basename } from "node:path";
import { parseArgs } from "node:util";
import { compare, type Comparison } from "@deskrota/core";
import { readProblem, readRota, UsageError } from "../io";
import { table } from "../table";

export const compareUsage = "deskrota compare PROBLEM A.json B.json [...] [--reference A.json] [--json]";

export async function compareCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { reference: { type: "string" }, json: { type: "boolean" } },
  });
  const [problemFile, ...rotaFiles] = positionals;
  if (!problemFile || rotaFiles.length < 2) throw new UsageError(`usage: ${compareUsage}`);
  const problem = readProblem(problemFile);
  const comparison = compare(
    problem,
    rotaFiles.map((file) => ({ id: basename(file, ".json"), rota: readRota(file) })),
    values.reference ? basename(values.reference, ".json") : undefined,
  );
  process.stdout.write(values.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${comparisonTable(comparison)}\n`);
}

/** Metrics as rows, rotas as columns, then the differences between the first two in words. */
export function comparisonTable(c: Comparison): string {
  const col = (f: (r: Comparison["rotas"][number]) => string) => c.rotas.map(f);
  const rows: string[][] = [
    ["min cover %", ...col((r) => r.metrics.minCoverPct.toFixed(1))],
    ["target cover %", ...col((r) => r.metrics.targetCoverPct.toFixed(1))],
    ["h below min cover", ...col((r) => String(r.metrics.gapHours.cover))],
    ["h without a lead", ...col((r) => String(r.metrics.gapHours.supervision))],
    ["h without a keyholder", ...col((r) => String(r.metrics.gapHours.keyholder))],
    ["mean |h − target|", ...col((r) => r.metrics.meanHoursDeviation.toFixed(2))],
    ["max |h − target|", ...col((r) => r.metrics.maxHoursDeviation.toFixed(2))],
    ["evening h spread", ...col((r) => r.metrics.eveningHoursSpread.toFixed(1))],
    ["weekend h spread", ...col((r) => r.metrics.weekendHoursSpread.toFixed(1))],
    ["wished h met", ...col((r) => r.metrics.preferenceHoursMet.toFixed(1))],
    ["avoided h worked", ...col((r) => r.metrics.preferenceHoursViolated.toFixed(1))],
    ["shadowing h", ...col((r) => r.metrics.shadowingHours.toFixed(1))],
    ["shifts", ...col((r) => String(r.metrics.shifts))],
    ["score", ...col((r) => r.score.soft.toFixed(1))],
    [`changes vs ${c.reference}`, ...col((r) => String(r.changes))],
    [`% different from ${c.reference}`, ...col((r) => r.differsPct.toFixed(1))],
  ];
  // The trade-off first, in words: the table is the evidence.
  const lines = [
    ...c.tradeOffs,
    ...(c.tradeOffs.length > 0 ? [""] : []),
    table(["", ...c.rotas.map((r) => r.id)], rows),
  ];
  if (c.diff && c.rotas.length >= 2) {
    lines.push("", `${c.rotas[0]?.id} → ${c.rotas[1]?.id}: ${c.diff.changes} changes`);
    for (const words of c.diff.words.slice(0, 40)) lines.push(`  ${words}`);
    if (c.diff.words.length > 40) lines.push(`  … and ${c.diff.words.length - 40} more`);
  }
  return lines.join("\n");
}
