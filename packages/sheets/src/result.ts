import type { SheetIssue } from "@deskrota/core";

/** Rows of string cells, or why the file could not be read (never a throw for a user's file). */
export type SheetRead = { ok: true; rows: string[][] } | { ok: false; issues: SheetIssue[] };

/** Larger than any staff list: a 300-person sheet is about 100 kB. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5000;

export const failed = (message: string, row = 0, column = ""): SheetRead => ({
  ok: false,
  issues: [{ row, column, message }],
});

export function tooLarge(bytes: Uint8Array): SheetRead | undefined {
  if (bytes.byteLength === 0) return failed("the file is empty: it needs the header row", 1);
  if (bytes.byteLength > MAX_SHEET_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return failed(`the file is ${mb(bytes.byteLength)} MB; a people sheet may be at most ${mb(MAX_SHEET_BYTES)} MB`);
  }
  return undefined;
}

export function tooManyRows(count: number): SheetRead | undefined {
  return count > MAX_SHEET_ROWS
    ? failed(`the sheet has ${count} rows; a people sheet may have at most ${MAX_SHEET_ROWS}`, MAX_SHEET_ROWS + 1)
    : undefined;
}
