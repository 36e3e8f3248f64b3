// The .xlsx file adapter of the workbook port (ExcelJS): reads tables (ListObjects, or a sheet of the
// table's name whose first row is the header) and writes the add-in's result sheets into a copy.

import ExcelJS from "exceljs";
import { exampleSheets } from "../exampleTables";
import type { ExampleSet, WriteReport } from "../paneWorkbook";
import type { CellValue, ResultSheet, TableData, WorkbookPort } from "../port";
import { OWNED_NAME, placeSheets, writeReport } from "../ownedSheets";
import { HEADER_FILL, HEADER_FONT_COLOR, quoteSheet, SheetLayout, sheetLayout, TITLE_FONT_COLOR, TITLE_FONT_SIZE } from "../sheetLayout";
import { MarkedCell, tableFromRange, tableFromSheet } from "../tables/tableBlock";
import { tableCellValue } from "./cells";
import { applyValidation } from "./validations";

export interface XlsxWorkbook extends WorkbookPort {
  /** The ExcelJS workbook underneath (for tests and examples). */
  readonly workbook: ExcelJS.Workbook;
  /** Writes the sheets; a user's sheet of the same name is kept and ours goes to "Name (2)". */
  writeSheets(sheets: ResultSheet[], options?: XlsxWriteOptions): Promise<WriteReport>;
  /** Adds the example input tables on sheets with free names (see exampleTables.ts); returns their names. */
  insertExampleTables(set: ExampleSet): Promise<string[]>;
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

/** The values of a box of cells, as a 2-D array (dates and formulas without a value marked). */
function boxValues(sheet: ExcelJS.Worksheet, box: RangeBox): (CellValue | MarkedCell)[][] {
  const values: (CellValue | MarkedCell)[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row = sheet.getRow(r);
    const line: (CellValue | MarkedCell)[] = [];
    for (let c = box.left; c <= box.right; c++) line.push(tableCellValue(row.getCell(c).value));
    values.push(line);
  }
  return values;
}

function findTable(workbook: ExcelJS.Workbook, name: string): TableData | null {
  const wanted = name.toLowerCase();
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean } }> }).tables ?? {};
    for (const [tableName, table] of Object.entries(tables)) {
      const ref = table.table?.tableRef ?? table.table?.ref;
      if (tableName.toLowerCase() !== wanted || !ref) continue;
      const box = parseRef(ref.includes(":") ? ref : `${ref}:${ref}`);
      // The table definition says whether its last row is a totals row (totalsRowCount="1").
      return tableFromRange(tableName, boxValues(sheet, box), { sheet: sheet.name, row: box.top, column: box.left }, { totalsRow: table.table?.totalsRow === true });
    }
  }
  const sheet = workbook.worksheets.find((s) => s.name.toLowerCase() === wanted);
  if (!sheet || sheet.rowCount === 0) return null;
  const values = boxValues(sheet, { top: 1, left: 1, bottom: sheet.rowCount, right: Math.max(1, sheet.columnCount) });
  // A table on the sheet (named otherwise, e.g. "DemandHistory") keeps its totals row out of the data too.
  const tables = (sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; totalsRow?: boolean } }> }).tables ?? {};
  for (const table of Object.values(tables)) {
    const ref = table.table?.tableRef ?? table.table?.ref;
    if (table.table?.totalsRow !== true || !ref) continue;
    const box = parseRef(ref.includes(":") ? ref : `${ref}:${ref}`);
    const line = values[box.bottom - 1];
    if (line) for (let c = box.left; c <= box.right; c++) line[c - 1] = null;
  }
  return tableFromSheet(sheet.name, values, { sheet: sheet.name, row: 1, column: 1 });
}

/** The sheets the add-in marked as its own (the APS_OWNED defined name lists A1 of each). */
function ownedSheets(workbook: ExcelJS.Workbook): Set<string> {
  const ranges = workbook.definedNames.getRanges(OWNED_NAME).ranges;
  return new Set(ranges.map((r) => {
    const sheet = r.slice(0, r.lastIndexOf("!"));
    return (sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet).toLowerCase();
  }));
}

const argb = (rgb: string) => `FF${rgb}`;

