// Which workbook the pane works on inside Excel: the Office.js adapter (src/workbook/excel/). Tests
// may register another factory (a fake Excel) before the pane asks for it.

import type { PaneWorkbook } from "../workbook/paneWorkbook";
import { officeExcelWorkbook } from "../workbook/excel/excelWorkbook";

type ExcelWorkbookFactory = () => Promise<PaneWorkbook>;

let factory: ExcelWorkbookFactory = async () => officeExcelWorkbook();

/** Replaces the Office.js adapter (tests). */
export function registerExcelWorkbook(make: ExcelWorkbookFactory): void {
  factory = make;
}

/** The open Excel workbook through the adapter. */
export async function excelWorkbook(): Promise<PaneWorkbook | null> {
  return factory();
}
