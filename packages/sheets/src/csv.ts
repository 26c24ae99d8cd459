import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { failed, type SheetRead, tooLarge, tooManyRows } from "./result";

/**
 * CSV bytes (UTF-8, with or without a BOM) to rows. The separator is the one of `,` `;` or tab
 * that the first non-blank line uses most outside quotes, so a European spreadsheet's `;` file
 * reads as well as a `,` one. Blank rows are kept as empty rows so that row numbers match what
 * the coordinator sees in their spreadsheet; readers of the rows skip them.
 */
export function readCsv(bytes: Uint8Array): SheetRead {
  const big = tooLarge(bytes);
  if (big) return big;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failed("the file is not UTF-8 text: save it as “CSV UTF-8” (or upload the .xlsx)");
  }
  try {
    const rows: string[][] = parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return (
      tooManyRows(rows.length) ?? { ok: true, rows: rows.map((row) => (row.every((c) => c.trim() === "") ? [] : row)) }
    );
  } catch (error) {
    if (error instanceof CsvError) {
      const row = (error as CsvError & { lines?: number }).lines ?? 0;
      return failed(`the CSV cannot be read here: ${error.message.replace(/^Invalid Record Length: |\.$/g, "")}`, row);
    }
    throw error;
  }
}

function separatorOf(text: string): string {
  const first =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((line) => line.trim() !== "") ?? "";
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Rows to CSV bytes: UTF-8 with a BOM (so spreadsheet programs read accents right), CRLF, quoted as needed. */
export function writeCsv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${stringify(rows, { record_delimiter: "windows" })}`);
}
