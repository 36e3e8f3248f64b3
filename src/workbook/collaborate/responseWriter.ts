// Writes a partner's commitments into its package workbook (the pane's "Save response"): only the
// Commitments table's figure, reason and comment cells change, so every issued value and the hash stay.

import ExcelJS from "exceljs";
import { COMMITMENTS_HEADERS } from "./packageFormat";
import { checkEntries, parseEntries, type ParsedEntry } from "./entryChecks";
import type { CommitmentEntry } from "./commitmentEntry";
import type { ResponseForm } from "./responseForm";
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

/**
 * The package's bytes with the entries in its Commitments table. Rows are found by their Stage;
 * a stage without a row gets the next empty row. Refuses (ResponseWriteError) while any entry has an error.
 */
export async function writeCommitments(bytes: Uint8Array, form: Pick<ResponseForm, "reasonCodes" | "requests">, entries: readonly CommitmentEntry[]): Promise<Uint8Array> {
  const errors = checkEntries(entries, form.reasonCodes, form.requests).filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new ResponseWriteError(`Not saved: ${errors.length} entr${errors.length === 1 ? "y needs" : "ies need"} fixing first (${errors[0].stage}: ${errors[0].message})`);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Commitments");
  if (!sheet) throw new ResponseWriteError("Not saved: the workbook has no Commitments sheet any more.");
  const columns = COMMITMENTS_HEADERS.map((h) => {
    for (let c = 1; c <= Math.min(sheet.columnCount, 50); c++) if (cellText(sheet.getCell(1, c).value).toLowerCase() === h.toLowerCase()) return c;
    return -1;
  });
  const missing = COMMITMENTS_HEADERS.filter((_, k) => columns[k] < 0);
  if (missing.length > 0) throw new ResponseWriteError(`Not saved: the Commitments sheet has no ${missing.join(", ")} column in row 1.`);
  const rows = new Map<string, number>();
  let last = 1;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const stage = cellText(sheet.getCell(r, columns[0]).value);
    if (stage !== "") {
      last = r;
      if (!rows.has(stage)) rows.set(stage, r);
    }
  }
  for (const entry of parseEntries(entries, form.reasonCodes)) {
    let row = rows.get(entry.stage.normalize("NFC"));
    if (row === undefined) {
      row = ++last;
      const cell = sheet.getCell(row, columns[0]);
      cell.value = entry.stage;
      cell.numFmt = TEXT_FORMAT;
    }
    fill(sheet, row, columns, entry);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The name a saved response gets: "FrameWorks-package.xlsx" → "FrameWorks-package (response).xlsx". */
export function responseName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")} (response).xlsx`;
}
