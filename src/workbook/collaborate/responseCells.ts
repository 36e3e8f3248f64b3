// How a response's cells are read: plain numbers, text and dates only (never a formula's cached result
// or a link's text), each cell named by its sheet and address for messages.

import ExcelJS from "exceljs";
import type { InputProblem } from "../../engine/inputErrors";
import { columnLetters } from "../port";

/** A refusal of a response file: a problem whose place is the file (its cells are not in this workbook). */
export function fileRefusal(file: string, message: string): InputProblem {
  return { where: file, table: null, row: null, field: null, message };
}

/**
 * The column (1-based) of each header in row 1 of a response's sheet (case and spaces around ignored),
 * −1 where absent, and the headers missing. Commitments and Period Commitments are found alike.
 */
export function headerColumns(sheet: ExcelJS.Worksheet, headers: readonly string[]): { columns: number[]; missing: string[] } {
  const columns = headers.map(() => -1);
  for (let c = 1; c <= Math.min(sheet.columnCount, 50); c++) {
    const h = classify(sheet.getCell(1, c).value);
    if (h.kind !== "text") continue;
    const k = headers.findIndex((x) => x.toLowerCase() === h.value.trim().toLowerCase());
    if (k >= 0 && columns[k] < 0) columns[k] = c;
  }
  return { columns, missing: headers.filter((_, k) => columns[k] < 0) };
}

export type Cell = { kind: "blank" } | { kind: "number"; value: number } | { kind: "text"; value: string } | { kind: "date"; value: Date } | { kind: "bad"; what: string };

/** What a cell holds, without ever taking a formula's cached result or a link's text. */
export function classify(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "bad", what: "not a finite number" };
  if (typeof value === "string") return value.trim() === "" ? { kind: "blank" } : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "bad", what: "a logical value (TRUE/FALSE)" };
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? { kind: "date", value } : { kind: "bad", what: "an invalid date" };
  const v = value as unknown as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) return { kind: "bad", what: "a formula" };
  if ("hyperlink" in v) return { kind: "bad", what: "a hyperlink" };
  if ("richText" in v) return { kind: "bad", what: "rich text" };
  if ("error" in v) return { kind: "bad", what: `an error value (${String(v.error)})` };
  return { kind: "bad", what: "a value of an unknown kind" };
}

export function address(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}

export function lastUsedRow(sheet: ExcelJS.Worksheet, columns: number): number {
  let last = 1;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    for (let c = 1; c <= columns; c++) if (classify(row.getCell(c).value).kind !== "blank") last = Math.max(last, r);
  });
  return last;
}
