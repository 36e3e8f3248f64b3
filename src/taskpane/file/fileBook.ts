// An .xlsx file opened in the browser, held in memory through the .xlsx adapter (ExcelJS, loaded
// lazily): read tables, write result sheets without touching a user's sheets, save as bytes.

import type ExcelJS from "exceljs";
import type { ExampleSet, WriteReport } from "../../workbook/paneWorkbook";
import type { CellValue, ResultSheet, TableData } from "../../workbook/port";
import type { XlsxWorkbook } from "../../workbook/xlsx/xlsxWorkbook";
import { exampleSheets } from "../../workbook/exampleTables";

/** The input tables the add-in reads; their sheets are never written. */
export const INPUT_TABLES = ["Stages", "Arcs", "Settings", "Operations", "Changeovers"];

/** True when the .xlsx package holds charts (ExcelJS drops them on save): their parts are named in the zip directory. */
export function packageHasCharts(bytes: Uint8Array): boolean {
  const needle = "xl/charts/chart";
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** What the pane learns when a file opens. */
export interface FileSummary {
  name: string;
  sheets: string[];
  tables: string[];
  hasCharts: boolean;
}

export class FileBook {
  /** Tables read so far (by lower-case name); a write drops those it may change. */
  private readonly tables = new Map<string, TableData | null>();

  private constructor(readonly name: string, private readonly port: XlsxWorkbook, readonly hasCharts: boolean) {}

  private async table(name: string): Promise<TableData | null> {
    const key = name.toLowerCase();
    if (!this.tables.has(key)) this.tables.set(key, await this.port.readTable(name));
    return this.tables.get(key)!;
  }

  private forget(sheets: ResultSheet[]): void {
    for (const s of sheets) {
      this.tables.delete(s.name.toLowerCase());
      if (s.tableName) this.tables.delete(s.tableName.toLowerCase());
    }
  }

  /** Loads .xlsx bytes with ExcelJS, imported on first use (its browser bundle is about 1 MB). */
  static async open(name: string, bytes: Uint8Array): Promise<FileBook> {
    const [{ default: ExcelJSModule }, { xlsxWorkbookFrom }] = await Promise.all([import("exceljs"), import("../../workbook/xlsx/xlsxWorkbook")]);
    const Excel = (ExcelJSModule ?? (await import("exceljs"))) as typeof ExcelJS;
    const workbook = new Excel.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new Error(`${name} is not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)}).`);
    }
    return new FileBook(name, xlsxWorkbookFrom(workbook), packageHasCharts(bytes));
  }

  /** A new, empty workbook (for "Insert example tables" before any file is opened). */
  static async blank(name: string): Promise<FileBook> {
    const [{ default: ExcelJSModule }, { xlsxWorkbookFrom }] = await Promise.all([import("exceljs"), import("../../workbook/xlsx/xlsxWorkbook")]);
    return new FileBook(name, xlsxWorkbookFrom(new (ExcelJSModule as typeof ExcelJS).Workbook()), false);
  }

  async summary(): Promise<FileSummary> {
    const tables: string[] = [];
    for (const t of INPUT_TABLES) if (await this.table(t)) tables.push(t);
    return { name: this.name, sheets: this.port.workbook.worksheets.map((s) => s.name), tables, hasCharts: this.hasCharts };
  }

  async readTables(names: string[]): Promise<Record<string, TableData | null>> {
    const out: Record<string, TableData | null> = {};
    for (const name of names) out[name] = await this.table(name);
    return out;
  }

  /**
   * Writes every sheet (in memory) through the adapter's owned-sheet rule: only sheets the add-in
   * made are replaced; a user's sheet of the same name (an input table's, or any other) is kept and
   * ours goes to "Name (2)".
   */
  async writeSheets(sheets: ResultSheet[]): Promise<WriteReport> {
    this.forget(sheets);
    const report = await this.port.writeSheets(sheets);
    for (const name of report.written) this.tables.delete(name.toLowerCase());
    return report;
  }

  /** Adds the example tables on new sheets; a sheet name already used gets " (2)". */
  async insertExamples(set: ExampleSet): Promise<string[]> {
    const existing = new Set(this.port.workbook.worksheets.map((s) => s.name.toLowerCase()));
    const present = await this.readTables(exampleSheets(set).map((s) => s.name));
    const specs = exampleSheets(set).filter((s) => !present[s.name]).map((sheet) => {
      let name = sheet.name;
      for (let k = 2; existing.has(name.toLowerCase()); k++) name = `${sheet.name} (${k})`;
      return { ...sheet, name };
    });
    this.forget(specs);
    await this.port.writeResultSheets(specs);
    return specs.map((s) => s.name);
  }

  /** The value in an A1 place ("Stages!G3"), for the pane to show where a problem is. */
  cellAt(place: string): { sheet: string; address: string; value: CellValue } | null {
    const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)/i.exec(place);
    if (!match) return null;
    const sheetName = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
    const sheet = this.port.workbook.getWorksheet(sheetName);
    if (!sheet) return null;
    const raw = sheet.getCell(`${match[3].toUpperCase()}${match[4]}`).value as unknown;
    const value = raw === undefined || raw === null ? null : typeof raw === "object" ? String((raw as { result?: unknown; text?: unknown }).result ?? (raw as { text?: unknown }).text ?? "") : (raw as CellValue);
    return { sheet: sheet.name, address: `${match[3].toUpperCase()}${match[4]}`, value };
  }

  /** The workbook as .xlsx bytes (fast deflate: the XML, not the zip, is most of the time). */
  async toBytes(): Promise<Uint8Array> {
    const zip = { compression: "DEFLATE", compressionOptions: { level: 1 } };
    return new Uint8Array(await this.port.workbook.xlsx.writeBuffer({ zip } as unknown as ExcelJS.XlsxWriteOptions));
  }
}
