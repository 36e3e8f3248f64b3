// Excel's own quirks as both adapters read them: a table's totals row is not data (the .xlsx adapter
// knows it from the table definition, the Office.js adapter from showTotals), and dates and formulas
// without a saved value come marked on the TableData for the readers to name.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { excelPaneWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { tableFromRange, tableFromSheet, markedCell } from "../../src/workbook/tables/tableBlock";
import { runAps } from "../support/runCli";
import { FakeExcel } from "./excel/fakeExcel";
import { fakeFromXlsx } from "./excel/support";

const STAGE_HEADERS = ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost"];

/** A workbook whose Stages table has Excel's Total Row (a label and a SUBTOTAL of the demand). */
async function totalsWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Stages").addTable({
    name: "Stages", ref: "A1", headerRow: true, totalsRow: true,
    columns: STAGE_HEADERS.map((name, c) => (c === 0 ? { name, totalsRowLabel: "Total" } : { name, totalsRowFunction: "sum" as const })),
    rows: [["Assembly", 10, 2, 1, 1], ["Parts", null, null, 2, 0.5]],
  });
  workbook.addWorksheet("Arcs").addTable({ name: "Arcs", ref: "A1", headerRow: true, columns: [{ name: "From" }, { name: "To" }], rows: [["Parts", "Assembly"]] });
  return workbook;
}

describe("a table's totals row is not data", () => {
  it("the .xlsx adapter leaves it out (read from the file, as Excel wrote the table definition)", async () => {
    const workbook = await totalsWorkbook();
    const read = await loadXlsxWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const stages = (await read.readTable("Stages"))!;
    expect(stages.rows.map((r) => r[0])).toEqual(["Assembly", "Parts"]);
  });

  it("the Office.js adapter leaves it out too: the same TableData", async () => {
    const workbook = await totalsWorkbook();
    const read = await loadXlsxWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const excel = excelPaneWorkbook(new FakeExcel(fakeFromXlsx(read.workbook), { apiVersion: "1.12" }));
    const tables = await excel.readTables(["Stages"]);
    expect(tables.Stages).toEqual(await read.readTable("Stages"));
    expect(tables.Stages!.rows).toHaveLength(2);
  });

  it("a table named otherwise (DemandHistory) read through its sheet keeps its totals row out, in both adapters", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Demand History").addTable({
      name: "DemandHistory", ref: "A1", headerRow: true, totalsRow: true,
      columns: [{ name: "Stage", totalsRowLabel: "Total" }, { name: "Period", totalsRowFunction: "none" as const }, { name: "Quantity", totalsRowFunction: "sum" as const }],
      rows: [["A", 1, 10], ["A", 2, 12]],
    });
    const read = await loadXlsxWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const table = (await read.readTable("Demand History"))!;
    expect(table.rows).toEqual([["A", 1, 10], ["A", 2, 12]]);
    const excel = excelPaneWorkbook(new FakeExcel(fakeFromXlsx(read.workbook), { apiVersion: "1.12" }));
    expect((await excel.readTables(["Demand History"]))["Demand History"]).toEqual(table);
  });

  it("aps plan plans the two stages, no stage \"Total\"", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-totals-"));
    try {
      const file = path.join(dir, "totals.xlsx");
      await (await totalsWorkbook()).xlsx.writeFile(file);
      const run = await runAps("plan", file, "--json");
      expect(run.stderr).not.toMatch(/Total|error/);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).stages.map((s: { id: string }) => s.id)).toEqual(["Assembly", "Parts"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("marked cells", () => {
  it("a table lists its dates and formulas without a value by data row and column", () => {
    const table = tableFromRange("Stages", [["Id", "Demand Rate"], ["A", markedCell("date", 45293)], ["B", markedCell("formula without value", null)]], { sheet: "S", row: 1, column: 1 });
    expect(table.rows).toEqual([["A", 45293], ["B", null]]);
    expect(table.marks).toEqual([{ row: 0, column: 1, kind: "date" }, { row: 1, column: 1, kind: "formula without value" }]);
  });

  it("a formula without a value counts as a cell when a plain sheet's extent is found", () => {
    const table = tableFromSheet("Stages", [["Id", "Demand Rate"], ["A", 1], [null, markedCell("formula without value", null)]], { sheet: "Stages", row: 1, column: 1 })!;
    expect(table.rows).toHaveLength(2);
    expect(table.marks).toEqual([{ row: 1, column: 1, kind: "formula without value" }]);
  });

  it("the .xlsx adapter marks dates and formulas without a saved value; a formula with one is its value", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Stages");
    sheet.addRow(["Id", "Demand Rate", "Holding Cost"]);
    sheet.addRow(["A", new Date(Date.UTC(2024, 0, 2)), { formula: "1+1" } as ExcelJS.CellFormulaValue]);
    sheet.addRow(["B", { formula: "2*3", result: 6 } as ExcelJS.CellFormulaValue, 1]);
    const read = await loadXlsxWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const stages = (await read.readTable("Stages"))!;
    expect(stages.rows).toEqual([["A", 45293, null], ["B", 6, 1]]);
    expect(stages.marks).toEqual([{ row: 0, column: 1, kind: "date" }, { row: 0, column: 2, kind: "formula without value" }]);
  });
});
