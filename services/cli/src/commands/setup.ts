import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  Carry,
  type DatedEntry,
  diffPeople,
  type Issue,
  type PeopleDiff,
  parseEntries,
  parseSetup,
  peopleToRows,
  rowsToPeople,
  type Setup,
  type SheetIssue,
  setupFromProblem,
  toIssues,
} from "@deskrota/core";
import { readCsv, readXlsx, writeCsv, writeXlsx } from "@deskrota/sheets";
import { readJson, readProblem, UsageError, writeJson } from "../io";

const USAGE = [
  "deskrota setup import PEOPLE.csv|PEOPLE.xlsx --setup SETUP.json [--dry-run] [--json]",
  "deskrota setup export SETUP.json --csv PEOPLE.csv | --xlsx PEOPLE.xlsx [--json]",
  "deskrota setup from-problem PROBLEM.json --out SETUP.json [--entries ENTRIES.json] [--json]",
] as const;
export const setupUsage = USAGE.join("\n  ");

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function invalid(file: string, what: string, issues: Issue[]): UsageError {
  return new UsageError(`${file} is not ${what} (${plural(issues.length, "problem")}):`, issues);
}

export function readSetup(file: string): Setup {
  const parsed = parseSetup(readJson(file));
  if (!parsed.ok) throw invalid(file, "a valid deskrota setup", parsed.issues);
  return parsed.value;
}

export function readEntries(file: string | undefined, setup: Setup): DatedEntry[] {
  if (file === undefined) return [];
  const parsed = parseEntries(readJson(file), setup);
  if (!parsed.ok) throw invalid(file, "a list of absences and availability exceptions", parsed.issues);
  return parsed.value;
}

export function readCarry(file: string | undefined): Carry | undefined {
  if (file === undefined) return undefined;
  const parsed = Carry.safeParse(readJson(file));
  if (!parsed.success) throw invalid(file, "a carry-over file", toIssues(parsed.error));
  return parsed.data;
}

export async function setupCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "import") return importPeople(rest);
  if (sub === "export") return exportPeople(rest);
  if (sub === "from-problem") return fromProblem(rest);
  throw new UsageError(`usage:\n  ${setupUsage}`);
}

const sheetIssues = (issues: SheetIssue[]): Issue[] =>
  issues.map((i) => ({
    path: `row ${i.row}${i.column ? `, ${i.column}` : ""}`,
    code: "sheet",
    message: i.message,
  }));

async function importPeople(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { setup: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.setup) throw new UsageError(`usage: ${USAGE[0]}`);
  const setup = readSetup(values.setup);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const isXlsx = /\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  const read = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  const { people, issues } = read.ok ? rowsToPeople(read.rows, setup) : { people: [], issues: read.issues };
  if (issues.length > 0) {
    if (values.json) process.stdout.write(`${JSON.stringify({ applied: false, issues }, null, 2)}\n`);
    throw new UsageError(
      `${file}: nothing imported (${plural(issues.length, "problem")}; fix them and import again):`,
      sheetIssues(issues),
    );
  }
  const diff = diffPeople(setup.people, people, setup);
  const apply = !values["dry-run"];
  if (apply) writeJson(values.setup, { ...setup, people });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ applied: apply, ...diff, issues: [] }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${describeDiff(diff, apply)}\n`);
  if (apply) process.stdout.write(`${values.setup} updated\n`);
}

export function describeDiff(diff: PeopleDiff, applied: boolean): string {
  const { added, changed, removed } = diff;
  if (added.length + changed.length + removed.length === 0) return "No change: the sheet matches the setup.";
  const verb = applied ? "" : "would be ";
  const lines = [
    `${plural(added.length, "person", "people")} ${verb}added, ` +
      `${changed.length} ${verb}changed, ${removed.length} ${verb}removed`,
  ];
  for (const p of added) lines.push(`  + ${p.id} ${p.name}`);
  for (const c of changed) {
    lines.push(`  ~ ${c.id}`);
    for (const f of c.fields) lines.push(`      ${f.field}: "${f.before}" → "${f.after}"`);
  }
  for (const p of removed) lines.push(`  - ${p.id} ${p.name}`);
  return lines.join("\n");
}

async function exportPeople(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { csv: { type: "string" }, xlsx: { type: "string" }, json: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || (values.csv === undefined) === (values.xlsx === undefined)) {
    throw new UsageError(`usage: ${USAGE[1]}`);
  }
  const setup = readSetup(file);
  const rows = peopleToRows(setup);
  const out = (values.csv ?? values.xlsx) as string;
  writeFileSync(out, values.csv !== undefined ? writeCsv(rows) : await writeXlsx(rows, "People"));
  if (values.json) process.stdout.write(`${JSON.stringify({ file: out, people: setup.people.length })}\n`);
  else process.stdout.write(`${plural(setup.people.length, "person", "people")} written to ${out}\n`);
}

async function fromProblem(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string" }, entries: { type: "string" }, json: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.out) throw new UsageError(`usage: ${USAGE[2]}`);
  const problem = readProblem(file);
  const { setup, entries } = setupFromProblem(problem);
  const entriesFile =
    values.entries ?? (entries.length > 0 ? values.out.replace(/(\.json)?$/i, ".entries.json") : undefined);
  writeJson(values.out, setup);
  if (entriesFile) writeJson(entriesFile, entries);
  const pins = problem.pinned?.length ?? 0;
  if (values.json) {
    const written = { setup: values.out, entries: entriesFile ?? null, absences: entries.length, pinsDropped: pins };
    process.stdout.write(`${JSON.stringify(written)}\n`);
    return;
  }
  const counts = `${plural(setup.sites.length, "site")}, ${plural(setup.people.length, "person", "people")}`;
  const lines = [
    `Setup written to ${values.out}: ${counts}`,
    entriesFile ? `${plural(entries.length, "absence")} written to ${entriesFile}` : "",
    pins > 0
      ? `${plural(pins, "pinned stint")} of the week ${problem.weekStart} not kept (pins belong to one week)`
      : "",
  ];
  process.stdout.write(`${lines.filter(Boolean).join("\n")}\n`);
}
