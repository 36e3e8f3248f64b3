// Property: for any block of cells on a sheet named Stages (or a table of that name), the Excel
// adapter and the .xlsx adapter read the same TableData: headers, rows, header row, first column.

import ExcelJS from "exceljs";
import fc from "fast-check";
import { excelPaneWorkbook } from "../../../src/workbook/excel/excelWorkbook";
import { xlsxWorkbookFrom } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel, fakeState, putBlock } from "./fakeExcel";

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 2, arbitrary: fc.constantFrom("Id", "Demand Rate", "A", " B ", "x y", "#N/A") },
  { weight: 1, arbitrary: fc.boolean() },
);
const letters = (n: number) => String.fromCharCode(64 + n);

describe("both adapters read a sheet or a table the same way", () => {
  it("random blocks on a plain sheet", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }),
      async (block, row, column) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("Stages");
        block.forEach((line, r) => line.forEach((v, c) => { if (v !== null) sheet.getCell(row + r, column + c).value = v; }));
        const state = fakeState();
        putBlock(state, "Stages", `${letters(column)}${row}`, block);
        const fromFile = await xlsxWorkbookFrom(workbook).readTable("Stages");
        const fromExcel = await excelPaneWorkbook(new FakeExcel(state)).readTable("Stages");
        expect(fromExcel).toEqual(fromFile);
      },
    ), { numRuns: 300 });
  });

  it("random tables (ListObjects) anywhere", async () => {
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(fc.constantFrom("Id", "Owner", "Demand Rate", "Holding Cost", "Z"), { minLength: 1, maxLength: 5 }),
      fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }),
      async (headers, rows, row, column) => {
        const data = rows.map((r) => r.slice(0, headers.length));
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Network").addTable({ name: "Stages", ref: `${letters(column)}${row}`, headerRow: true, columns: headers.map((name) => ({ name })), rows: data });
        const state = fakeState();
        putBlock(state, "Network", `${letters(column)}${row}`, [headers, ...data], "Stages");
        const fromFile = await xlsxWorkbookFrom(workbook).readTable("stages");
        const fromExcel = await excelPaneWorkbook(new FakeExcel(state)).readTable("stages");
        expect(fromExcel).toEqual(fromFile);
      },
    ), { numRuns: 200 });
  });
});
