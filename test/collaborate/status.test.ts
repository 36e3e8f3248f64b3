// Each partner's status in the Collaboration sheet: issued, overdue, accepted, with exceptions, and
// answered (merged, but the plan has changed since that package was issued).

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobOutput } from "../../src/workbook/jobs/types";
import type { CellValue, ResultSheet, TableData } from "../../src/workbook/port";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { COLLABORATION_TABLES } from "../../src/workbook/collaborate/bookContext";
import { partnerStatus, type PartnerMergeState } from "../../src/workbook/collaborate/bookSheets";
import type { ShareRecord } from "../../src/workbook/collaborate/bookTables";
import { withSheets } from "./support";

const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");
const noProgress = () => undefined;

function statuses(sheets: ResultSheet[]): [CellValue, CellValue][] {
  const sheet = sheets.find((s) => s.name === "Collaboration")!;
  const p = sheet.columns.findIndex((c) => c.header === "Partner");
  const st = sheet.columns.findIndex((c) => c.header === "Status");
  return sheet.rows.map((r) => [r[p], r[st]]);
}

describe("a partner's status", () => {
  const share: ShareRecord = {
    packageId: "P-0123abcd-0001", workbookId: "0123abcd00000000", version: 1, partner: "FrameWorks", role: "supplier",
    issued: "2026-12-01T10:00:00Z", deadline: "2026-12-08", hash: "h", planHash: "plan-1", stages: 2, auditSequence: 1, auditHash: "a",
  };
  const answer: PartnerMergeState = { packageId: share.packageId, status: "accepted", answered: "2026-12-05T10:00:00Z", exceptions: 0, auditSequence: 4, auditHash: "b" };

  it("is issued until the deadline, then overdue, while no answer is merged", () => {
    expect(partnerStatus(share, null, "plan-1", "2026-12-08T23:00:00Z")).toBe("issued");
    expect(partnerStatus(share, null, "plan-1", "2026-12-09T00:00:00Z")).toBe("overdue");
  });

  it("is the reconciliation's verdict while the plan is the one the package was issued from", () => {
    expect(partnerStatus(share, answer, "plan-1", "2026-12-20T00:00:00Z")).toBe("accepted");
    expect(partnerStatus(share, { ...answer, status: "with exceptions" }, "plan-1", "2026-12-05T00:00:00Z")).toBe("with exceptions");
  });

  it("is answered once the plan has changed since: the answer is on record but no longer reconciled with the plan", () => {
    expect(partnerStatus(share, answer, "plan-2", "2026-12-20T00:00:00Z")).toBe("answered");
    expect(partnerStatus(share, { ...answer, status: "with exceptions" }, "plan-2", "2026-12-05T00:00:00Z")).toBe("answered");
  });

  it("given FrameWorks answered and the buyer then changed a stage, sharing with GearTech shows FrameWorks answered", async () => {
    const book = await loadXlsxWorkbook(await fs.readFile(EXAMPLE));
    let tables: Record<string, TableData | null> = {};
    for (const name of COLLABORATION_TABLES) tables[name] = await book.readTable(name);
    const shared = (await jobById("share")!.run({ tables, options: { partner: "FrameWorks", deadline: "2026-12-10", user: "ann" }, now: "2026-12-01T10:00:00Z" }, noProgress)) as JobOutput;
    expect(shared.status).toBe("done");
    expect(statuses(shared.sheets)).toEqual([["FrameWorks", "issued"], ["GearTech", "not issued"]]);
    tables = withSheets(tables, shared.sheets);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(shared.files![0].bytes as unknown as ArrayBuffer);
    const commitments = workbook.getWorksheet("Commitments")!;
    for (let r = 2; r <= commitments.rowCount; r++) commitments.getCell(r, 3).value = 0;
    const response = new Uint8Array(await workbook.xlsx.writeBuffer());
    const merged = (await jobById("merge")!.run({ tables, options: { user: "ann" }, files: [{ name: "answer.xlsx", bytes: response }], now: "2026-12-05T10:00:00Z" }, noProgress)) as JobOutput;
    expect(merged.status).toBe("done");
    expect(statuses(merged.sheets)).toEqual([["FrameWorks", "accepted"], ["GearTech", "not issued"]]);
    tables = withSheets(tables, merged.sheets);

    // The buyer edits the Stages table: a new plan version, so FrameWorks' answer is no longer reconciled with it.
    const stages = tables.Stages!;
    const column = stages.headers.findIndex((h) => /holding cost/i.test(h));
    expect(column).toBeGreaterThanOrEqual(0);
    const row = stages.rows.findIndex((r) => typeof r[column] === "number");
    tables = { ...tables, Stages: { ...stages, rows: stages.rows.map((r, k) => (k === row ? r.map((v, c) => (c === column ? (v as number) * 2 : v)) : r)) } };
    const again = (await jobById("share")!.run({ tables, options: { partner: "GearTech", deadline: "2026-12-12", user: "ann" }, now: "2026-12-06T10:00:00Z" }, noProgress)) as JobOutput;
    expect(again.status).toBe("done");
    expect(statuses(again.sheets)).toEqual([["FrameWorks", "answered"], ["GearTech", "issued"]]);
  });
});
