// Reads a saved workbook back with ExcelJS: a result sheet's data rows by header (title in row 1, header in row 3).
import ExcelJS from "exceljs";
import { plainCellValue } from "../../../src/workbook/xlsx/cells";
import type { CellValue } from "../../../src/workbook/port";

export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A result sheet's rows as records keyed by header (the adapter puts the title in row 1 and the header in row 3). */
export function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, CellValue>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}" in the saved workbook (it has ${workbook.worksheets.map((s) => s.name).join(", ")})`);
  const headerRow = plainCellValue(sheet.getCell(1, 1).value) !== null && plainCellValue(sheet.getCell(3, 1).value) !== null ? 3 : 1;
  const headers: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) headers.push(String(plainCellValue(sheet.getCell(headerRow, c).value) ?? ""));
  const rows: Record<string, CellValue>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const record: Record<string, CellValue> = {};
    let any = false;
    headers.forEach((h, c) => {
      const v = plainCellValue(sheet.getCell(r, c + 1).value);
      if (v !== null) any = true;
      record[h] = v;
    });
    if (any) rows.push(record);
  }
  return rows;
}
