// The Excel (Office.js) adapter of the pane's workbook: reads input tables, writes result sheets all
// or nothing, goes to a cell, inserts example tables, remembers ranges and options (workbook.settings),
// and follows the workbook's changes (worksheet events), its own writes left out.

import { exampleSheets } from "../exampleTables";
import type { ExampleSet, PaneSettings, PaneWorkbook, WriteReport } from "../paneWorkbook";
import type { ResultSheet, TableData } from "../port";
import { splitAddress } from "../tables/tableBlock";
import { detectFeatures, ExcelFeatures, missingFeatureMessages, TOO_OLD } from "./features";
import { ChangeTiming, subscribeWorkbookChanges, WriteGuard } from "./changeEvents";
import type { ExcelHost, RequestContext } from "./officeApi";
import { findTableNamesThroughOffice, parseTableRanges, readTablesThroughOffice, TablesRead, TABLE_RANGES_SETTING } from "./readTables";
import { WriteStatistics, writeSheetsThroughOffice } from "./writeSheets";

/** workbook.settings entry of the pane's options. */
export const PANE_SETTINGS = "aps.paneSettings";

export interface ExcelPaneWorkbook extends PaneWorkbook {
  readonly features: ExcelFeatures;
  /** Writes with a cancel signal; also returns the size of every request made. */
  writeSheetsWith(sheets: ResultSheet[], options?: { signal?: AbortSignal }): Promise<WriteReport & WriteStatistics>;
  /** Reads tables and says how: the syncs and the row blocks (budget: bytes of values per sync). */
  readTablesWith(names: string[], options?: { budget?: number }): Promise<TablesRead>;
}

export interface ExcelAdapterOptions {
  /** How change events are debounced and how long after a write its own events are ignored. */
  changeTiming?: ChangeTiming;
}

/** The adapter over a host (`Excel.run` and `isSetSupported`: the real ones in Excel, a fake in tests). */
export function excelPaneWorkbook(host: ExcelHost, options: ExcelAdapterOptions = {}): ExcelPaneWorkbook {
  const features = detectFeatures((name, version) => host.isSetSupported(name, version));
  const requireBase = () => {
    if (!features.base) throw new Error(TOO_OLD);
  };
  // Every batch that changes the workbook runs inside the guard: change events it causes are not reported.
  const guard = new WriteGuard();
  const write = <T>(batch: (context: RequestContext) => Promise<T>) => guard.around(() => host.run(batch));
  const writeWith = async (sheets: ResultSheet[], owned: boolean, signal?: AbortSignal) => {
    requireBase();
    return write((context) => writeSheetsThroughOffice(context, features, sheets, { owned, signal, track: guard.ownSheets }));
  };
  const readTablesWith = async (names: string[], options: { budget?: number } = {}): Promise<TablesRead> => {
    requireBase();
    return host.run((context) => readTablesThroughOffice(context, names, options.budget));
  };
  const readTables = async (names: string[]): Promise<Record<string, TableData | null>> => (await readTablesWith(names)).tables;
  const workbook: ExcelPaneWorkbook = {
    kind: "excel",
    features,
    readTables,
    readTablesWith,
    async tableNames(names) {
      requireBase();
      return host.run((context) => findTableNamesThroughOffice(context, names));
    },
    async readTable(name) {
      return (await readTables([name]))[name];
    },
    async writeResultSheets(sheets) {
      await writeWith(sheets, true);
    },
    async writeSheets(sheets) {
      const { written, renamed } = await writeWith(sheets, true);
      return { written, renamed };
    },
    writeSheetsWith(sheets, options = {}) {
      return writeWith(sheets, true, options.signal);
    },
    async goTo(place) {
      requireBase();
      const { sheet, range } = splitAddress(place);
      await host.run(async (context) => {
        const target = sheet ? context.workbook.worksheets.getItemOrNullObject(sheet).load("name") : null;
        await context.sync();
        if (!target || target.isNullObject) throw new Error(`There is no sheet "${sheet || place}" in this workbook.`);
        target.activate();
        await context.sync();
        target.getRange(range.replace(/\$/g, "") || "A1").select();
        await context.sync();
      });
    },
    async insertExampleTables(set: ExampleSet) {
      const report = await writeWith(exampleSheets(set), false);
      return report.written;
    },
    async useSelectionAs(table) {
      requireBase();
      return write(async (context) => {
        const selection = context.workbook.getSelectedRange().load("address");
        const setting = context.workbook.settings.getItemOrNullObject(TABLE_RANGES_SETTING).load();
        await context.sync();
        const ranges = setting.isNullObject ? {} : parseTableRanges(setting.value);
        ranges[table.toLowerCase()] = selection.address;
        context.workbook.settings.add(TABLE_RANGES_SETTING, JSON.stringify(ranges));
        await context.sync();
        return selection.address;
      });
    },
    async loadSettings() {
      if (!features.base) return {};
      return host.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(PANE_SETTINGS).load();
        await context.sync();
        if (setting.isNullObject || typeof setting.value !== "string") return {};
        try {
          const parsed = JSON.parse(setting.value);
          return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as PaneSettings) : {};
        } catch {
          return {};
        }
      });
    },
    async saveSettings(settings) {
      requireBase();
      await write(async (context) => {
        context.workbook.settings.add(PANE_SETTINGS, JSON.stringify(settings));
        await context.sync();
      });
    },
    missingFeatures() {
      return missingFeatureMessages(features);
    },
    subscribeChanges(listener, changeOptions) {
      return subscribeWorkbookChanges(host, features, guard, listener, changeOptions, options.changeTiming);
    },
  };
  return workbook;
}

/** The adapter over the real Office.js globals (call after Office.onReady, inside Excel). */
export function officeExcelWorkbook(): ExcelPaneWorkbook {
  const g = globalThis as unknown as {
    Excel: { run: ExcelHost["run"] & ExcelHost["runIn"] };
    Office: { context: { requirements: { isSetSupported(name: string, version: string): boolean } } };
  };
  return excelPaneWorkbook({
    run: (batch) => g.Excel.run(batch),
    runIn: (context, batch) => g.Excel.run(context, batch),
    isSetSupported: (name, version) => g.Office.context.requirements.isSetSupported(name, version),
  });
}
