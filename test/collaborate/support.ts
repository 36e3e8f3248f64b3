// Test helpers for collaboration: books as tables or .xlsx files, filling a package as a partner would
// (ExcelJS, no add-in), and reading sheets back.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, ResultSheet, TableData } from "../../src/workbook/port";

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "aps-collab-"));
}

/** A table as the port reads it (header in row 1 of a sheet of the table's name). */
export function table(name: string, headers: string[], rows: CellValue[][]): TableData {
  return { name, sheet: name, headers, rows: rows.map((r) => headers.map((_, c) => r[c] ?? null)), headerRow: 1, firstColumn: 1 };
}

/** What the pane does after a run: the written sheets become the tables of the next run. */
export function withSheets(tables: Record<string, TableData | null>, sheets: readonly ResultSheet[]): Record<string, TableData | null> {
  const next = { ...tables };
  for (const s of sheets) next[s.name] = { name: s.name, sheet: s.name, headers: s.columns.map((c) => c.header), rows: s.rows, headerRow: 1, firstColumn: 1 };
  return next;
}

/** Adds (or replaces) a plain sheet whose first row is the header. */
export function putSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: CellValue[][]): void {
  const old = workbook.getWorksheet(name);
  if (old) workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
}

export interface Answer {
  rate?: ExcelJS.CellValue;
  serviceTime?: ExcelJS.CellValue;
  onHand?: ExcelJS.CellValue;
  reason?: ExcelJS.CellValue;
  comment?: ExcelJS.CellValue;
}

/** Fills the Commitments table of a package the way a partner would in plain Excel, and saves it. */
export async function fillPackage(packagePath: string, responsePath: string, answers: Record<string, Answer>, edit?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(packagePath);
  const sheet = workbook.getWorksheet("Commitments")!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const answer = answers[String(sheet.getCell(r, 1).value)];
    if (!answer) continue;
    if (answer.rate !== undefined) sheet.getCell(r, 2).value = answer.rate;
    if (answer.serviceTime !== undefined) sheet.getCell(r, 3).value = answer.serviceTime;
    if (answer.onHand !== undefined) sheet.getCell(r, 4).value = answer.onHand;
    if (answer.reason !== undefined) sheet.getCell(r, 5).value = answer.reason;
    if (answer.comment !== undefined) sheet.getCell(r, 6).value = answer.comment;
  }
  edit?.(workbook);
  await workbook.xlsx.writeFile(responsePath);
}

/** The rows of a sheet (header first) as plain values. */
export async function sheetRows(file: string, name: string): Promise<CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return [];
  const out: CellValue[][] = [];
  sheet.eachRow((row) => out.push((row.values as CellValue[]).slice(1).map((v) => (v === undefined ? null : v))));
  return out;
}

/** Rows of a sheet as records keyed by its header. */
export async function sheetRecords(file: string, name: string): Promise<Record<string, CellValue>[]> {
  const [header, ...rows] = await sheetRows(file, name);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, c) => [String(h), r[c] ?? null])));
}
