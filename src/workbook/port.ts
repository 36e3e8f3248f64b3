// The one workbook port: read input tables, write result sheets. The Excel (Office.js) adapter and
// the .xlsx file adapter both implement it; the task pane and the `aps` command only see this.

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
}

/** The port. Every write replaces the named sheets together, or changes nothing. */
export interface WorkbookPort {
  /** The table of that name (case-insensitive), or null when the workbook has none. */
  readTable(name: string): Promise<TableData | null>;
  /** Writes all result sheets (replacing any previous ones of the same names) in one go. */
  writeResultSheets(sheets: ResultSheet[]): Promise<void>;
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
