// Partners' merge re-plan and the buyer's firm orders (issue 22): `aps merge` re-plans the supply plan
// as `aps supply` does, so a Planned Orders row marked Firm in the buyer's workbook is still there,
// with its quantity and its Firm mark, in the merged workbook's Planned Orders.

import * as path from "node:path";
import ExcelJS from "exceljs";
import { readPlannedOrders, PLANNED_ORDERS_TABLE } from "../../src/workbook/supply/plannedOrderEdits";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { editCells } from "../support/editedCopy";
import { runAps } from "../support/runCli";
import { fillPeriods, writeSupplyBook } from "./periodSupport";
import { tempDir } from "./support";

const NOW = ["--now", "2027-01-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2027-01-02T09:00:00Z", "--user", "ann"];

jest.setTimeout(120_000);

/** The Planned Orders rows as the supply run reads them back. */
async function plannedOrders(file: string) {
  const table = (await (await openXlsxWorkbook(file)).readTable(PLANNED_ORDERS_TABLE))!;
  const read = readPlannedOrders(table);
  expect(read.problems).toEqual([]);
  return read.rows;
}

describe("aps merge of Period Commitments in a workbook with firm planned orders", () => {
  it("keeps the buyer's firm order (quantity and Firm) in the re-planned Planned Orders", async () => {
    const dir = await tempDir();
    const book = path.join(dir, "book.xlsx"), supplied = path.join(dir, "supplied.xlsx"), firm = path.join(dir, "firm.xlsx");
    await writeSupplyBook(book);
    expect((await runAps("supply", book, "--out", supplied)).status).toBe(0);
    // The planner makes Final Assembly's last order 10 larger than the plan needs, and marks it Firm.
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.readFile(supplied);
    const orders = sheet.getWorksheet("Planned Orders")!;
    expect([orders.getCell("A3").value, orders.getCell("C3").value, orders.getCell("G3").value, orders.getCell("I3").value]).toEqual(["Stage", "Release period", "Quantity (units)", "Firm"]);
    let last = 0;
    for (let r = 4; r <= orders.rowCount; r++) if (orders.getCell(`A${r}`).value === "Final Assembly") last = r;
    const quantity = Number(orders.getCell(`G${last}`).value) + 10, period = Number(orders.getCell(`C${last}`).value);
    await editCells(supplied, firm, "Planned Orders", { [`G${last}`]: quantity, [`I${last}`]: "yes" });

    const pkg = path.join(dir, "fw.xlsx"), response = path.join(dir, "fw-answer.xlsx"), out = path.join(dir, "merged.xlsx");
    expect((await runAps("share", firm, "--partner", "FrameWorks", "--out", pkg, ...NOW)).status).toBe(0);
    await fillPeriods(pkg, response, [{ stage: "Frame Welding", period: 4, quantity: 25 }]);
    const run = await runAps("merge", firm, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Planned Orders/);
    const kept = (await plannedOrders(out)).find((r) => r.stage === "Final Assembly" && r.period === period);
    expect(kept).toMatchObject({ quantity, firm: true, runQuantity: quantity, runFirm: true });
  });
});
