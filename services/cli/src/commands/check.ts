import { parseArgs } from "node:util";
import { analyse, type Analysis, type Problem } from "@deskrota/core";
import { readProblem, readRota, UsageError } from "../io";
import { gapLine, scoreLines } from "../summary";

export const checkUsage = "deskrota check PROBLEM ROTA [--json]";

/**
 * Any rota judged against its problem (a hand-edited one, one from elsewhere): every hard rule it
 * breaks, every gap with its reason, and the score rule by rule with who and when carry it.
 */
export async function checkCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  const [problemFile, rotaFile] = positionals;
  if (!problemFile || !rotaFile || positionals.length > 2) throw new UsageError(`usage: ${checkUsage}`);
  const problem = readProblem(problemFile);
  const analysis = analyse(problem, readRota(rotaFile));
  process.stdout.write(values.json ? `${JSON.stringify(analysis, null, 2)}\n` : `${analysisText(problem, analysis)}\n`);
}

function analysisText(problem: Problem, a: Analysis): string {
  const lines: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (a.broken.length === 0) lines.push("No hard rule is broken.");
  else {
    lines.push(`The rota breaks ${count(a.broken.length, "hard rule", "hard rules")}:`);
    for (const rule of a.broken) {
      lines.push(`  ${rule.rule} (${rule.title.toLowerCase()}), ${count(rule.violations.length, "time", "times")}:`);
      for (const v of rule.violations) lines.push(`    ${v.message}`);
    }
  }
  if (a.gaps.length === 0) lines.push("No gaps: every point has its minimum cover, a lead and a keyholder.");
  else {
    lines.push(`${count(a.gaps.length, "gap", "gaps")}, each with its reason:`);
    for (const gap of a.gaps) lines.push(`  ${gapLine(problem, gap)}`);
  }
  if (a.misreported.length > 0) {
    lines.push(`The rota's own list of gaps is wrong in ${count(a.misreported.length, "place", "places")}:`);
    for (const v of a.misreported) lines.push(`  ${v.rule}: ${v.message}`);
  }
  lines.push(...scoreLines(a.score));
  lines.push(a.valid ? "Valid: the rota may be published as it is." : "Not valid: fix what is listed above.");
  return lines.join("\n");
}
