// The supply sheets through both adapters (one description each): the Excel adapter writes the same
// cells, formats and links as the .xlsx adapter, and draws Resource Load's chart of load against capacity.
import * as path from "node:path";
import { excelPaneWorkbook } from "../../../src/workbook/excel/excelWorkbook";
import { loadHighsModule } from "../../../src/workbook/supply/highsProvider";
import { supplySheets } from "../../../src/workbook/supply/supplySheets";
import { supplyWorkbookTables } from "../../../src/workbook/supply/supplyWorkbook";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";
import { fakeCells, fakeFromXlsx, xlsxCells } from "./support";

it("examples/supply-plan.xlsx: the Excel adapter writes what the .xlsx adapter writes, plus the chart", async () => {
  const xlsx = await openXlsxWorkbook(path.resolve(__dirname, "../../../examples/supply-plan.xlsx"));
  const state = fakeFromXlsx(xlsx.workbook);
  const excel = excelPaneWorkbook(new FakeExcel(state, { apiVersion: "1.12" }));
  const outcome = await supplyWorkbookTables(xlsx, await loadHighsModule());
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  const sheets = supplySheets(outcome);
  const excelReport = await excel.writeSheets(sheets);
  const fileReport = await xlsx.writeSheets(sheets);
  expect(excelReport).toEqual(fileReport);
  expect(fileReport.written).toEqual(["Supply Plan", "Resource Load", "Planned Orders", "Demand Fulfilment", "Exceptions"]);
  for (const name of fileReport.written) expect(fakeCells(state, name)).toEqual(xlsxCells(xlsx.workbook, name));
  const load = state.sheets.find((s) => s.name === "Resource Load")!;
  const rows = sheets[1].rows.length;
  expect(load.charts).toHaveLength(1);
  expect(load.charts[0]).toMatchObject({ type: "ColumnClustered", source: `F4:F${3 + rows}`, series: [{ name: "Load Σ u x", categories: `I4:I${3 + rows}` }, { name: "Capacity C", values: `D4:D${3 + rows}` }] });
  // A Demand Fulfilment row links to its Demands cell.
  expect(Object.values(xlsxCells(xlsx.workbook, "Demand Fulfilment")).some((c) => c.link !== null && /Demands!C\d+/.test(c.link))).toBe(true);
}, 60_000);
