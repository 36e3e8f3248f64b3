// An issued table's values as a package writes and hashes them: numbers rounded to their column's
// decimals, text in Unicode NFC, blanks null (docs/collaboration.md, the canonical form).

import { roundTo } from "./canonical";
import type { IssuedColumn, IssuedTable } from "./types";

function issuedValue(column: IssuedColumn, value: string | number | null): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === "number") return typeof value === "number" && Number.isFinite(value) ? roundTo(value, column.decimals ?? 4) : null;
  return String(value).normalize("NFC");
}

/** Rounds and normalises every value the way it is written, so the hash covers what the partner sees. */
export function issuedTable(name: string, title: string, columns: IssuedColumn[], rows: (string | number | null)[][]): IssuedTable {
  return { name, title, columns, rows: rows.map((row) => columns.map((column, c) => issuedValue(column, row[c]))) };
}
