// The .xlsx adapter of the workbook port: tables (ListObjects) or plain sheets of the table's
// name, formula results and dates as values, result sheets replaced whole.

import ExcelJS from "exceljs";
import { loadXlsxWorkbook, xlsxWorkbookFrom } from "../../src/workbook/xlsx/xlsxWorkbook";
import { tableCellAddress } from "../../src/workbook/port";

async function roundTrip(workbook: ExcelJS.Workbook) {
  return loadXlsxWorkbook((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("xlsx workbook port", () => {
  it("reads a plain sheet named Stages, typed without the add-in: header row, blank cells as null", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("stages");
    sheet.getCell("B3").value = "Id";
    sheet.getCell("C3").value = "Demand Rate";
    sheet.getCell("B4").value = "Assembly";
    sheet.getCell("C4").value = { formula: "10*2", result: 20 };
    sheet.getCell("B5").value = "Casting";
    const table = (await (await roundTrip(workbook)).readTable("Stages"))!;
    expect(table.headers).toEqual(["Id", "Demand Rate"]);
    expect(table.rows).toEqual([["Assembly", 20], ["Casting", null]]);
    expect(tableCellAddress(table, 1, 1)).toBe("stages!C5");
  });

  it("prefers a table (ListObject) of that name anywhere in the workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Stages").getCell("A1").value = "not the table";
    workbook.addWorksheet("Network data").addTable({
      name: "Stages", ref: "D10", headerRow: true, columns: [{ name: "Id" }, { name: "Holding Cost" }], rows: [["A", 1.5]],
    });
    const table = (await (await roundTrip(workbook)).readTable("stages"))!;
    expect(table.sheet).toBe("Network data");
    expect(tableCellAddress(table, 0, 1)).toBe("'Network data'!E11");
    expect(table.rows).toEqual([["A", 1.5]]);
  });

  it("returns null when there is no such table or sheet", async () => {
    expect(await xlsxWorkbookFrom(new ExcelJS.Workbook()).readTable("Arcs")).toBeNull();
  });

  it("replaces a result sheet whole on the next run, leaving other sheets alone", async () => {
    const port = xlsxWorkbookFrom(new ExcelJS.Workbook());
    port.workbook.addWorksheet("Stages").getCell("A1").value = "Id";
    await port.writeResultSheets([{ name: "Plan", columns: [{ header: "Stage" }], rows: [["A"], ["B"], ["C"]] }]);
    await port.writeResultSheets([{ name: "Plan", title: "Second run", columns: [{ header: "Stage" }], rows: [["Z"]] }]);
    const reread = await loadXlsxWorkbook(await port.toBuffer());
    const plan = reread.workbook.getWorksheet("Plan")!;
    expect(plan.getCell("A1").value).toBe("Second run");
    expect(plan.getCell("A4").value).toBe("Z");
    expect(plan.getCell("A5").value).toBeNull();
    expect(reread.workbook.getWorksheet("Stages")!.getCell("A1").value).toBe("Id");
    expect(reread.workbook.worksheets.map((s) => s.name)).toEqual(["Stages", "Plan"]);
  });
});
