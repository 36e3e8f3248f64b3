// The pane's Collaborate jobs, run as the worker runs them (tables in, sheets and files out): share
// with FrameWorks, fill the downloaded package, merge it back, verify the audit trail.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobOutput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { COLLABORATION_TABLES } from "../../src/workbook/collaborate/bookContext";
import { withSheets } from "./support";

const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");

async function exampleTables(): Promise<Record<string, TableData | null>> {
  const book = await loadXlsxWorkbook(await fs.readFile(EXAMPLE));
  const out: Record<string, TableData | null> = {};
  for (const name of COLLABORATION_TABLES) out[name] = await book.readTable(name);
  return out;
}

const noProgress = () => undefined;

describe("the Collaborate jobs", () => {
  it("are registered for the pane", () => {
    expect(jobById("share")?.options.map((o) => o.name)).toEqual(["partner", "deadline", "user"]);
    expect(jobById("merge")?.takesFiles).toMatchObject({ multiple: true, accept: ".xlsx" });
    expect(jobById("audit")).toBeDefined();
  });

  it("share → fill → merge → audit", async () => {
    let tables = await exampleTables();
    const shared = (await jobById("share")!.run({ tables, options: { partner: "FrameWorks", deadline: "2026-12-10", user: "ann" }, now: "2026-12-01T10:00:00Z" }, noProgress)) as JobOutput;
    expect(shared.status).toBe("done");
    expect(shared.sheets.map((s) => s.name)).toEqual(["Shares", "Audit", "Collaboration"]);
    expect(shared.files?.[0]).toMatchObject({ mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(shared.files![0].name).toMatch(/^FrameWorks-P-[0-9a-f]{8}-0001\.xlsx$/);
    tables = withSheets(tables, shared.sheets);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(shared.files![0].bytes as unknown as ArrayBuffer);
    const commitments = workbook.getWorksheet("Commitments")!;
    commitments.getCell("C2").value = 3;
    commitments.getCell("E2").value = "Lead time";
    const response = new Uint8Array(await workbook.xlsx.writeBuffer());

    const merged = (await jobById("merge")!.run({ tables, options: { user: "ann" }, files: [{ name: "answer.xlsx", bytes: response }], now: "2026-12-11T10:00:00Z" }, noProgress)) as JobOutput;
    expect(merged.status).toBe("done");
    expect(merged.cards[0]).toMatchObject({ label: "FrameWorks", value: "with exceptions" });
    const messages = merged.exceptions.map((e) => e.message).join("\n");
    expect(messages).toMatch(/Frame Welding": commits a service time of 3/);
    expect(messages).toMatch(/sent no commitment for stage "Tube Cutting"/);
    expect(messages).toMatch(/after the deadline of 2026-12-10/);
    expect(merged.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Partner Commitments", "Reconciliation", "Re-plan", "Re-plan Summary", "Collaboration", "Shares", "Audit", "Plan"]));
    tables = withSheets(tables, merged.sheets);

    const audit = (await jobById("audit")!.run({ tables, options: {} }, noProgress)) as JobOutput;
    expect(audit.cards[0]).toMatchObject({ value: "intact" });

    // The same response again, now with a changed issued value: refused, nothing to write.
    const planned = workbook.getWorksheet("Requests")!;
    planned.getCell("B2").value = 1;
    const tampered = new Uint8Array(await workbook.xlsx.writeBuffer());
    const refused = (await jobById("merge")!.run({ tables, options: {}, files: [{ name: "answer.xlsx", bytes: tampered }], now: "2026-12-11T10:00:00Z" }, noProgress)) as JobOutput;
    expect(refused.status).toBe("invalid");
    expect(refused.sheets).toEqual([]);
    expect(refused.exceptions[0].message).toMatch(/answer\.xlsx: refused: issued values were changed.*Demand Rate: issued 40, now 1/);
  });

  it("says which partners exist when the partner is unknown", async () => {
    const out = (await jobById("share")!.run({ tables: await exampleTables(), options: { partner: "Acme" } }, noProgress)) as JobOutput;
    expect(out.status).toBe("invalid");
    expect(out.exceptions[0].message).toMatch(/"Acme" owns no stage of this plan; the partners are "FrameWorks", "GearTech"/);
  });
});
