// The Collaborate tab's partner status, read from a buyer's workbook that the real share and merge
// jobs wrote through the .xlsx adapter: never shared, issued, overdue, with exceptions (and where the
// first one is), accepted, and a tampered audit trail.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readCollaborationStatus, STATUS_TABLES, type CollaborationStatus } from "../../src/workbook/collaborate/collaborationStatus";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobInput, JobOutput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { loadXlsxWorkbook, type XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");
const noProgress = () => undefined;

async function tablesOf(book: XlsxWorkbook): Promise<Record<string, TableData | null>> {
  const tables: Record<string, TableData | null> = {};
  for (const name of STATUS_TABLES) tables[name] = await book.readTable(name);
  return tables;
}

/** Runs a registered job on the book's tables and writes its sheets into the book, as the pane does. */
async function runInto(book: XlsxWorkbook, jobId: string, input: Omit<JobInput, "tables">): Promise<JobOutput> {
  const output = (await jobById(jobId)!.run({ ...input, tables: await tablesOf(book) }, noProgress)) as JobOutput;
  expect(output.exceptions.filter((e) => e.severity === "error")).toEqual([]);
  expect(output.status).toBe("done");
  await book.writeResultSheets(output.sheets);
  return output;
}

/** A partner's answer: the package with each Commitments row filled by `fill` (stage → [rate, service time, on hand, reason]). */
async function answer(pkg: Uint8Array, fill: (stage: string) => (number | string | null)[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(pkg as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Commitments")!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    fill(String(sheet.getCell(r, 1).value)).forEach((v, c) => { if (v !== null) sheet.getCell(r, c + 2).value = v; });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const summary = (status: CollaborationStatus) => status.rows.map((r) => [r.partner, r.status, r.exceptions]);

describe("the partner status of a buyer's workbook", () => {
  let book: XlsxWorkbook;
  const packages: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    book = await loadXlsxWorkbook(await fs.readFile(EXAMPLE));
  });

  test("a workbook that never shared anything has the empty state and nothing to verify", async () => {
    const status = await readCollaborationStatus(book, "2026-12-01T08:00:00Z");
    expect(status).toMatchObject({ shared: false, rows: [], audit: { ok: true, rows: 0 } });
  });

  test("after sharing with both suppliers, each is issued until the deadline and overdue after it", async () => {
    for (const partner of ["FrameWorks", "GearTech"]) {
      const out = await runInto(book, "share", { options: { partner, deadline: "2026-12-08", user: "ann" }, now: "2026-12-01T09:00:00Z" });
      packages[partner] = out.files![0].bytes;
    }
    const before = await readCollaborationStatus(book, "2026-12-08T23:59:00Z");
    expect(before).toMatchObject({ shared: true, live: true, asOf: "2026-12-08", audit: { ok: true, rows: 2 } });
    expect(summary(before)).toEqual([["FrameWorks", "issued", null], ["GearTech", "issued", null]]);
    expect(before.rows[0]).toMatchObject({ packageId: expect.stringMatching(/^P-/), issued: "2026-12-01T09:00:00Z", deadline: "2026-12-08", firstException: null, where: "Collaboration!A2" });
    // The sheet still says "issued" (written on the 1st); the status is recomputed for the day it is read.
    expect(summary(await readCollaborationStatus(book, "2026-12-09T00:00:00Z"))).toEqual([["FrameWorks", "overdue", null], ["GearTech", "overdue", null]]);
  }, 30_000);

  test("FrameWorks answers late of plan: with exceptions, counted, and its first exception is its Reconciliation row", async () => {
    const response = await answer(packages.FrameWorks, (stage) => (stage === "Frame Welding" ? [55, 2, 20, "Capacity"] : [180, 0, 160, "As planned"]));
    const merged = await runInto(book, "merge", { options: { user: "ann" }, files: [{ name: "FrameWorks-answer.xlsx", bytes: response }], now: "2026-12-03T10:00:00Z" });
    const counted = merged.json as { partners: { partner: string; exceptions: number }[] };
    const status = await readCollaborationStatus(book, "2026-12-04T00:00:00Z");
    expect(summary(status)).toEqual([["FrameWorks", "with exceptions", counted.partners[0].exceptions], ["GearTech", "issued", null]]);
    expect(counted.partners[0].exceptions).toBe(3);
    const reconciliation = (await book.readTable("Reconciliation"))!;
    const first = reconciliation.rows.findIndex((r) => r[1] === "FrameWorks" && r[0] !== "info");
    expect(status.rows[0].firstException).toBe(`Reconciliation!A${reconciliation.headerRow + 1 + first}`);
    expect(status.rows[0].answered).toBe("2026-12-03T10:00:00Z");
    expect(status.audit).toMatchObject({ ok: true });
    expect(status.audit.rows).toBeGreaterThan(2);
    // Past the deadline GearTech, which never answered, is overdue; FrameWorks' answer stands.
    expect(summary(await readCollaborationStatus(book, "2026-12-10T00:00:00Z"))).toEqual([["FrameWorks", "with exceptions", 3], ["GearTech", "overdue", null]]);
  }, 30_000);

  test("GearTech commits as asked: accepted with no open exceptions; FrameWorks' place survives a merge that rewrites Reconciliation", async () => {
    const response = await answer(packages.GearTech, () => [null, 0, null, "As planned"]);
    await runInto(book, "merge", { options: { user: "ann" }, files: [{ name: "GearTech-answer.xlsx", bytes: response }], now: "2026-12-05T10:00:00Z" });
    const status = await readCollaborationStatus(book, "2026-12-05T12:00:00Z");
    expect(summary(status)).toEqual([["FrameWorks", "with exceptions", 3], ["GearTech", "accepted", 0]]);
    expect(status.rows[1].firstException).toBeNull();
    // Reconciliation now holds GearTech's merge only: FrameWorks points at its Partner Commitments rows.
    expect(status.rows[0].firstException).toMatch(/^'Partner Commitments'!A\d+$/);
  }, 30_000);

  test("an edited audit row: the chain is reported broken at its row, and the statuses are shown as last written", async () => {
    const sheet = book.workbook.getWorksheet("Audit")!;
    const userColumn = (sheet.getRow(1).values as unknown[]).indexOf("User");
    sheet.getCell(3, userColumn).value = "mallory";
    const status = await readCollaborationStatus(book, "2026-12-20T00:00:00Z");
    expect(status.audit).toMatchObject({ ok: false, where: "Audit!A3" });
    expect(status.live).toBe(false);
    expect(status.problems[0]).toMatch(/audit trail is broken/);
    // As written by the last merge, not recomputed for the 20th (GearTech would not turn overdue anyway: it answered).
    expect(summary(status)).toEqual([["FrameWorks", "with exceptions", 3], ["GearTech", "accepted", 0]]);
  }, 30_000);
});
