// The shared reading of an input table for every reader: header lookup (Title Case, near misses
// named), blank rows and cells, typed cells into one InputErrorList of InputProblem records.

import { PlanningInputError } from "../../engine/errors";
import { InputErrorList, type InputProblem } from "../../engine/inputErrors";
import { describeCount, INPUT_LIMITS, quoteText, textProblem } from "../../engine/limits";
import { editDistance } from "../../engine/network/fields";
import { type CellValue, type TableData, tableCellAddress } from "../port";
import { cellMarkProblem } from "./cellMarks";

/** A header as compared: case, spaces and underscores ignored ("due_date" = "Due Date"). */
export const headerKey = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, "");

/** True for an empty cell or one holding only spaces. */
export const isBlankCell = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** True when every cell of the row is blank (such rows are skipped). */
export const isBlankRow = (row: readonly CellValue[]): boolean => row.every(isBlankCell);

/** The table's header that looks like a misspelling of `name` (at most two edits, not a wanted name itself), or null. */
export function nearMiss(table: TableData, name: string, wanted: readonly string[]): { header: string; column: number } | null {
  const key = headerKey(name);
  const taken = new Set(wanted.map(headerKey));
  for (let c = 0; c < table.headers.length; c++) {
    const h = String(table.headers[c] ?? "");
    const k = headerKey(h);
    if (k === "" || taken.has(k)) continue;
    if (editDistance(k, key) <= Math.min(2, Math.floor(key.length / 3))) return { header: h, column: c };
  }
  return null;
}

/**
 * The column of each wanted header (Title Case names as docs/formats.md gives them, matched without
 * case or spaces). A required column missing stops the reading with one problem at the header row,
 * naming a near miss ("Durration" in C1) when the table has one.
 */
export function tableColumns(table: TableData, wanted: readonly string[], required: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  table.headers.forEach((h, c) => {
    const name = wanted.find((w) => headerKey(w) === headerKey(String(h ?? "")));
    if (name && !columns.has(name)) columns.set(name, c);
  });
  // The place of a missing column is a header cell (selectable): its near miss, else the first.
  const problems: InputProblem[] = [];
  for (const name of required) {
    if (columns.has(name)) continue;
    const miss = nearMiss(table, name, wanted);
    const hint = miss ? `; is "${miss.header}" in ${tableCellAddress(table, -1, miss.column)} meant to be "${name}"?` : ".";
    const message = `the ${table.name} table has no "${name}" column (its header row is row ${table.headerRow})${hint}`;
    problems.push({ where: tableCellAddress(table, -1, miss?.column ?? 0), table: table.name, row: null, field: name, message });
  }
  if (problems.length > 0) throw new PlanningInputError(problems.map((p) => `${table.sheet}: ${p.message}`).join("\n"), problems[0].field ?? undefined, problems[0].where ?? undefined, problems);
  return columns;
}

/** Records a problem at a cell of the table, as a record with its table, row and field. */
export function flagCell(errors: InputErrorList, table: TableData, row: number, column: number, message: string, field: string): void {
  errors.add(tableCellAddress(table, row, column), message, field, { table: table.name, row, field });
}

/** Refuses a table with more rows than the limit, before reading them. */
export function checkRowCount(table: TableData, limit: number): void {
  if (table.rows.length > limit) {
    throw new PlanningInputError(`${table.sheet}: the ${table.name} table has ${describeCount(table.rows.length)} rows; aps reads at most ${describeCount(limit)}.`, table.name, table.sheet,
      [{ where: table.sheet, table: table.name, row: null, field: null, message: `the ${table.name} table has ${describeCount(table.rows.length)} rows; aps reads at most ${describeCount(limit)}.` }]);
  }
}

export interface NumberRule {
  min?: number;
  max: number;
  integer?: boolean;
}

/** A number cell (a number, or text that is one), or null with a problem recorded (blank, text, out of range). */
export function numberCell(errors: InputErrorList, table: TableData, row: number, column: number, field: string, rule: NumberRule): number | null {
  const v = table.rows[row][column];
  const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  const bad = (message: string) => { flagCell(errors, table, row, column, message, field); return null; };
  const marked = cellMarkProblem(table, row, column, field, "number");
  if (marked !== null) return bad(marked);
  if (isBlankCell(v)) return bad(`${field} is blank.`);
  if (!Number.isFinite(x)) return bad(`${field} must be a number (got ${typeof v === "string" ? quoteText(v) : `"${String(v)}"`}).`);
  if (rule.min !== undefined && x < rule.min) return bad(`${field} must be ≥ ${rule.min} (got ${x}).`);
  if (Math.abs(x) > rule.max) return bad(`${field} must be at most ${describeCount(rule.max)} in size (got ${x}).`);
  if (rule.integer && !Number.isInteger(x)) return bad(`${field} must be a whole number (got ${x}).`);
  if (x !== 0 && Math.abs(x) < INPUT_LIMITS.smallestNonzero) return bad(`${field} must be 0 or at least ${INPUT_LIMITS.smallestNonzero} in size (got ${x}).`);
  return x === 0 ? 0 : x;
}

/** A whole-number cell, or null with a problem recorded. */
export function integerCell(errors: InputErrorList, table: TableData, row: number, column: number, field: string, rule: Omit<NumberRule, "integer">): number | null {
  return numberCell(errors, table, row, column, field, { ...rule, integer: true });
}

/** A name cell (Job, Machine, Product): trimmed text that can be written back, or null with a problem recorded. */
export function textCell(errors: InputErrorList, table: TableData, row: number, column: number, field: string): string | null {
  const v = table.rows[row][column];
  const marked = cellMarkProblem(table, row, column, field, "text");
  if (marked !== null) { flagCell(errors, table, row, column, marked, field); return null; }
  if (isBlankCell(v)) { flagCell(errors, table, row, column, `${field} is blank.`, field); return null; }
  // Names are compared in Unicode NFC: "Café" typed either way is one name.
  const text = String(v).trim().normalize("NFC");
  const problem = textProblem(text);
  if (problem) { flagCell(errors, table, row, column, `${field} ${problem}.`, field); return null; }
  return text;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as an Excel serial (a serial as it is, or ISO text "2024-03-31"), or null with a problem recorded. */
export function dateCell(errors: InputErrorList, table: TableData, row: number, column: number, field: string): number | null {
  const v = table.rows[row][column];
  const marked = cellMarkProblem(table, row, column, field, "date");
  if (marked !== null) { flagCell(errors, table, row, column, marked, field); return null; }
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
    if (m) {
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (Number.isFinite(ms)) return Math.round((ms - EXCEL_EPOCH_MS) / 86_400_000);
    }
  }
  flagCell(errors, table, row, column, `${field} must be a date (got ${isBlankCell(v) ? "a blank" : typeof v === "string" ? quoteText(v) : String(v)}).`, field);
  return null;
}
