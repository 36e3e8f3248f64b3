// Where a merge's exceptions point (issue 18): the merge job selects a cell of the buyer's workbook only
// when the exception says it is one (`cell`), quoted sheet names with spaces included; a place in a
// partner's response file is no cell of this workbook, so it stays in the message and `where` is null.

import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CollaborationException } from "../../src/engine/collaborate";
import { COLLABORATION_TABLES } from "../../src/workbook/collaborate/bookContext";
import { mergeException } from "../../src/workbook/collaborate/mergeJob";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobOutput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { PLANNED_ORDERS_TABLE } from "../../src/workbook/supply/plannedOrderEdits";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps } from "../support/runCli";
import { writeSupplyBook } from "./periodSupport";
import { tempDir, withSheets } from "./support";

jest.setTimeout(180_000);

const noProgress = () => undefined;

const exception = (e: Partial<CollaborationException>): CollaborationException => ({
  severity: "warning", partner: "FrameWorks", stage: "Frame Welding", figure: "Period Commitment", planned: null, committed: null,
  difference: null, differencePercent: null, message: "m.", where: null, ...e,
});

describe("a merge exception's place in the pane", () => {
  it("selects the buyer's cell it carries, a quoted sheet name with spaces too", () => {
    expect(mergeException(exception({ where: "'Planned Orders'!I12", cell: "'Planned Orders'!I12", message: "cannot keep it." })))
      .toEqual({ severity: "warning", where: "'Planned Orders'!I12", message: "cannot keep it." });
  });

  it("keeps a place in a partner's file in the message, with no cell to select", () => {
    expect(mergeException(exception({ where: "fw.xlsx 'Period Commitments'!A4", message: "ignored." })))
      .toEqual({ severity: "warning", where: null, message: "fw.xlsx 'Period Commitments'!A4: ignored." });
    // A place the message names already is not said twice; a place-less exception stays as it is.
    expect(mergeException(exception({ where: "fw.xlsx Commitments!B5", message: "fw.xlsx Commitments!B5 holds #N/A." })).message).toBe("fw.xlsx Commitments!B5 holds #N/A.");
    expect(mergeException(exception({ message: "late." }))).toEqual({ severity: "warning", where: null, message: "late." });
  });

  it("a period commitment that a firm planned order exceeds: the supply re-plan's error at the buyer's 'Planned Orders' cell", async () => {
    const dir = await tempDir();
    const book = path.join(dir, "book.xlsx"), supplied = path.join(dir, "supplied.xlsx");
    await writeSupplyBook(book);
    expect((await runAps("supply", book, "--out", supplied)).status).toBe(0);
    // The buyer marks Frame Welding's release in period 3 (received in period 4) Firm, as planned.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(supplied);
    const orders = edited.getWorksheet("Planned Orders")!;
    expect([orders.getCell("A3").value, orders.getCell("C3").value, orders.getCell("G3").value, orders.getCell("I3").value]).toEqual(["Stage", "Release period", "Quantity (units)", "Firm"]);
    let row = 0;
    for (let r = 4; r <= orders.rowCount; r++) if (orders.getCell(`A${r}`).value === "Frame Welding" && orders.getCell(`C${r}`).value === 3) row = r;
    expect(row).toBeGreaterThan(0);
    expect(orders.getCell(`G${row}`).value).toBe(40);
    orders.getCell(`I${row}`).value = "yes";
    const buyer = await loadXlsxWorkbook(new Uint8Array(await edited.xlsx.writeBuffer()));
    let tables: Record<string, TableData | null> = {};
    // The tables the pane reads for these jobs, and no others: Planned Orders among them.
    expect(jobById("merge")!.tables).toEqual(COLLABORATION_TABLES);
    expect(COLLABORATION_TABLES).toContain(PLANNED_ORDERS_TABLE);
    for (const name of COLLABORATION_TABLES) tables[name] = await buyer.readTable(name);

    const shared = (await jobById("share")!.run({ tables, options: { partner: "FrameWorks", user: "ann" }, now: "2027-01-01T10:00:00Z" }, noProgress)) as JobOutput;
    expect(shared.exceptions.filter((e) => e.severity === "error")).toEqual([]);
    // The package is what matters here; the buyer's Planned Orders stay as edited.
    tables = withSheets(tables, shared.sheets.filter((s) => s.name !== PLANNED_ORDERS_TABLE));
    // FrameWorks commits 30 of the 40 requested in period 4, and answers for a stage it was not asked about.
    const pkg = new ExcelJS.Workbook();
    await pkg.xlsx.load(shared.files![0].bytes as unknown as ArrayBuffer);
    const sheet = pkg.getWorksheet("Period Commitments")!;
    expect([sheet.getCell(3, 1).value, sheet.getCell(3, 2).value]).toEqual(["Frame Welding", 4]);
    sheet.getCell(3, 3).value = 30;
    let free = 2;
    while (sheet.getCell(free, 1).value !== null) free++;
    sheet.getRow(free).values = ["Nowhere", 4, 5];
    const answer = new Uint8Array(await pkg.xlsx.writeBuffer());

    const merged = (await jobById("merge")!.run({ tables, options: { user: "ann" }, files: [{ name: "fw.xlsx", bytes: answer }], now: "2027-01-02T10:00:00Z" }, noProgress)) as JobOutput;
    expect(merged.status).toBe("done");
    const replan = (merged.json as { exceptions: CollaborationException[] }).exceptions.filter((e) => e.figure === "Supply Plan");
    expect(replan).toEqual([expect.objectContaining({ severity: "error", where: `'Planned Orders'!I${row}`, cell: `'Planned Orders'!I${row}` })]);
    const selected = merged.exceptions.filter((e) => e.severity === "error" && /supply plan cannot be made again/.test(e.message));
    expect(selected).toEqual([{ severity: "error", where: `'Planned Orders'!I${row}`, message: expect.stringMatching(/^The supply plan cannot be made again with the period commitments: firm order of Frame Welding/) }]);
    // The row for a stage not in the package: at its cell of the response file, named in the message.
    const foreign = merged.exceptions.find((e) => /"Nowhere"/.test(e.message));
    expect(foreign).toEqual({ severity: "warning", where: null, message: `fw.xlsx 'Period Commitments'!C${free}: FrameWorks committed for stage "Nowhere", which is not in the package; the row is ignored.` });
  });
});
