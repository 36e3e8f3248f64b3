// Test support: an .xlsx workbook's sheets and tables copied into the fake Excel, the result sheets of
// the example workbooks, and the written cells of either adapter in one comparable form.

import ExcelJS from "exceljs";
import { planWorkbookTables } from "../../../src/workbook/plan/planWorkbook";
import { planSheets } from "../../../src/workbook/plan/planSheets";
import { memoryPort } from "../../../src/workbook/jobs/memoryPort";
import type { ResultSheet, TableData } from "../../../src/workbook/port";
import { jobShopFromOperationsTable, sequencingFromChangeoversTable } from "../../../src/workbook/schedule/scheduleTables";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet, sequenceSheet } from "../../../src/workbook/schedule/scheduleSheet";
import { solveJobShop } from "../../../src/engine/schedule/jobShop/solveJobShop";
import { solveSequence } from "../../../src/engine/schedule/sequencing/solveSequence";
import { plainCellValue } from "../../../src/workbook/xlsx/cells";
import { addFakeSheet, FakeState, fakeState } from "./fakeExcel";

/** The fake workbook holding the same sheets, cell values and tables as an ExcelJS workbook. */
export function fakeFromXlsx(workbook: ExcelJS.Workbook): FakeState {
  const state = fakeState();
  for (const sheet of workbook.worksheets) {
    const fake = addFakeSheet(state, sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = plainCellValue(cell.value);
      if (value !== null) fake.cells.set(`${r},${c}`, { value });
    }));
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; totalsRow?: boolean } }> }).tables ?? {};
    for (const [name, table] of Object.entries(tables)) {
      const ref = (table.table?.tableRef ?? table.table?.ref)!;
      const [a, b] = ref.split(":");
      const pos = (s: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(s)!;
        return { row: Number(m[2]), column: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
      };
      const tl = pos(a);
      const br = pos(b ?? a);
      state.tables.push({ name, sheetId: fake.id, box: { top: tl.row, left: tl.column, bottom: br.row, right: br.column }, style: "TableStyleMedium2", showTotals: table.table?.totalsRow === true });
    }
  }
  return state;
}

/** The result sheets of planning the workbook's tables (as `aps plan` writes them). */
export async function planResultSheets(tables: Record<string, TableData | null>): Promise<ResultSheet[]> {
  const outcome = await planWorkbookTables(memoryPort(tables));
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return planSheets(outcome.plan);
}

/** The result sheets of scheduling the workbook's Operations and Changeovers (seeded, fixed budget). */
export function scheduleResultSheets(tables: Record<string, TableData | null>): ResultSheet[] {
  const sheets: ResultSheet[] = [];
  const search = { maxIterations: 300, seed: 1 };
  if (tables.Operations) {
    const shop = jobShopFromOperationsTable(tables.Operations);
    const result = solveJobShop(shop.instance, search);
    const view = { ...result, jobNames: shop.jobNames, machineNames: shop.machineNames, machineCount: shop.instance.machineCount, dueDates: shop.instance.jobs.map((j) => j.dueDate ?? Infinity), weights: shop.instance.jobs.map((j) => j.weight ?? 1) };
    sheets.push(scheduleSheet(view), scheduleOperationsSheet(view), scheduleJobsSheet(view));
  }
  if (tables.Changeovers) {
    const line = sequencingFromChangeoversTable(tables.Changeovers);
    const result = solveSequence(line.instance, { ...search, start: line.start });
    sheets.push(sequenceSheet({ sequence: result.sequence, names: line.products, cost: line.instance.cost, length: result.length, status: result.status }));
  }
  return sheets;
}

/** One written cell: its value, number format and link (address "C7" → cell). */
export interface WrittenCell {
  value: string | number | boolean;
  numberFormat: string;
  link: string | null;
}

export function xlsxCells(workbook: ExcelJS.Workbook, sheetName: string): Record<string, WrittenCell> {
  const cells: Record<string, WrittenCell> = {};
  workbook.getWorksheet(sheetName)!.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
    const value = plainCellValue(cell.value);
    if (value === null || value === "") return;
    const link = cell.value && typeof cell.value === "object" && "hyperlink" in cell.value ? String(cell.value.hyperlink) : null;
    cells[cell.address] = { value, numberFormat: cell.numFmt ?? "General", link };
  }));
  return cells;
}

export function fakeCells(state: FakeState, sheetName: string): Record<string, WrittenCell> {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  const cells: Record<string, WrittenCell> = {};
  for (const [k, cell] of sheet.cells) {
    if (cell.value === "") continue;
    const [r, c] = k.split(",").map(Number);
    let letters = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    cells[`${letters}${r}`] = { value: cell.value, numberFormat: cell.numberFormat ?? "General", link: (cell.hyperlink?.documentReference as string | undefined) ?? null };
  }
  return cells;
}
