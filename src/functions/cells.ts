// Reading one argument of a custom function: normalise a value or range to a grid, and read a cell
// as a number, text or flag, turning every unusable cell into an error cell that names the argument.
import { CellError, isCellError, notAvailable, valueError } from "./cellErrors";
import { plainCell } from "./excelValues";

/** An argument as a rectangular grid of cells (rows × cols ≥ 1), or null when not given. */
export interface Grid {
  rows: number;
  cols: number;
  cells: unknown[][];
}

/** A cell read as T, or the error cell to return in its place. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: CellError };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = <T>(error: CellError): Read<T> => ({ ok: false, error });

/**
 * Normalises an argument: null/undefined (omitted), [] and [[]] → null; a scalar → 1×1; a ragged
 * array is padded with blanks to its widest row; error values and data types become plain cells
 * (excelValues.ts: a formatted number by its basicValue, an error as { code, message }). Never throws.
 */
export function toGrid(value: unknown): Grid | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return { rows: 1, cols: 1, cells: [[plainCell(value)]] };
  const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
  const cols = rows.reduce((m, row) => Math.max(m, row.length), 0);
  if (rows.length === 0 || cols === 0) return null;
  const cells = rows.map((row) => {
    const plain = row.map(plainCell);
    return plain.length === cols ? plain : [...plain, ...new Array(cols - plain.length).fill(null)];
  });
  return { rows: rows.length, cols, cells };
}

/** True for what Excel passes for an empty cell: null/undefined, "" (or only spaces). */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function show(cell: unknown): string {
  if (typeof cell === "string") return `text "${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") {
    if (Number.isNaN(cell)) return "not a number";
    return cell > 0 ? "infinite" : "minus infinity";
  }
  return "a value that is not a number";
}

/** An input cell holding an Excel error: #N/A stays #N/A, the others become #VALUE!, naming the argument. */
export function propagate(name: string, cell: CellError): CellError {
  const code = String(cell.code);
  const detail = cell.message ? `: ${cell.message}` : "";
  const message = `${name} holds the error ${code}${detail}`;
  return code === "#N/A" ? notAvailable(message) : valueError(message);
}

/**
 * Reads a cell as a finite number. Blank → `blank` (undefined = "not given"); text and booleans are
 * refused (as Excel's range functions ignore them, we say so rather than guess); error cells propagate.
 */
export function readNumber(name: string, cell: unknown, blank: "missing" | "absent"): Read<number | undefined> {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return ok(cell);
    return fail(valueError(`${name} must be a finite number (got ${show(cell)}).`));
  }
  if (isBlank(cell)) {
    return blank === "absent" ? ok(undefined) : fail(notAvailable(`${name} is blank: enter a number.`));
  }
  if (isCellError(cell)) return fail(propagate(name, cell));
  return fail(valueError(`${name} must be a number (got ${show(cell)}).`));
}

/** Reads an optional text cell (blank or 0 → undefined). */
export function readText(name: string, cell: unknown): Read<string | undefined> {
  if (isBlank(cell) || cell === 0) return ok(undefined);
  if (typeof cell === "string") return ok(cell.trim());
  if (isCellError(cell)) return fail(propagate(name, cell));
  return fail(valueError(`${name} must be text (got ${typeof cell === "number" ? String(cell) : show(cell)}).`));
}

/** Reads an optional TRUE/FALSE flag; 1/0 count as TRUE/FALSE, blank as FALSE. */
export function readFlag(name: string, cell: unknown): Read<boolean> {
  if (isBlank(cell)) return ok(false);
  if (typeof cell === "boolean") return ok(cell);
  if (cell === 0 || cell === 1) return ok(cell === 1);
  if (isCellError(cell)) return fail(propagate(name, cell));
  return fail(valueError(`${name} must be TRUE or FALSE (got ${typeof cell === "number" ? String(cell) : show(cell)}).`));
}
