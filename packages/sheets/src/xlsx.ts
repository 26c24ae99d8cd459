import ExcelJS from "exceljs";
import { failed, type SheetRead, tooLarge, tooManyRows } from "./result";

/** The first worksheet of an .xlsx file as rows of the cells' shown text. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  const big = tooLarge(bytes);
  if (big) return big;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return failed("the file is not an .xlsx workbook (save it as Excel Workbook .xlsx, or upload a CSV)");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return failed("the workbook has no worksheet", 1);
  const many = tooManyRows(sheet.rowCount);
  if (many) return many;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells.every((cell) => cell.trim() === "") ? [] : cells);
  }
  return { ok: true, rows };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return cell.text;
}

/** Rows to an .xlsx workbook with one worksheet, the first row bold and frozen as the header. */
export async function writeXlsx(rows: string[][], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...rows.map((row) => (row[i] ?? "").length));
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
