import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { planTerm, type TermSummary } from "@deskrota/core";
import { solve } from "@deskrota/engine";
import { runFlags, UsageError, writeJson } from "../io";
import { table } from "../table";
import { readCarry, readEntries, readSetup } from "./setup";

export const planUsage =
  "deskrota plan SETUP.json --from MONDAY --weeks N --out-dir DIR [--entries ENTRIES.json] [--carry CARRY.json] " +
  "[--no-carry] [--time-limit SECONDS] [--seed N] [--work N] [--json]";

/**
 * Solve a term week by week with the carry-over, writing each week's problem and rota (so every
 * rota can be re-solved or checked alone) and the carry after the term, then print the summary.
 */
export async function planCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      weeks: { type: "string" },
      "out-dir": { type: "string" },
      entries: { type: "string" },
      carry: { type: "string" },
      "no-carry": { type: "boolean" },
      "time-limit": { type: "string" },
      seed: { type: "string" },
      work: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [file] = positionals;
  const outDir = values["out-dir"];
  if (!file || positionals.length > 1 || !values.from || !values.weeks || !outDir) {
    throw new UsageError(`usage: ${planUsage}`);
  }
  const weeks = Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new UsageError("--weeks must be a whole number from 1 to 52");
  const flags = runFlags(values);
  const setup = readSetup(file);
  const entries = readEntries(values.entries, setup);
  const carry = readCarry(values.carry);
  mkdirSync(outDir, { recursive: true });
  let next = values.from;
  let solved = 0;
  const plan = await planTerm({
    setup,
    from: values.from,
    weeks,
    entries,
    ...(carry ? { carry } : {}),
    carryOver: !values["no-carry"],
    solve: (problem, weekStart) => {
      next = weekStart;
      return solve(problem, flags);
    },
    // The carry is written after every week, so a term cut short can go on from the week it stopped at.
    onWeek: ({ weekStart, problem, rota, carry: after }) => {
      writeJson(join(outDir, `${weekStart}.problem.json`), problem);
      writeJson(join(outDir, `${weekStart}.rota.json`), rota);
      writeJson(join(outDir, "carry.json"), after);
      solved++;
      if (!values.json) process.stderr.write(`week of ${weekStart} solved\n`);
    },
  }).catch((error: unknown) => {
    if (solved > 0) {
      process.stderr.write(
        `deskrota: the week of ${next} was not solved; to go on from it: ` +
          `deskrota plan ${file} --from ${next} --weeks ${weeks - solved} --out-dir ${outDir} ` +
          `--carry ${join(outDir, "carry.json")}\n`,
      );
    }
    throw error;
  });
  writeJson(join(outDir, "summary.json"), plan.summary);
  if (values.json) process.stdout.write(`${JSON.stringify(plan.summary, null, 2)}\n`);
  else process.stdout.write(`${describeTerm(plan.summary)}\nWeeks, carry.json and summary.json written to ${outDir}\n`);
}

const h = (x: number) => x.toFixed(1);

export function describeTerm(summary: TermSummary): string {
  const weeks = table(
    ["week", "worked h", "uncovered h", "unsocial h"],
    summary.weeks.map((w) => [w.weekStart, h(w.workedHours), h(w.uncoveredHours), h(w.unsocialHours)]),
  );
  const people = table(
    ["person", "worked h", "contract h", "fair share h", "vs fair share", "unsocial h"],
    summary.people.map((p) => [
      `${p.person} ${p.name}`,
      h(p.worked),
      h(p.contract),
      h(p.fairShare),
      `${p.fromFairShare >= 0 ? "+" : ""}${h(p.fromFairShare)}`,
      h(p.unsocial),
    ]),
  );
  return [
    weeks,
    "",
    people,
    "",
    `Uncovered over the term: ${h(summary.uncoveredHours)} h. ` +
      `Furthest from a fair share: ${h(summary.maxFromFairShare)} h.`,
    `Unsocial hours among those who work them: ${h(summary.unsocial.min)}–${h(summary.unsocial.max)} h ` +
      `(spread ${h(summary.unsocial.spread)} h).`,
  ].join("\n");
}
