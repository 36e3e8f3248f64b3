// The .xlsx file adapter of the workbook port (ExcelJS): reads tables (ListObjects, or a sheet of the
// table's name whose first row is the header) and writes the add-in's result sheets into a copy.

import ExcelJS from "exceljs";
import type { ResultSheet, TableData, WorkbookPort } from "../port";
import { plainCellValue } from "./cells";

export interface XlsxWorkbook extends WorkbookPort {
  /** The ExcelJS workbook underneath (for tests and examples). */
  readonly workbook: ExcelJS.Workbook;
  /** Writes the workbook, results included, to `path`. */
  saveAs(path: string): Promise<void>;
  /** The workbook as .xlsx bytes. */
  toBuffer(): Promise<Uint8Array>;
}

interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): RangeBox {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!match) throw new Error(`Unreadable table range "${ref}".`);
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const left = column(match[1]);
  const top = Number(match[2]);
  return { top, left, right: match[3] ? column(match[3]) : left, bottom: match[4] ? Number(match[4]) : top };
}

function readBox(sheet: ExcelJS.Worksheet, name: string, box: RangeBox): TableData {
  const headers: string[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const value = plainCellValue(sheet.getCell(box.top, c).value);
    headers.push(value === null ? "" : String(value).trim());
  }
  const rows = [];
  for (let r = box.top + 1; r <= box.bottom; r++) {
    const row = [];
    for (let c = box.left; c <= box.right; c++) row.push(plainCellValue(sheet.getCell(r, c).value));
    rows.push(row);
  }
  return { name, sheet: sheet.name, headers, rows, headerRow: box.top, firstColumn: box.left };
}

/** The used block of a plain sheet: its first non-empty row is the header, columns up to the first blank header. */
function sheetBox(sheet: ExcelJS.Worksheet): RangeBox | null {
  let top = 0;
  for (let r = 1; r <= sheet.rowCount && top === 0; r++) {
    if (sheet.getRow(r).actualCellCount > 0) top = r;
  }
  if (top === 0) return null;
  const headerRow = sheet.getRow(top);
  let left = 1;
  while (left <= sheet.columnCount && plainCellValue(headerRow.getCell(left).value) === null) left++;
  let right = left;
  while (right + 1 <= sheet.columnCount && plainCellValue(headerRow.getCell(right + 1).value) !== null) right++;
  let bottom = top;
  for (let r = top + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = left; c <= right; c++) {
      if (plainCellValue(row.getCell(c).value) !== null) {
        bottom = r;
        break;
      }
    }
  }
  return { top, left, right, bottom };
}

function findTable(workbook: ExcelJS.Workbook, name: string): TableData | null {
  const wanted = name.toLowerCase();
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; headerRow?: boolean } }> }).tables ?? {};
    for (const [tableName, table] of Object.entries(tables)) {
      const ref = table.table?.tableRef ?? table.table?.ref;
      if (tableName.toLowerCase() === wanted && ref) return readBox(sheet, tableName, parseRef(ref.includes(":") ? ref : `${ref}:${ref}`));
    }
  }
  const sheet = workbook.worksheets.find((s) => s.name.toLowerCase() === wanted);
  if (!sheet) return null;
  const box = sheetBox(sheet);
  return box ? readBox(sheet, sheet.name, box) : null;
}

const HEADER_FILL = "1F4E79";

function writeSheet(workbook: ExcelJS.Workbook, spec: ResultSheet): void {
  const previous = workbook.getWorksheet(spec.name);
  if (previous) workbook.removeWorksheet(previous.id);
  const sheet = workbook.addWorksheet(spec.name);
  const headerRow = spec.title ? 3 : 1;
  if (spec.title) {
    const title = sheet.getCell(1, 1);
    title.value = spec.title;
    title.font = { bold: true, size: 14, color: { argb: "FF1F4E79" } };
  }
  spec.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = column.header;
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL}` } };
    cell.alignment = { vertical: "middle", wrapText: true };
    const width = column.width ?? Math.min(40, Math.max(10, column.header.length + 2));
    sheet.getColumn(c + 1).width = width;
    if (column.numberFormat) sheet.getColumn(c + 1).numFmt = column.numberFormat;
  });
  spec.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(headerRow + 1 + r, c + 1).value = value;
    });
  });
  for (const fill of spec.fills ?? []) {
    sheet.getCell(headerRow + 1 + fill.row, fill.column + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.color}` } };
  }
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  }
  if (spec.freezeHeader !== false) sheet.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
}

/** Wraps an ExcelJS workbook in the port. Result sheets are written in memory; nothing touches a file until saveAs. */
export function xlsxWorkbookFrom(workbook: ExcelJS.Workbook): XlsxWorkbook {
  return {
    workbook,
    async readTable(name) {
      return findTable(workbook, name);
    },
    async writeResultSheets(sheets) {
      for (const spec of sheets) writeSheet(workbook, spec);
    },
    async saveAs(path) {
      await workbook.xlsx.writeFile(path);
    },
    async toBuffer() {
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
  };
}

/** Opens an .xlsx file for reading tables; results are written to a copy with saveAs. */
export async function openXlsxWorkbook(path: string): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return xlsxWorkbookFrom(workbook);
}

/** Loads .xlsx bytes (e.g. a file chosen in the browser). */
export async function loadXlsxWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return xlsxWorkbookFrom(workbook);
}

