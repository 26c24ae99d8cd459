import { parseSetup } from "../parse";
import type { Setup, SetupPerson } from "../schema";
import { CellError } from "./cells";
import { type Column, type Draft, PEOPLE_COLUMNS } from "./columns";

/** A problem with one cell of a sheet: 1-based row as the spreadsheet numbers it, the column's header. */
export interface SheetIssue {
  row: number;
  column: string;
  message: string;
}

/** The people sheet: the template's header row, then one row per person. */
export function peopleToRows(setup: Pick<Setup, "people" | "sites">): string[][] {
  return [
    PEOPLE_COLUMNS.map((c) => c.header),
    ...setup.people.map((p) => PEOPLE_COLUMNS.map((c) => c.write(p, setup))),
  ];
}

const HEADERS = PEOPLE_COLUMNS.map((c) => c.header).join(", ");
const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const blank = (row: string[] | undefined) => !row || row.every((cell) => (cell ?? "").trim() === "");

/**
 * Read a people sheet against the setup it will replace the people of. Tolerant of blank rows,
 * header case and spacing, and the many ways people write times; every cell it cannot read is an
 * issue with its row and column. Apply `people` only when `issues` is empty (all or nothing).
 * A column left out keeps what the setup says for people it already has.
 */
export function rowsToPeople(rows: string[][], setup: Setup): { people: SetupPerson[]; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  const headerIndex = rows.findIndex((row) => !blank(row));
  if (headerIndex < 0) {
    return { people: [], issues: [{ row: 1, column: "", message: "the sheet is empty: it needs the header row" }] };
  }
  const headerRow = headerIndex + 1;
  const columns = readHeader(rows[headerIndex] as string[], headerRow, issues);
  if (issues.length > 0) return { people: [], issues };

  const existing = new Map(setup.people.map((p) => [p.id, p]));
  const rowOf: number[] = [];
  const people: SetupPerson[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (index <= headerIndex || blank(row)) return;
    const number = index + 1;
    const before = issues.length;
    const draft: Draft = {};
    for (const [position, column] of columns) {
      const cell = (row[position] ?? "").trim();
      if (cell === "") {
        if (column.required) issues.push({ row: number, column: column.header, message: "must not be empty" });
        continue;
      }
      try {
        column.read(cell, draft, setup);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        issues.push({ row: number, column: column.header, message: error.message });
      }
    }
    row.forEach((cell, position) => {
      if (position >= columnCount(rows[headerIndex] as string[]) && (cell ?? "").trim() !== "") {
        issues.push({
          row: number,
          column: `column ${position + 1}`,
          message: "a value outside the template's columns",
        });
      }
    });
    if (draft.id !== undefined) {
      const first = seen.get(draft.id);
      if (first !== undefined) {
        issues.push({ row: number, column: "ID", message: `${draft.id} is already the ID of row ${first}` });
      }
      seen.set(draft.id, number);
    }
    if (issues.length > before) return;
    const old = draft.id === undefined ? undefined : existing.get(draft.id);
    const present = new Set(columns.values());
    if (old)
      for (const column of PEOPLE_COLUMNS)
        if (!present.has(column)) column.read(column.write(old, setup), draft, setup);
    const person = draft as SetupPerson;
    people.push(old && PEOPLE_COLUMNS.every((c) => c.write(old) === c.write(person)) ? old : person);
    rowOf.push(number);
  });
  if (issues.length > 0) return { people, issues };

  const parsed = parseSetup({ ...setup, people });
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const [top, index, ...rest] = issue.path.split(".");
      const row = top === "people" ? rowOf[Number(index)] : undefined;
      issues.push({ row: row ?? headerRow, column: columnFor(rest.join(".")), message: issue.message });
    }
  }
  const order = (issue: SheetIssue) => PEOPLE_COLUMNS.findIndex((c) => c.header === issue.column);
  return { people, issues: issues.sort((a, b) => a.row - b.row || order(a) - order(b)) };
}

function columnCount(header: string[]): number {
  let last = header.length;
  while (last > 0 && (header[last - 1] ?? "").trim() === "") last--;
  return last;
}

function readHeader(header: string[], row: number, issues: SheetIssue[]): Map<number, Column> {
  const byName = new Map(PEOPLE_COLUMNS.map((c) => [squash(c.header), c]));
  const columns = new Map<number, Column>();
  const used = new Set<Column>();
  header.slice(0, columnCount(header)).forEach((name, position) => {
    const column = byName.get(squash(name ?? ""));
    if (!column) {
      const message =
        (name ?? "").trim() === ""
          ? `column ${position + 1} has no header`
          : `"${name.trim()}" is not a column of the people template (${HEADERS})`;
      issues.push({ row, column: (name ?? "").trim() || `column ${position + 1}`, message });
      return;
    }
    if (used.has(column)) issues.push({ row, column: column.header, message: "this column appears twice" });
    used.add(column);
    columns.set(position, column);
  });
  for (const column of PEOPLE_COLUMNS) {
    if (column.required && !used.has(column)) {
      issues.push({ row, column: column.header, message: `the column "${column.header}" is missing` });
    }
  }
  return columns;
}

/** The column a setup issue's path inside a person points at (e.g. "hours.max" → "Hours max"). */
function columnFor(path: string): string {
  let best: Column | undefined;
  let length = -1;
  for (const column of PEOPLE_COLUMNS) {
    for (const field of column.fields) {
      if ((path === field || path.startsWith(`${field}.`)) && field.length > length) {
        best = column;
        length = field.length;
      }
    }
  }
  return best?.header ?? "";
}

export interface PeopleDiff {
  added: { id: string; name: string }[];
  changed: { id: string; fields: { field: string; before: string; after: string }[] }[];
  removed: { id: string; name: string }[];
}

/**
 * What an import would change, field by field, in the template's words (column headers, cell text;
 * with `setup`, points and kinds by their names as the sheet writes them).
 */
export function diffPeople(before: SetupPerson[], after: SetupPerson[], setup?: Pick<Setup, "sites">): PeopleDiff {
  const old = new Map(before.map((p) => [p.id, p]));
  const next = new Map(after.map((p) => [p.id, p]));
  const changed: PeopleDiff["changed"] = [];
  for (const person of after) {
    const was = old.get(person.id);
    if (!was) continue;
    const fields = PEOPLE_COLUMNS.filter((c) => c.write(was) !== c.write(person)).map((c) => ({
      field: c.header,
      before: c.write(was, setup),
      after: c.write(person, setup),
    }));
    if (fields.length > 0) changed.push({ id: person.id, fields });
  }
  return {
    added: after.filter((p) => !old.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    changed,
    removed: before.filter((p) => !next.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
  };
}
