// Reads a partner's response: the Package sheet, the issued tables (to check the hash) and the
// Commitments table. Only plain numbers, text and dates are read; formulas, hyperlinks, rich text and
// error values are reported and left out, and text that could start a formula is neutralised.

import ExcelJS from "exceljs";
import { ISSUED_TABLE_COLUMNS, issuedTable } from "../../engine/collaborate";
import type { CollaborationException, Commitment, IssuedTable, PeriodCommitment } from "../../engine/collaborate";
import { NUMBER_LIMITS } from "../../engine/network/fields";
import { COMMENT_LIMIT, COMMITMENTS_HEADERS, PACKAGE_FIELDS, REASON_CODES } from "./packageWorkbook";
import { inputRefusal, type InputProblem, type InputRefusal } from "../../engine/inputErrors";
import { address, Cell, classify, fileRefusal, headerColumns, lastUsedRow } from "./responseCells";
import { readPeriodCommitments } from "./periodCommitmentsReader";
import { neutraliseText } from "./safeText";
import { RESPONSE_LIMITS, zipRefusal, ZipLimits } from "./zipGuard";

export interface ResponseFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadResponse {
  name: string;
  /** Package sheet values by field (Id, Workbook, Version, …). */
  fields: Record<string, string | number | null>;
  /** Issued tables as found in the file (the hash is checked against these). */
  tables: IssuedTable[];
  commitments: Commitment[];
  /** Cells not read (formulas, links, wrong types), as warnings naming the cell. */
  notes: Omit<CollaborationException, "partner">[];
  /** Where the Commitments table is, for a missing row. */
  commitmentsWhere: string;
  /** The Period Commitments rows read (null when the file has no Period Commitments sheet). */
  periodCommitments: PeriodCommitment[] | null;
  /** Where the Period Commitments table is, for a stage left unanswered. */
  periodCommitmentsWhere: string;
}

/** The refusal (one sentence, at the file) or the workbook. */
export async function loadResponseWorkbook(file: ResponseFile, limits: ZipLimits = RESPONSE_LIMITS): Promise<{ workbook: ExcelJS.Workbook } | { refusal: InputProblem }> {
  const refusal = await zipRefusal(file.bytes, limits);
  if (refusal) return { refusal: fileRefusal(file.name, `refused: ${refusal}.`) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { refusal: fileRefusal(file.name, `refused: it is damaged or not an .xlsx workbook (${(error as Error).message}).`) };
  }
  return { workbook };
}

function readPackageFields(file: string, workbook: ExcelJS.Workbook, refusals: InputProblem[]): Record<string, string | number | null> {
  const sheet = workbook.getWorksheet("Package");
  const fields: Record<string, string | number | null> = {};
  if (!sheet) {
    refusals.push(fileRefusal(file, `refused: it has no Package sheet, so it is not a package from this add-in.`));
    return fields;
  }
  for (let r = 2; r <= Math.min(sheet.rowCount, 50); r++) {
    const key = classify(sheet.getCell(r, 1).value);
    if (key.kind !== "text") continue;
    const field = PACKAGE_FIELDS.find((f) => f.toLowerCase() === key.value.trim().toLowerCase());
    if (!field) continue;
    const cell = classify(sheet.getCell(r, 2).value);
    if (cell.kind === "bad") refusals.push(fileRefusal(file, `refused: ${address("Package", r, 2)} (${field}) holds ${cell.what}; the Package sheet must not be changed.`));
    fields[field] = cell.kind === "number" || cell.kind === "text" ? cell.value : cell.kind === "date" ? cell.value.toISOString() : null;
  }
  return fields;
}

/** An issued table read back and rounded as it was issued; a changed cell changes the hash. */
function readIssuedTable(file: string, workbook: ExcelJS.Workbook, name: string, refusals: InputProblem[]): IssuedTable | null {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return null;
  const columns = ISSUED_TABLE_COLUMNS[name];
  const last = lastUsedRow(sheet, columns.length);
  const rows: (string | number | null)[][] = [];
  for (let r = 2; r <= last; r++) {
    rows.push(columns.map((column, c) => {
      const cell = classify(sheet.getCell(r, c + 1).value);
      if (cell.kind === "bad") {
        refusals.push(fileRefusal(file, `refused: ${address(name, r, c + 1)} holds ${cell.what}; issued values must not be changed.`));
        return null;
      }
      if (cell.kind === "blank") return null;
      if (cell.kind === "date") return cell.value.toISOString().slice(0, 10);
      if (column.kind === "text") return String(cell.value);
      return cell.kind === "number" ? cell.value : cell.value;
    }));
  }
  return issuedTable(name, "", columns, rows);
}

/** The largest figure read per Commitments column (the plan's own limits: a rate is a Production Rate, a time a service time). */
const COMMITMENT_LIMITS: Record<number, number> = { 1: NUMBER_LIMITS.productionRate, 2: NUMBER_LIMITS.time, 3: NUMBER_LIMITS.productionRate };

