export { readCsv, writeCsv } from "./csv";
export { readXlsx, writeXlsx } from "./xlsx";
export { MAX_SHEET_BYTES, MAX_SHEET_ROWS } from "./result";
export type { SheetRead } from "./result";
