// One reading of an input table for both adapters: a 2-D block of cell values and where it sits
// on its sheet become a TableData (a table's own range, or a plain sheet whose first row is the header).

import type { CellMark, CellMarkKind, CellValue, TableData } from "../port";

/** Where a block of values sits: 1-based sheet row and column of its top-left cell. */
export interface BlockOrigin {
  sheet: string;
  row: number;
  column: number;
}

/**
 * A cell an adapter read that is not a plain value: a formula with no saved value, or a date. It
 * stands in the 2-D block of values; the table keeps `value` and lists the cell in its `marks`.
 */
export interface MarkedCell {
  readonly mark: CellMarkKind;
  readonly value: CellValue;
}

/** A marked cell for a block of values. */
export function markedCell(mark: CellMarkKind, value: CellValue): MarkedCell {
  return { mark, value };
}

function isMarked(value: unknown): value is MarkedCell {
  return typeof value === "object" && value !== null && "mark" in value && "value" in value;
}

/** A blank cell (a formula without a value is not blank: it is something to fix). */
const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === "";
const isEmptyCell = (v: unknown): boolean => (isMarked(v) ? false : isEmpty(portCell(v)));

/** A cell as the port sees it: "" (Excel's blank) becomes null; a marked cell gives its value. */
export function portCell(value: unknown): CellValue {
  if (isMarked(value)) return value.value;
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A table's own range (a ListObject): the first row is the header, every other row is data.
 * @example tableFromRange("Stages", [["Id"], ["A"]], { sheet: "Net", row: 2, column: 2 }).rows // [["A"]]
 */
export function tableFromRange(name: string, values: readonly (readonly unknown[])[], origin: BlockOrigin, options: { totalsRow?: boolean } = {}): TableData {
  const width = values[0]?.length ?? 0;
  const headers = (values[0] ?? []).map((v) => {
    const cell = portCell(v);
    return cell === null ? "" : String(cell).trim();
  });
  // A table's totals row ("Total", SUBTOTAL formulas) is not data.
  const body = values.slice(1, options.totalsRow && values.length > 1 ? -1 : undefined);
  const marks: CellMark[] = [];
  const rows = body.map((row, r) => Array.from({ length: width }, (_, c) => {
    const value = row[c];
    if (isMarked(value)) marks.push({ row: r, column: c, kind: value.mark });
    return portCell(value);
  }));
  return { name, sheet: origin.sheet, headers, rows, headerRow: origin.row, firstColumn: origin.column, ...(marks.length > 0 ? { marks } : {}) };
}

/**
 * A plain sheet read as a table: its first non-empty row is the header; the columns run from the
 * first non-blank header cell to the one before the next blank header; the data end at the last row
 * with a value in those columns. Null when the block holds nothing.
 * @example tableFromSheet("Stages", [[null, null], [null, "Id"], [null, "A"]], { sheet: "Stages", row: 1, column: 1 })
 *   // { headerRow: 2, firstColumn: 2, headers: ["Id"], rows: [["A"]] }
 */
export function tableFromSheet(name: string, values: readonly (readonly unknown[])[], origin: BlockOrigin): TableData | null {
  const cell = (r: number, c: number) => values[r]?.[c] ?? null;
  const top = values.findIndex((row) => row.some((v) => !isEmptyCell(v)));
  if (top < 0) return null;
  const width = values.reduce((most, row) => Math.max(most, row.length), 0); // no spread: sheets have 100,000s of rows
  let left = 0;
  while (left < width && isEmptyCell(cell(top, left))) left++;
  let right = left;
  while (right + 1 < width && !isEmptyCell(cell(top, right + 1))) right++;
  let bottom = top;
  for (let r = top + 1; r < values.length; r++) {
    for (let c = left; c <= right; c++) {
      if (!isEmptyCell(cell(r, c))) {
        bottom = r;
        break;
      }
    }
  }
  const block: unknown[][] = [];
  for (let r = top; r <= bottom; r++) block.push(Array.from({ length: right - left + 1 }, (_, c) => cell(r, left + c)));
  return tableFromRange(name, block, { sheet: origin.sheet, row: origin.row + top, column: origin.column + left });
}

/** The 1-based row and column of an A1 cell ("C7", "$C$7"), or null. */
export function cellPosition(a1: string): { row: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!match) return null;
  const column = [...match[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

/** Splits "Sheet!A1:B2" or "'My sheet'!A1" into the sheet name and the range part. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** The top-left cell of a range address's range part ("B3:D9" → row 3, column 2). */
export function rangeOrigin(address: string): BlockOrigin {
  const { sheet, range } = splitAddress(address);
  const position = cellPosition(range.split(":")[0]) ?? { row: 1, column: 1 };
  return { sheet, ...position };
}