function readCommitments(file: string, workbook: ExcelJS.Workbook, notes: ReadResponse["notes"], refusals: InputProblem[]): { commitments: Commitment[]; where: string } {
  const sheet = workbook.getWorksheet("Commitments");
  if (!sheet) {
    refusals.push(fileRefusal(file, `refused: it has no Commitments sheet.`));
    return { commitments: [], where: file };
  }
  const { columns: headerCells, missing } = headerColumns(sheet, COMMITMENTS_HEADERS);
  if (missing.length > 0) {
    refusals.push(fileRefusal(file, `refused: the Commitments table has no ${missing.map((m) => `"${m}"`).join(", ")} column in row 1.`));
    return { commitments: [], where: `${file} Commitments!A1` };
  }
  const last = lastUsedRow(sheet, Math.max(...headerCells));
  const commitments: Commitment[] = [];
  for (let r = 2; r <= last && r <= 100_001; r++) {
    const where = (k: number) => `${file} ${address("Commitments", r, headerCells[k])}`;
    const note = (k: number, message: string) => notes.push({ severity: "warning", stage: null, figure: COMMITMENTS_HEADERS[k], planned: null, committed: null, difference: null, differencePercent: null, message, where: where(k) });
    const read = (k: number): Cell => {
      const cell = classify(sheet.getCell(r, headerCells[k]).value);
      if (cell.kind === "bad") note(k, `${where(k)} holds ${cell.what}, which is not read (type the plain value).`);
      return cell;
    };
    const numberAt = (k: number): number | null => {
      const cell = read(k);
      if (cell.kind === "number") {
        const max = COMMITMENT_LIMITS[k];
        if (cell.value >= 0 && max !== undefined && cell.value > max) {
          note(k, `${where(k)}: ${COMMITMENTS_HEADERS[k]} ${cell.value.toPrecision(3).replace(/\.?0+e/, "e")} is above the limit of ${max.toExponential(0)}${k === 2 ? " time units" : ""} (larger figures overflow the plan); not read.`);
          return null;
        }
        if (cell.value >= 0) return cell.value;
        note(k, `${where(k)}: ${COMMITMENTS_HEADERS[k]} ${cell.value} is negative and is not read.`);
      } else if (cell.kind === "text" || cell.kind === "date") note(k, `${where(k)}: ${COMMITMENTS_HEADERS[k]} must be a number (got ${cell.kind === "text" ? JSON.stringify(cell.value.slice(0, 40)) : "a date"}); not read.`);
      return null;
    };
    const textAt = (k: number): string | null => {
      const cell = read(k);
      if (cell.kind === "text") return neutraliseText(cell.value.trim());
      if (cell.kind === "number") return String(cell.value);
      if (cell.kind === "date") return cell.value.toISOString().slice(0, 10);
      return null;
    };
    const stage = textAt(0);
    const committedRate = numberAt(1);
    const committedServiceTime = numberAt(2);
    const onHand = numberAt(3);
    let reasonCode = textAt(4);
    let comment = textAt(5);
    if (reasonCode !== null && !REASON_CODES.some((code) => code.toLowerCase() === reasonCode!.toLowerCase())) {
      note(4, `${where(4)}: reason code ${JSON.stringify(reasonCode.slice(0, 40))} is not one of the list; kept as "Other".`);
      reasonCode = "Other";
    }
    if (comment !== null && comment.length > COMMENT_LIMIT) {
      note(5, `${where(5)}: the comment is longer than ${COMMENT_LIMIT} characters; the rest is cut off.`);
      comment = comment.slice(0, COMMENT_LIMIT);
    }
    if (stage === null) {
      if (committedRate !== null || committedServiceTime !== null || onHand !== null) note(0, `${where(0)}: a row with commitments but no stage is not read.`);
      continue;
    }
    commitments.push({ stage: stage.normalize("NFC"), committedRate, committedServiceTime, onHand, reasonCode, comment, where: `${file} ${address("Commitments", r, 1)}`, rateWhere: where(1) });
  }
  return { commitments, where: `${file} Commitments!A1` };
}

/** Reads a response; refusals (damaged, not a package, changed Package cells) come back as problems at the file. */
export async function readResponse(file: ResponseFile, limits: ZipLimits = RESPONSE_LIMITS): Promise<{ ok: true; response: ReadResponse } | InputRefusal> {
  const loaded = await loadResponseWorkbook(file, limits);
  if ("refusal" in loaded) return inputRefusal([loaded.refusal]);
  const refusals: InputProblem[] = [];
  const notes: ReadResponse["notes"] = [];
  const fields = readPackageFields(file.name, loaded.workbook, refusals);
  if (refusals.length > 0) return inputRefusal(refusals);
  const tables = Object.keys(ISSUED_TABLE_COLUMNS).map((name) => readIssuedTable(file.name, loaded.workbook, name, refusals)).filter((t): t is IssuedTable => t !== null);
  const { commitments, where } = readCommitments(file.name, loaded.workbook, notes, refusals);
  const period = readPeriodCommitments(file.name, loaded.workbook, notes, refusals);
  if (refusals.length > 0) return inputRefusal(refusals);
  return { ok: true, response: { name: file.name, fields, tables, commitments, notes, commitmentsWhere: where, periodCommitments: period.commitments, periodCommitmentsWhere: period.where } };
}
