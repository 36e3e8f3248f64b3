// `aps plan` writes the Exceptions sheet with each place ("Stages!C3") as a link to that cell, and
// marks its result sheets so a later run replaces them while a user's own sheet is kept.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { exceptionLinks } from "../../src/workbook/plan/planSheets";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps } from "../support/runCli";

let folder: string;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-links-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("exception links", () => {
  it("link places that name a cell or a row range, not a sheet alone or the workbook", () => {
    expect(exceptionLinks(["Stages!C7", "'Network data'!A4:O4", "Stages", "workbook", null])).toEqual([
      { row: 0, column: 1, target: "Stages!C7" },
      { row: 1, column: 1, target: "'Network data'!A4:O4" },
    ]);
  });

  it("aps plan: each place on the Exceptions sheet opens its cell; a user's own Plan sheet is kept", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Network").addTable({
      name: "Stages", ref: "B2", headerRow: true,
      columns: ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost"].map((name) => ({ name })),
      rows: [["Assembly", 20, 6, 1.5, 4]],
    });
    workbook.addWorksheet("Plan").getCell("A1").value = "my notes";
    const file = path.join(folder, "in.xlsx");
    await workbook.xlsx.writeFile(file);
    const out = path.join(folder, "out.xlsx");
    const run = await runAps("plan", file, "--out", out);
    expect(run.status).toBe(0);
    const written = await openXlsxWorkbook(out);
    expect(written.workbook.getWorksheet("Plan")!.getCell("A1").value).toBe("my notes");
    expect(written.workbook.getWorksheet("Plan (2)")).toBeDefined();
    const exceptions = written.workbook.getWorksheet("Exceptions")!;
    const links: { text: string; hyperlink: string }[] = [];
    exceptions.eachRow((row, r) => {
      const value = row.getCell(2).value as { text?: string; hyperlink?: string } | null;
      if (r > 3 && value && typeof value === "object" && value.hyperlink) links.push(value as { text: string; hyperlink: string });
    });
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.hyperlink).toMatch(/^Network!\$?[A-Z]+\d+$/);
    // A second run over the copy replaces its own sheets and still keeps the user's.
    const again = path.join(folder, "again.xlsx");
    expect((await runAps("plan", out, "--out", again)).status).toBe(0);
    const names = (await openXlsxWorkbook(again)).workbook.worksheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("Plan"))).toEqual(["Plan", "Plan (2)"]);
  });
});
