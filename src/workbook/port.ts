// The one workbook port: read input tables, write result sheets. The Excel (Office.js) adapter and
// the .xlsx file adapter both implement it; the task pane and the `aps` command only see this.

import { editDistance } from "../engine/network/fields";

/** What one cell holds once read: blanks are null, errors are their text ("#N/A"). */
export type CellValue = number | string | boolean | null;

/** An input table as read: header names as typed in the workbook, then the data rows. */
export interface TableData {
  /** The table's name ("Stages"), which is how the model finds it. */
  name: string;
  /** The sheet that holds it, for messages ("Stages!C7"). */
  sheet: string;
  /** Header cells, in column order, as written in the workbook. */
  headers: string[];
  /** Data rows (no header), each as long as `headers`. */
  rows: CellValue[][];
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column of the first column. */
  firstColumn: number;
  /**
   * Cells that are not plain values (0-based data row and column): a formula with no saved value (read
   * as null) and a date (read as its Excel serial number). The table readers refuse them where a
   * number belongs, naming the cell; absent when there are none.
   */
  marks?: CellMark[];
}

/** What kind of cell a mark flags. */
export type CellMarkKind = "formula without value" | "date";

/** A cell of a table that is not a plain value, at its 0-based data row and column. */
export interface CellMark {
  row: number;
  column: number;
  kind: CellMarkKind;
}

/** A column of a result sheet: its header (with units) and how its numbers show. */
export interface ResultColumn {
  header: string;
  /** Excel number format, e.g. "0.00", "#,##0", "0.0%". */
  numberFormat?: string;
  /** Width in characters; the adapter picks one from the header when absent. */
  width?: number;
}

/** A solid fill on one data cell (0-based row/column within the data body), e.g. a Gantt bar. */
export interface CellFill {
  row: number;
  column: number;
  /** RGB hex without '#', e.g. "4F81BD". */
  color: string;
}

/** A link from one data cell (0-based row/column within the data body) to a place in the workbook. */
export interface CellLink {
  row: number;
  column: number;
  /** An A1 place with its sheet, e.g. "Stages!C7" or "'Demand History'!B2". */
  target: string;
}

/**
 * A native chart the Excel adapter draws over a result sheet's own columns (ExcelJS cannot write
 * charts: the .xlsx adapter skips them, and sheets that need a picture without Excel keep cell fills).
 */
export interface ChartSpec {
  /** "gantt": stacked bars whose first series (start) is invisible; the others are plain chart types. */
  kind: "gantt" | "bar" | "column" | "line" | "scatter";
  title: string;
  /** 0-based column of the category labels (x axis, or the bars' names). */
  categoryColumn: number;
  /** 0-based columns of the series; for "gantt": [start, duration]. */
  valueColumns: number[];
  /** Where the chart goes, as a 0-based column index to the right of the table (default: after it). */
  anchorColumn?: number;
}

/** Data validation on a whole data column of a result sheet (for tables a person fills in). */
export interface ColumnValidation {
  /** 0-based column. */
  column: number;
  kind: "list" | "decimal" | "whole" | "date" | "textLength";
  /** The choices of a "list". */
  values?: string[];
  min?: number;
  max?: number;
  /** Message shown when a typed value is refused. */
  error?: string;
  /** Data rows to cover below the header (default: the rows written, at least 100). */
  rows?: number;
}

/** A sheet the add-in owns and rewrites whole on every run. */
export interface ResultSheet {
  name: string;
  /** Optional title line above the table (the adapter puts it in row 1 and the header in row 3). */
  title?: string;
  columns: ResultColumn[];
  rows: CellValue[][];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
  fills?: CellFill[];
  /** Cells that link to another place of the workbook (the Exceptions sheet's "where"). */
  links?: CellLink[];
  /** Native charts (Excel adapter only). */
  charts?: ChartSpec[];
  /** Write the block as an Excel table (ListObject) of this name, so it can be read back as input. */
  tableName?: string;
  /** Data validation per column (lists, number ranges). */
  validations?: ColumnValidation[];
}

/** The port. Every write replaces the named sheets together, or changes nothing. */
export interface WorkbookPort {
  /** The table of that name (case-insensitive), or null when the workbook has none. */
  readTable(name: string): Promise<TableData | null>;
  /** Writes all result sheets (replacing any previous ones of the same names) in one go. */
  writeResultSheets(sheets: ResultSheet[]): Promise<void>;
  /** The names of the workbook's sheets and tables, for "did you mean" when a table is missing (optional). */
  sheetAndTableNames?(): Promise<string[]>;
}

/** ' (is the sheet or table "Stage" meant?)' when the port names one close to `wanted`, else "". */
export async function missingTableHint(port: WorkbookPort, wanted: string): Promise<string> {
  const names = port.sheetAndTableNames ? await port.sheetAndTableNames() : [];
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const a = key(name), b = key(wanted);
    const d = editDistance(a, b);
    if (d < bestDistance) { best = name; bestDistance = d; }
  }
  return best !== null && bestDistance <= 2 ? ` (is the sheet or table "${best}" meant?)` : "";
}

/** Column letters of a 1-based column number: 1 → "A", 28 → "AB". */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The A1 address, with sheet, of a table's data cell (0-based data row and column). */
export function tableCellAddress(table: TableData, row: number, column: number): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(table.sheet) ? table.sheet : `'${table.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${columnLetters(table.firstColumn + column)}${table.headerRow + 1 + row}`;
}
