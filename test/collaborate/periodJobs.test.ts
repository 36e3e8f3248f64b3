// The pane's Share and Merge jobs on a workbook with a supply plan, run as the worker runs them (tables
// in, sheets and files out; HiGHS from highsProvider): the package holds Period Requests, and merging its
// answer reports the shortfall by period, writes Period Commitments and the re-planned supply sheets.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { COLLABORATION_TABLES } from "../../src/workbook/collaborate/bookContext";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobOutput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { writeSupplyBook } from "./periodSupport";
import { tempDir, withSheets } from "./support";

const noProgress = () => undefined;

it("share → fill Period Commitments → merge, in the pane's jobs", async () => {
  const file = path.join(await tempDir(), "book.xlsx");
  await writeSupplyBook(file);
  const book = await loadXlsxWorkbook(await fs.readFile(file));
  let tables: Record<string, TableData | null> = {};
  for (const name of COLLABORATION_TABLES) tables[name] = await book.readTable(name);

  const shared = (await jobById("share")!.run({ tables, options: { partner: "FrameWorks", user: "ann" }, now: "2027-01-01T10:00:00Z" }, noProgress)) as JobOutput;
  expect(shared.exceptions.filter((e) => e.severity === "error")).toEqual([]);
  expect(shared.cards).toContainEqual({ label: "Period requests", value: 8, detail: "over 8 periods" });
  tables = withSheets(tables, shared.sheets);

  const pkg = new ExcelJS.Workbook();
  await pkg.xlsx.load(shared.files![0].bytes as unknown as ArrayBuffer);
  const sheet = pkg.getWorksheet("Period Commitments")!;
  expect([sheet.getCell(3, 1).value, sheet.getCell(3, 2).value]).toEqual(["Frame Welding", 4]);
  sheet.getCell(3, 3).value = 30;
  const answer = new Uint8Array(await pkg.xlsx.writeBuffer());

  const merged = (await jobById("merge")!.run({ tables, options: { user: "ann" }, files: [{ name: "fw.xlsx", bytes: answer }], now: "2027-01-02T10:00:00Z" }, noProgress)) as JobOutput;
  expect(merged.status).toBe("done");
  expect(merged.exceptions.map((e) => e.message)).toContain("fw.xlsx 'Period Commitments'!C3: FrameWorks, stage \"Frame Welding\", period 4 (2027-01-25): commits 30, 10 (25 %) short of the 40 requested.");
  expect(merged.sheets.find((s) => s.name === "Period Commitments")!.rows).toEqual([["Frame Welding", 4, 30]]);
  expect(merged.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Supply Plan", "Resource Load", "Planned Orders", "Demand Fulfilment"]));
  expect(merged.cards.map((c) => c.label)).toContain("Supply cost");
}, 120_000);
