import { describe, expect, it } from "vitest";
import { MAX_SHEET_BYTES, readCsv, readXlsx, writeCsv, writeXlsx } from "../src";

const bytes = (text: string) => new TextEncoder().encode(text);
const rowsOf = (read: ReturnType<typeof readCsv>) => {
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.rows;
};

describe("readCsv", () => {
  it("reads a comma file with quoted cells holding commas, quotes and line breaks", () => {
    const text = 'ID,Name,Qualifications\r\np1,"Kim, Alex","lead, ""key"" holder"\r\np2,Bo,"a\nb"\r\n';
    expect(rowsOf(readCsv(bytes(text)))).toEqual([
      ["ID", "Name", "Qualifications"],
      ["p1", "Kim, Alex", 'lead, "key" holder'],
      ["p2", "Bo", "a\nb"],
    ]);
  });

  it("reads a European ';' file with a BOM, keeping commas inside cells", () => {
    const text = "\uFEFFID;Name;Qualifications\np1;Alex;lead, keyholder\n";
    expect(rowsOf(readCsv(bytes(text)))).toEqual([
      ["ID", "Name", "Qualifications"],
      ["p1", "Alex", "lead, keyholder"],
    ]);
  });

  it("keeps blank rows in place (empty) so row numbers match the spreadsheet", () => {
    const rows = rowsOf(readCsv(bytes("ID,Name\n\n,\np1,Alex\n")));
    expect(rows).toEqual([["ID", "Name"], [], [], ["p1", "Alex"]]);
  });

  it("answers an empty file, a 5 MB file and a non-UTF-8 file with words, not a throw", () => {
    expect(readCsv(new Uint8Array())).toEqual({
      ok: false,
      issues: [{ row: 1, column: "", message: expect.stringMatching(/empty/) }],
    });
    const big = readCsv(new Uint8Array(5 * 1024 * 1024).fill(65));
    expect(big).toEqual({ ok: false, issues: [{ row: 0, column: "", message: expect.stringMatching(/5\.0 MB/) }] });
    expect(MAX_SHEET_BYTES).toBeLessThan(5 * 1024 * 1024);
    const latin1 = readCsv(new Uint8Array([0x49, 0x44, 0x0a, 0xe9, 0x0a]));
    expect(latin1.ok).toBe(false);
  });

  it("answers a broken quote with the row it is on", () => {
    const read = readCsv(bytes('ID,Name\np1,Alex\np2,"Bo\n'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.row).toBeGreaterThanOrEqual(3);
  });
});

describe("writeCsv", () => {
  it("writes what readCsv reads back, with a BOM and CRLF", () => {
    const rows = [
      ["ID", "Name"],
      ["p1", 'Kim, "Alex"'],
      ["p2", "Zoë; Ó"],
    ];
    const written = writeCsv(rows);
    expect([...written.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(written)).toContain("\r\n");
    expect(rowsOf(readCsv(written))).toEqual(rows);
  });
});

describe("xlsx", () => {
  it("writes a workbook that reads back cell for cell, blank cells included", async () => {
    const rows = [
      ["ID", "Name", "Hours target", "Mentor"],
      ["p1", "Alex", "20", ""],
      ["p2", "Bo", "7.5", "p1"],
    ];
    const read = await readXlsx(await writeXlsx(rows, "People"));
    expect(read).toEqual({ ok: true, rows });
  });

  it("answers bytes that are not a workbook, and an oversized file, with words", async () => {
    expect((await readXlsx(bytes("ID,Name\n"))).ok).toBe(false);
    const big = await readXlsx(new Uint8Array(5 * 1024 * 1024));
    expect(big).toEqual({ ok: false, issues: [{ row: 0, column: "", message: expect.stringMatching(/MB/) }] });
  });
});
