// Excel's quirks met cell by cell, for every table reader: a formula with no saved value (written by a
// program that does not calculate) and a date where a number belongs (Excel turns "1/2" into 2 January)
// are errors naming the cell and how to fix it. The adapters mark such cells on TableData.marks.

import type { InputProblem } from "../../engine/inputErrors";
import { type CellMarkKind, type TableData, tableCellAddress } from "../port";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const indexes = new WeakMap<TableData, Map<string, CellMarkKind>>();

/** The mark of a cell (0-based data row and column), or null for a plain value. */
export function markAt(table: TableData, row: number, column: number): CellMarkKind | null {
  if (!table.marks || table.marks.length === 0) return null;
  let index = indexes.get(table);
  if (!index) {
    index = new Map(table.marks.map((m) => [`${m.row},${m.column}`, m.kind]));
    indexes.set(table, index);
  }
  return index.get(`${row},${column}`) ?? null;
}

/** An Excel serial as the date a user sees ("2024-01-02"). */
export function serialDate(serial: number): string {
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : String(serial);
}

/** What a column holds, for the marks it accepts: a date column takes dates, the others numbers or text. */
export type ColumnMeaning = "number" | "date" | "text";

/**
 * Why a cell read as `field` cannot be used as it is, or null: a formula without a saved value
 * anywhere, a date where a number belongs. The message starts with the field; the caller puts the cell first.
 * @example cellMarkProblem(table, 0, 1, "Demand Rate", "number") // "Demand Rate holds the date 2024-01-02, not a number: …"
 */
export function cellMarkProblem(table: TableData, row: number, column: number, field: string, meaning: ColumnMeaning): string | null {
  const mark = markAt(table, row, column);
  if (mark === "formula without value") {
    return `${field} holds a formula with no saved value (the file was written by a program that does not calculate formulas); open the file in Excel or LibreOffice and save it, or type the value.`;
  }
  if (mark === "date" && meaning === "number") {
    const value = table.rows[row]?.[column];
    const shown = typeof value === "number" ? ` ${serialDate(value)}` : "";
    return `${field} holds the date${shown}, not a number: Excel turns typing such as 1/2 into a date; type the number again in a cell formatted as Number.`;
  }
  return null;
}

/** Every marked cell of the given columns as problem records (the cell, the table, the row, the user's header), in row order. */
export function markedCellProblems(table: TableData, columns: readonly { column: number; field: string; meaning: ColumnMeaning }[]): InputProblem[] {
  if (!table.marks || table.marks.length === 0) return [];
  const byColumn = new Map(columns.map((c) => [c.column, c]));
  const problems: InputProblem[] = [];
  for (const mark of [...table.marks].sort((a, b) => a.row - b.row || a.column - b.column)) {
    const c = byColumn.get(mark.column);
    if (!c) continue;
    const message = cellMarkProblem(table, mark.row, mark.column, c.field, c.meaning);
    if (message !== null) problems.push({ where: tableCellAddress(table, mark.row, mark.column), table: table.name, row: mark.row, field: c.field, message });
  }
  return problems;
}
