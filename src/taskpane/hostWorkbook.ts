// Which workbook the pane works on inside Excel: the open workbook through the Office.js adapter
// (src/workbook/excel/).

import type { PaneWorkbook } from "../workbook/paneWorkbook";
import { officeExcelWorkbook } from "../workbook/excel/excelWorkbook";

/** The open Excel workbook through the adapter. */
export async function excelWorkbook(): Promise<PaneWorkbook> {
  return officeExcelWorkbook();
}