function applyLayout(workbook: ExcelJS.Workbook, layout: SheetLayout, owned: boolean): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.name);
  const { headerRow } = layout;
  if (layout.title !== null) {
    const title = sheet.getCell(1, 1);
    title.value = layout.title;
    title.font = { bold: true, size: TITLE_FONT_SIZE, color: { argb: argb(TITLE_FONT_COLOR) } };
  }
  layout.headers.forEach((header, c) => {
    sheet.getColumn(c + 1).width = layout.widths[c];
    const format = layout.numberFormats[c];
    if (format) sheet.getColumn(c + 1).numFmt = format;
    sheet.getCell(headerRow, c + 1).value = header;
  });
  layout.rows.forEach((row, r) => {
    const line = sheet.getRow(headerRow + 1 + r);
    row.forEach((value, c) => {
      if (value !== null) line.getCell(c + 1).value = value;
    });
  });
  if (layout.tableName !== null && layout.headers.length > 0) {
    sheet.addTable({
      name: layout.tableName,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleLight1", showRowStripes: true },
      columns: layout.headers.map((name) => ({ name, filterButton: true })),
      rows: layout.rows.length > 0 ? layout.rows.map((row) => row.map((v) => v ?? null)) : [layout.headers.map(() => null)],
    });
  }
  layout.headers.forEach((_, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.font = { bold: true, color: { argb: argb(HEADER_FONT_COLOR) } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_FILL) } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.numFmt = "General";
  });
  for (const fill of layout.fills) {
    sheet.getCell(fill.row, fill.column).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill.color) } };
  }
  for (const link of layout.links) {
    const cell = sheet.getCell(link.row, link.column);
    cell.value = { text: link.text, hyperlink: link.target };
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  for (const validation of layout.validations) applyValidation(sheet, validation);
  if (layout.autoFilter) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: layout.headers.length } };
  }
  if (layout.freezeRows > 0) sheet.views = [{ state: "frozen", ySplit: layout.freezeRows, xSplit: 0 }];
  if (owned) workbook.definedNames.add(`${quoteSheet(layout.name)}!$A$1`, OWNED_NAME);
  return sheet;
}

/** ExcelJS orders sheets by this (not in its types). */
interface Ordered {
  orderNo: number;
}

/** How a write treats existing sheets: result sheets replace the add-in's own; example tables only take free names. */
export interface XlsxWriteOptions {
  /** Mark the sheets as the add-in's and replace its earlier ones (default); false for example input tables. */
  owned?: boolean;
}

/**
 * Writes result sheets: sheets the add-in owns are replaced whole (in the same place), a user's own
 * sheet of the same name is left alone and ours goes to "Name (2)". Charts are skipped (ExcelJS
 * cannot write them). With `owned: false` nothing is replaced and a table name in use is refused.
 */
export function writeXlsxSheets(workbook: ExcelJS.Workbook, sheets: readonly ResultSheet[], options: XlsxWriteOptions = {}): WriteReport {
  const ownedWrite = options.owned !== false;
  const layouts = sheets.map(sheetLayout);
  const owned = ownedWrite ? ownedSheets(workbook) : new Set<string>();
  const placements = placeSheets(layouts.map((l) => l.name), workbook.worksheets.map((s) => ({ name: s.name, owned: owned.has(s.name.toLowerCase()) })));
  const replaced = new Set(placements.map((p) => p.replaces?.toLowerCase()).filter(Boolean));
  for (const layout of layouts) {
    const wanted = layout.tableName?.toLowerCase();
    const holder = wanted ? workbook.worksheets.find((s) => !replaced.has(s.name.toLowerCase()) && Object.keys((s as unknown as { tables?: object }).tables ?? {}).some((t) => t.toLowerCase() === wanted)) : undefined;
    if (holder) throw new Error(`The workbook already has a table named "${layout.tableName}" (on sheet "${holder.name}"); nothing was written.`);
  }
  placements.forEach((placement, k) => {
    let orderNo: number | null = null;
    if (placement.replaces !== null) {
      const previous = workbook.getWorksheet(placement.replaces);
      workbook.definedNames.remove(`${quoteSheet(placement.replaces)}!$A$1`, OWNED_NAME);
      if (previous) {
        orderNo = (previous as unknown as Ordered).orderNo;
        workbook.removeWorksheet(previous.id);
      }
    }
    const sheet = applyLayout(workbook, { ...layouts[k], name: placement.name }, ownedWrite);
    if (orderNo !== null) (sheet as unknown as Ordered).orderNo = orderNo;
  });
  return writeReport(placements);
}

/** Wraps an ExcelJS workbook in the port. Result sheets are written in memory; nothing touches a file until saveAs. */
export function xlsxWorkbookFrom(workbook: ExcelJS.Workbook): XlsxWorkbook {
  return {
    workbook,
    async readTable(name) {
      return findTable(workbook, name);
    },
    async sheetAndTableNames() {
      return workbook.worksheets.flatMap((sheet) => [sheet.name, ...Object.keys((sheet as unknown as { tables?: object }).tables ?? {})]);
    },
    async writeResultSheets(sheets) {
      writeXlsxSheets(workbook, sheets);
    },
    async writeSheets(sheets, options) {
      return writeXlsxSheets(workbook, sheets, options);
    },
    async insertExampleTables(set) {
      return writeXlsxSheets(workbook, exampleSheets(set), { owned: false }).written;
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
