// Which workbook the pane works on inside Excel. The Office.js adapter (src/workbook/excel/) plugs in
// here; until then, inside Excel the pane says the workbook adapter is missing from this build.

import type { PaneWorkbook } from "../workbook/paneWorkbook";

type ExcelWorkbookFactory = () => Promise<PaneWorkbook>;

let factory: ExcelWorkbookFactory | null = null;

/** Registers the Office.js adapter (called by the Excel adapter's module when the build includes it). */
export function registerExcelWorkbook(make: ExcelWorkbookFactory): void {
  factory = make;
}

/** The open Excel workbook through the adapter, or null when this build has none. */
export async function excelWorkbook(): Promise<PaneWorkbook | null> {
  return factory ? factory() : null;
}
