// Reads a response's Period Commitments table (Stage, Period, Quantity), read exactly like Commitments:
// plain values only; a formula, link, error, negative or non-whole figure is a warning naming the cell
// and is not read; text that could start a formula is neutralised.

import type ExcelJS from "exceljs";
import type { PeriodCommitment } from "../../engine/collaborate";
import { PERIOD_REQUESTS } from "../../engine/collaborate";
import { PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS } from "./packageFormat";
import type { InputProblem } from "../../engine/inputErrors";
import { address, Cell, classify, fileRefusal, headerColumns, lastUsedRow } from "./responseCells";
import type { ReadResponse } from "./responseReader";
import { neutraliseText } from "./safeText";
import { periodQuantityProblem } from "./periodEntry";

/** The rows read (null when the file has neither Period Requests nor Period Commitments), and where the table is. */
export function readPeriodCommitments(file: string, workbook: ExcelJS.Workbook, notes: ReadResponse["notes"], refusals: InputProblem[]): { commitments: PeriodCommitment[] | null; where: string } {
  const sheet = workbook.getWorksheet(PERIOD_COMMITMENTS);
  const where = `${file} ${address(PERIOD_COMMITMENTS, 1, 1)}`;
  if (!sheet) {
    if (workbook.getWorksheet(PERIOD_REQUESTS)) refusals.push(fileRefusal(file, `refused: it has Period Requests but no ${PERIOD_COMMITMENTS} sheet.`));
    return { commitments: null, where };
  }
  const { columns: headerCells, missing } = headerColumns(sheet, PERIOD_COMMITMENTS_HEADERS);
  if (missing.length > 0) {
    refusals.push(fileRefusal(file, `refused: the ${PERIOD_COMMITMENTS} table has no ${missing.map((m) => `"${m}"`).join(", ")} column in row 1.`));
    return { commitments: [], where };
  }
  const last = lastUsedRow(sheet, Math.max(...headerCells));
  const commitments: PeriodCommitment[] = [];
  for (let r = 2; r <= last && r <= 100_001; r++) {
    const at = (k: number) => `${file} ${address(PERIOD_COMMITMENTS, r, headerCells[k])}`;
    const note = (k: number, message: string) => notes.push({
      severity: "warning", stage: null, figure: `Period Commitments ${PERIOD_COMMITMENTS_HEADERS[k]}`, planned: null, committed: null,
      difference: null, differencePercent: null, message, where: at(k),
    });
    const read = (k: number): Cell => {
      const cell = classify(sheet.getCell(r, headerCells[k]).value);
      if (cell.kind === "bad") note(k, `${at(k)} holds ${cell.what}, which is not read (type the plain value).`);
      return cell;
    };
    const stageCell = read(0);
    const stage = stageCell.kind === "text" ? neutraliseText(stageCell.value.trim()).normalize("NFC") : stageCell.kind === "number" ? String(stageCell.value) : null;
    const periodCell = read(1);
    let period: number | null = null;
    if (periodCell.kind === "number") {
      if (Number.isInteger(periodCell.value)) period = periodCell.value;
      else note(1, `${at(1)}: Period ${periodCell.value} is not a whole period and is not read.`);
    } else if (periodCell.kind === "text" || periodCell.kind === "date") {
      note(1, `${at(1)}: Period must be a whole period number (got ${periodCell.kind === "text" ? JSON.stringify(periodCell.value.slice(0, 40)) : "a date"}); not read.`);
    }
    const quantityCell = read(2);
    let quantity: number | null = null;
    if (quantityCell.kind === "number") {
      const problem = periodQuantityProblem(quantityCell.value);
      if (problem === null) quantity = quantityCell.value;
      else note(2, `${at(2)}: ${problem} and is not read.`);
    } else if (quantityCell.kind === "text" || quantityCell.kind === "date") {
      note(2, `${at(2)}: Quantity must be a number (got ${quantityCell.kind === "text" ? JSON.stringify(quantityCell.value.slice(0, 40)) : "a date"}); not read.`);
    }
    if (quantity === null) continue;
    if (stage === null || period === null) {
      note(stage === null ? 0 : 1, `${at(stage === null ? 0 : 1)}: a quantity without a ${stage === null ? "stage" : "period"} is not read.`);
      continue;
    }
    commitments.push({ stage, period, quantity, where: at(2) });
  }
  return { commitments, where };
}
