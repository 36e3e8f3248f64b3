// Element-wise evaluation of a custom function over its arguments, broadcast as Excel's own
// functions do (1×1 everywhere, a row or a column stretches, #N/A outside a shorter range), with
// every engine error mapped to an error cell. One call fills a whole spill: 10,000 rows, one formula.
import { isMissingInputError, isPlanningInputError } from "../engine/errors";
import { CellError, isCellError, notAvailable, valueError } from "./cellErrors";
import { Read, fail, isBlank, ok, readFlag, readNumber, readText, toGrid } from "./cells";

/**
 * How an argument is read:
 * - `number`: a required number (blank → #N/A "… is blank").
 * - `optionalNumber`: blank, or 0 (what a blank cell inside a range arrives as), means "not given" (undefined).
 * - `text`: optional text (blank or 0 → undefined). `flag`: optional TRUE/FALSE (blank → FALSE).
 * - `rowList`: a range reduced across each row to the list of its numbers (blanks skipped); it broadcasts as a column.
 * `lazy`: the compute function receives the `Read` itself and decides whether to look at it.
 */
export type ArgKind = "number" | "optionalNumber" | "text" | "flag" | "rowList";

export interface ArgSpec {
  name: string;
  value: unknown;
  kind: ArgKind;
  lazy?: boolean;
}

/** Raised inside a compute function to return a prepared error cell. */
export class CellFailure extends Error {
  constructor(readonly error: CellError) {
    super(error.message ?? String(error.code));
  }
}

/** The value of a lazy argument, or the error cell it holds (thrown as a CellFailure). */
export function take<T>(read: Read<T>): T {
  if (!read.ok) throw new CellFailure(read.error);
  return read.value;
}

interface ReadGrid {
  name: string;
  rows: number;
  cols: number;
  cells: Read<unknown>[][];
  lazy: boolean;
}

function readCell(spec: ArgSpec, cell: unknown): Read<unknown> {
  switch (spec.kind) {
    case "number":
      return readNumber(spec.name, cell, "missing");
    case "optionalNumber": {
      const read = readNumber(spec.name, cell, "absent");
      return read.ok && read.value === 0 ? ok(undefined) : read;
    }
    case "text":
      return readText(spec.name, cell);
    case "flag":
      return readFlag(spec.name, cell);
    case "rowList":
      return readListCell(spec.name, cell);
  }
}

function readListCell(name: string, cell: unknown): Read<number | undefined> {
  if (isBlank(cell)) return ok(undefined);
  return readNumber(name, cell, "absent");
}

/** Reads every cell of an argument once; `rowList` arguments become one list per row. */
function readArgument(spec: ArgSpec): ReadGrid | null {
  const grid = toGrid(spec.value);
  if (!grid) return null;
  const lazy = spec.lazy === true;
  if (spec.kind !== "rowList") {
    return { name: spec.name, rows: grid.rows, cols: grid.cols, lazy, cells: grid.cells.map((row) => row.map((cell) => readCell(spec, cell))) };
  }
  const cells = grid.cells.map((row): Read<unknown>[] => {
    const list: number[] = [];
    for (const cell of row) {
      const read = readListCell(spec.name, cell);
      if (!read.ok) return [read];
      if (read.value !== undefined) list.push(read.value);
    }
    return [ok(list)];
  });
  return { name: spec.name, rows: grid.rows, cols: 1, lazy, cells };
}

/** Maps anything thrown by the engine to an error cell (messages renamed to the function's argument names). */
export function toCellError(error: unknown, renames: Record<string, string> = {}): CellError {
  if (error instanceof CellFailure) return error.error;
  const rename = (message: string) =>
    Object.entries(renames).reduce((text, [from, to]) => text.replace(new RegExp(`\\b${from}\\b`, "g"), to), message);
  if (isMissingInputError(error)) return notAvailable(rename(error.message));
  if (isPlanningInputError(error)) return valueError(rename(error.message));
  const detail = error instanceof Error ? error.message : String(error);
  return valueError(`Could not compute this cell: ${detail || "unexpected error"}.`);
}

function outside(name: string, grid: ReadGrid, row: number, col: number): CellError {
  const where = grid.rows > 1 && row >= grid.rows ? `row ${row + 1}` : `column ${col + 1}`;
  return notAvailable(`${where} is outside ${name} (${grid.rows}×${grid.cols}): give ranges of the same size, or one row or column.`);
}

/**
 * Evaluates `compute` for every cell of the broadcast shape of `args` and returns the spill.
 * `compute` receives one value per argument (undefined when not given; a `Read` for lazy ones),
 * returns a number or an error cell, and may throw (engine errors become error cells). Never throws.
 */
export function spill(args: ArgSpec[], compute: (values: unknown[]) => number | CellError, renames: Record<string, string> = {}): unknown[][] {
  try {
    const grids = args.map(readArgument);
    let rows = 1;
    let cols = 1;
    for (const g of grids) {
      if (g) {
        rows = Math.max(rows, g.rows);
        cols = Math.max(cols, g.cols);
      }
    }
    const result: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      const line: unknown[] = new Array(cols);
      for (let j = 0; j < cols; j++) line[j] = evaluateCell(args, grids, i, j, compute, renames);
      result.push(line);
    }
    return result;
  } catch (error) {
    return [[toCellError(error, renames)]];
  }
}

function evaluateCell(
  args: ArgSpec[],
  grids: (ReadGrid | null)[],
  i: number,
  j: number,
  compute: (values: unknown[]) => number | CellError,
  renames: Record<string, string>,
): unknown {
  const values: unknown[] = new Array(args.length);
  for (let a = 0; a < args.length; a++) {
    const g = grids[a];
    if (!g) {
      const absent = args[a].kind === "number" ? fail(notAvailable(`${args[a].name} is missing: enter a number.`)) : ok(args[a].kind === "rowList" ? [] : args[a].kind === "flag" ? false : undefined);
      if (args[a].lazy) values[a] = absent;
      else if (!absent.ok) return absent.error;
      else values[a] = absent.value;
      continue;
    }
    const r = g.rows === 1 ? 0 : i;
    const c = g.cols === 1 ? 0 : j;
    const read = r < g.rows && c < g.cols ? g.cells[r][c] : fail(outside(g.name, g, i, j));
    if (g.lazy) values[a] = read;
    else if (!read.ok) return read.error;
    else values[a] = read.value;
  }
  try {
    const out = compute(values);
    if (typeof out === "number") {
      return Number.isFinite(out) ? out : valueError("The result is not a finite number: the inputs are too large or too small.");
    }
    return isCellError(out) ? out : valueError("Could not compute this cell.");
  } catch (error) {
    return toCellError(error, renames);
  }
}

/** Runs a whole custom function body; any escape becomes a single #VALUE! cell. */
export function safely(body: () => unknown[][]): unknown[][] {
  try {
    return body();
  } catch (error) {
    return [[toCellError(error)]];
  }
}

