// One description of how a result sheet looks, for both adapters: a ResultSheet becomes absolute
// cells (title, header, data), column formats and widths, fills, links, validations, filter, freeze.

import type { CellValue, ChartSpec, ColumnValidation, ResultSheet } from "./port";
import { cellPosition, splitAddress } from "./tables/tableBlock";

/** The header's colours and the title's, shared by the .xlsx and the Excel adapter. */
export const HEADER_FILL = "1F4E79";
export const HEADER_FONT_COLOR = "FFFFFF";
export const TITLE_FONT_COLOR = "1F4E79";
export const TITLE_FONT_SIZE = 14;

/** A place on the sheet: 1-based row and column. */
export interface LayoutCell {
  row: number;
  column: number;
}

export interface LayoutLink extends LayoutCell {
  /** The cell it opens, as "Sheet!A1" (sheet quoted where needed, no $). */
  target: string;
  /** The text shown (the cell's own value). */
  text: string;
}

export interface LayoutValidation {
  column: number;
  firstRow: number;
  lastRow: number;
  rule: ColumnValidation;
}

export interface SheetLayout {
  name: string;
  /** The title line (row 1), or null. */
  title: string | null;
  /** 1-based row of the header (3 under a title, else 1). */
  headerRow: number;
  headers: string[];
  /** Data rows as given (the header is not among them); row k sits on sheet row headerRow + 1 + k. */
  rows: CellValue[][];
  /** Number format per column for the data rows (null: General). */
  numberFormats: (string | null)[];
  /** Column widths in characters. */
  widths: number[];
  fills: (LayoutCell & { color: string })[];
  links: LayoutLink[];
  validations: LayoutValidation[];
  /** Rows frozen at the top (0: none). */
  freezeRows: number;
  /** A filter on the header row (not with a table: a table has its own). */
  autoFilter: boolean;
  tableName: string | null;
  charts: ChartSpec[];
}

/** Quotes a sheet name for an address where Excel needs it ("Demand History" → "'Demand History'"). */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** An A1 place "Sheet!C7" or "Sheet!A7:O7" as the link target of its first cell, or null when it names no cell. */
export function linkTarget(place: string): string | null {
  const { sheet, range } = splitAddress(place.trim());
  if (sheet === "") return null;
  const first = cellPosition(range.split(":")[0].replace(/\$/g, ""));
  if (!first) return null;
  return `${quoteSheet(sheet)}!${range.split(":")[0].replace(/\$/g, "").toUpperCase()}`;
}

/** The width a column gets when its description has none. */
export function defaultWidth(header: string): number {
  return Math.min(40, Math.max(10, header.length + 2));
}

/** The layout of a result sheet (pure; both adapters apply exactly this). */
export function sheetLayout(spec: ResultSheet): SheetLayout {
  const headerRow = spec.title ? 3 : 1;
  const dataRow = (r: number) => headerRow + 1 + r;
  const links: LayoutLink[] = [];
  for (const link of spec.links ?? []) {
    const target = linkTarget(link.target);
    const value = spec.rows[link.row]?.[link.column];
    if (target === null || value === undefined || value === null) continue;
    links.push({ row: dataRow(link.row), column: link.column + 1, target, text: String(value) });
  }
  const lastDataRow = headerRow + spec.rows.length;
  return {
    name: spec.name,
    title: spec.title ?? null,
    headerRow,
    headers: spec.columns.map((c) => c.header),
    rows: spec.rows,
    numberFormats: spec.columns.map((c) => c.numberFormat ?? null),
    widths: spec.columns.map((c) => c.width ?? defaultWidth(c.header)),
    fills: (spec.fills ?? []).map((f) => ({ row: dataRow(f.row), column: f.column + 1, color: f.color })),
    links,
    validations: (spec.validations ?? []).map((rule) => ({
      column: rule.column + 1,
      firstRow: headerRow + 1,
      lastRow: Math.max(lastDataRow, headerRow + (rule.rows ?? Math.max(100, spec.rows.length))),
      rule,
    })),
    freezeRows: spec.freezeHeader === false ? 0 : headerRow,
    autoFilter: spec.columns.length > 0 && !spec.tableName,
    tableName: spec.tableName ?? null,
    charts: spec.charts ?? [],
  };
}

