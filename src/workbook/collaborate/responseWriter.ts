// Writes a partner's commitments into its package (the pane's "Save response"): only Commitments' figure,
// reason and comment cells and Period Commitments' quantities change, so every issued value and the hash stay.

import ExcelJS from "exceljs";
import { COMMITMENTS_HEADERS, PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS } from "./packageFormat";
import { checkPeriodEntries, parsePeriodQuantity, type PeriodEntry } from "./periodEntry";
import { checkEntries, parseEntries, type ParsedEntry } from "./entryChecks";
import type { CommitmentEntry } from "./commitmentEntry";
import type { ResponseForm } from "./responseForm";

type WriteForm = Pick<ResponseForm, "reasonCodes" | "requests"> & Partial<Pick<ResponseForm, "facts" | "stages" | "horizon">>;
import { TEXT_FORMAT } from "./safeText";

/** Thrown when the entries still have errors or the file is not the package it was. */
export class ResponseWriteError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  return typeof value === "string" ? value.trim().normalize("NFC") : typeof value === "number" ? String(value) : "";
}

function fill(sheet: ExcelJS.Worksheet, row: number, columns: number[], entry: ParsedEntry): void {
  const [, rate, time, onHand, reason, comment] = columns;
  const put = (c: number, value: number | string | null) => {
    const cell = sheet.getCell(row, c);
    cell.value = value;
    if (typeof value === "string") cell.numFmt = TEXT_FORMAT;
  };
  put(rate, entry.committedRate);
  put(time, entry.committedServiceTime);
  put(onHand, entry.onHand);
  put(reason, entry.reasonCode);
  put(comment, entry.comment);
}

/** The column (1-based) of each header in row 1 of a sheet (case ignored), or a refusal naming the missing ones. */
function columnsOf(sheet: ExcelJS.Worksheet, headers: readonly string[]): number[] {
  const columns = headers.map((h) => {
    for (let c = 1; c <= Math.min(sheet.columnCount, 50); c++) if (cellText(sheet.getCell(1, c).value).toLowerCase() === h.toLowerCase()) return c;
    return -1;
  });
  const missing = headers.filter((_, k) => columns[k] < 0);
  if (missing.length > 0) throw new ResponseWriteError(`Not saved: the ${sheet.name} sheet has no ${missing.join(", ")} column in row 1.`);
  return columns;
}

/** Where each key's first row is (key of a row: keyOf its cells; "" = empty) and the last used row. */
function rowsOf(sheet: ExcelJS.Worksheet, keyOf: (r: number) => string): { rows: Map<string, number>; last: number } {
  const rows = new Map<string, number>();
  let last = 1;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const key = keyOf(r);
    if (key !== "") {
      last = r;
      if (!rows.has(key)) rows.set(key, r);
    }
  }
  return { rows, last };
}

function putStage(sheet: ExcelJS.Worksheet, row: number, column: number, stage: string): void {
  const cell = sheet.getCell(row, column);
  cell.value = stage;
  cell.numFmt = TEXT_FORMAT;
}

/** The Commitments table's rows, found by Stage; a stage without a row gets the next empty row. */
function writeStageRows(workbook: ExcelJS.Workbook, form: WriteForm, entries: readonly CommitmentEntry[]): void {
  const sheet = workbook.getWorksheet("Commitments");
  if (!sheet) throw new ResponseWriteError("Not saved: the workbook has no Commitments sheet any more.");
  const columns = columnsOf(sheet, COMMITMENTS_HEADERS);
  const found = rowsOf(sheet, (r) => cellText(sheet.getCell(r, columns[0]).value));
  for (const entry of parseEntries(entries, form.reasonCodes)) {
    let row = found.rows.get(entry.stage.normalize("NFC"));
    if (row === undefined) putStage(sheet, (row = ++found.last), columns[0], entry.stage);
    fill(sheet, row, columns, entry);
  }
}

/** The Period Commitments table's quantities, found by Stage and Period (blank clears); a stage and period without a row gets the next empty row. */
function writePeriodRows(workbook: ExcelJS.Workbook, periods: readonly PeriodEntry[]): void {
  const sheet = workbook.getWorksheet(PERIOD_COMMITMENTS);
  if (!sheet) throw new ResponseWriteError(`Not saved: the workbook has no ${PERIOD_COMMITMENTS} sheet any more.`);
  const [stage, period, quantity] = columnsOf(sheet, PERIOD_COMMITMENTS_HEADERS);
  const keyOf = (s: string, p: string) => (s === "" && p === "" ? "" : `${s}\u0000${p}`);
  const found = rowsOf(sheet, (r) => keyOf(cellText(sheet.getCell(r, stage).value), cellText(sheet.getCell(r, period).value)));
  for (const entry of periods) {
    const parsed = parsePeriodQuantity(entry.quantity);
    const value = "quantity" in parsed ? parsed.quantity : null;
    let row = found.rows.get(keyOf(entry.stage.normalize("NFC"), String(entry.period)));
    if (row === undefined) {
      if (value === null) continue;
      putStage(sheet, (row = ++found.last), stage, entry.stage);
      sheet.getCell(row, period).value = entry.period;
    }
    sheet.getCell(row, quantity).value = value;
  }
}

/**
 * The package's bytes with the entries in its Commitments table and the period entries in its Period
 * Commitments table. Refuses (ResponseWriteError) while any entry has an error (the checks of the grids).
 */
export async function writeCommitments(bytes: Uint8Array, form: WriteForm, entries: readonly CommitmentEntry[], periods: readonly PeriodEntry[] = []): Promise<Uint8Array> {
  const errors = checkEntries(entries, form.reasonCodes, form.requests).filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new ResponseWriteError(`Not saved: ${errors.length} entr${errors.length === 1 ? "y needs" : "ies need"} fixing first (${errors[0].stage}: ${errors[0].message})`);
  }
  const stages = form.stages ?? [...new Set([...Object.keys(form.requests), ...periods.map((p) => p.stage)])];
  const periodErrors = checkPeriodEntries(periods, form.facts?.partner ?? "", stages, form.horizon ?? Math.max(1, ...periods.map((p) => p.period))).filter((p) => p.severity === "error");
  if (periodErrors.length > 0) {
    const p = periodErrors[0];
    throw new ResponseWriteError(`Not saved: ${periodErrors.length} period quantit${periodErrors.length === 1 ? "y needs" : "ies need"} fixing first (${p.stage}, period ${p.period}: ${p.message})`);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  writeStageRows(workbook, form, entries);
  if (periods.length > 0) writePeriodRows(workbook, periods);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The name a saved response gets: "FrameWorks-package.xlsx" → "FrameWorks-package (response).xlsx". */
export function responseName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")} (response).xlsx`;
}
