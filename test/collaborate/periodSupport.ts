// Test helpers for partners over time: the BikeCo example with a supply plan (8 weekly periods from
// 2027-01-04, one period of lead time per stage, no safety-stock targets, Final Assembly's demand of
// 40 a week in periods 5-8), and filling a package's Period Commitments as plain Excel would.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/workbook/port";
import { putSheet } from "./support";

export const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");

/** Writes the example with its supply inputs to `file`. */
export async function writeSupplyBook(file: string, edit?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(EXAMPLE);
  // The example's Stages and Settings are Excel tables: rewritten as plain sheets with the supply columns and settings.
  const rows = (name: string): CellValue[][] => {
    const out: CellValue[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as CellValue[]).slice(1).map((v) => v ?? null)));
    return out;
  };
  const [stageHeader, ...stages] = rows("Stages");
  putSheet(workbook, "Stages", [...stageHeader.map(String), "Lead Time Periods", "Safety Stock Target"],
    stages.map((r) => [...stageHeader.map((_, c) => r[c] ?? null), 1, 0]));
  const [settingsHeader, ...settings] = rows("Settings");
  putSheet(workbook, "Settings", settingsHeader.map(String), [...settings, ["horizon", 8], ["periodLength", 7], ["planStart", "2027-01-04"]]);
  putSheet(workbook, "Demands", ["Stage", "Period", "Quantity", "Customer"], [5, 6, 7, 8].map((t) => ["Final Assembly", t, 40, "Shop"]));
  edit?.(workbook);
  await workbook.xlsx.writeFile(file);
}

/** What a partner types in one Period Commitments row (a value ExcelJS writes as Excel would). */
export interface PeriodAnswer {
  stage: ExcelJS.CellValue;
  period: ExcelJS.CellValue;
  quantity: ExcelJS.CellValue;
}

/**
 * Fills a package's Period Commitments: a row whose stage and period are already there gets the
 * quantity, any other answer goes into the next empty row. `edit` changes anything else (tampering).
 */
export async function fillPeriods(packagePath: string, responsePath: string, answers: PeriodAnswer[], edit?: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(packagePath);
  const sheet = workbook.getWorksheet("Period Commitments")!;
  for (const answer of answers) {
    let row = 0;
    for (let r = 2; r <= sheet.rowCount && row === 0; r++) {
      if (sheet.getCell(r, 1).value === answer.stage && sheet.getCell(r, 2).value === answer.period) row = r;
    }
    for (let r = 2; r <= sheet.rowCount + 1 && row === 0; r++) if (sheet.getCell(r, 1).value === null) row = r;
    sheet.getCell(row, 1).value = answer.stage;
    sheet.getCell(row, 2).value = answer.period;
    sheet.getCell(row, 3).value = answer.quantity;
  }
  edit?.(workbook);
  await workbook.xlsx.writeFile(responsePath);
}

/** Every XML part of an .xlsx, unzipped and unescaped, as one text (for leak searches). */
export async function allXml(file: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  let xml = "";
  for (const entry of Object.values(zip.files)) if (!entry.dir) xml += `\n${entry.name}\n${await entry.async("string")}`;
  return xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
