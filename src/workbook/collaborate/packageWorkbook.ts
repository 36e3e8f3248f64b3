// Writes a partner package (docs/formats.md §9) into a NEW ExcelJS workbook, built from nothing: Read Me,
// Package, the issued tables and the Commitments table with data validation; values only, no formulas.

import ExcelJS from "exceljs";
import type { IssuedTable, PartnerPackage } from "../../engine/collaborate";
import { COMMENT_LIMIT, COMMITMENTS_HEADERS, PACKAGE_FIELDS, PACKAGE_FORMAT, PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS, REASON_CODES } from "./packageFormat";
import { TEXT_FORMAT } from "./safeText";

export { COMMITMENTS_HEADERS, REASON_CODES, PACKAGE_FIELDS, PACKAGE_FORMAT, COMMENT_LIMIT, PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS } from "./packageFormat";

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };

/** Sets a cell to a value; text cells get the Text format, so nothing typed or stored there is a formula. */
function put(cell: ExcelJS.Cell, value: string | number | null): void {
  if (value === null) return;
  cell.value = value;
  if (typeof value === "string") cell.numFmt = TEXT_FORMAT;
}

function header(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  headers.forEach((text, c) => {
    const cell = sheet.getCell(1, c + 1);
    cell.value = text;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    sheet.getColumn(c + 1).width = Math.max(14, text.length + 4);
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

export function readMeLines(pkg: PartnerPackage): string[] {
  const { header: h } = pkg;
  const tables = pkg.tables.map((t) => `- ${t.name}: ${t.title}.`);
  return [
    `Planning package for ${h.partner}`,
    "",
    "What this is: the part of our supply plan that concerns you, as plain values (no formulas, no macros).",
    ...tables,
    "- Package: the package's id, plan version, issue date, response deadline and a fingerprint (SHA-256) of the values above.",
    "",
    "What to fill in: the Commitments sheet, one row per stage (the stages are filled in already).",
    "- Committed Rate: the rate (units per time unit) you can commit to; blank keeps the planned rate.",
    "- Committed Service Time: the time (in the plan's time unit) within which you commit to deliver; blank keeps the assumed one.",
    "- On Hand: the stock you hold now for this stage.",
    "- Reason Code: pick one from the list where you deviate from the plan; Comment: a short note (up to 500 characters).",
    ...periodLines(pkg),
    "",
    `How to send it back: save this workbook (keep the .xlsx format) and send it to us before ${h.deadline}.`,
    "Do not change the other sheets: a changed value makes the fingerprint differ and the response is refused.",
  ];
}

/** The Read Me lines about Period Requests and Period Commitments (a package of a supply plan only). */
function periodLines(pkg: PartnerPackage): string[] {
  if (!pkg.periods) return [];
  const p = pkg.periods;
  return [
    "",
    `And the ${PERIOD_COMMITMENTS} sheet, one row per stage and period: the most you can deliver in that period (periods 1 to ${p.horizon}, each ${p.periodLength} days${p.planStart ? `, period 1 starting ${p.planStart}` : ""}).`,
    "- The requested periods are filled in (with what you committed before, where we have it): type a Quantity of 0 or more where you can deliver less (or more) than requested; add rows for other periods.",
    "- A period left blank is not capped: we keep planning with what we need there.",
  ];
}

function writeIssuedTable(workbook: ExcelJS.Workbook, table: IssuedTable): void {
  const sheet = workbook.addWorksheet(table.name);
  header(sheet, table.columns.map((c) => c.header));
  table.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 2, c + 1);
      put(cell, value);
      const format = table.columns[c].numberFormat;
      if (format && typeof value === "number") cell.numFmt = format;
    });
  });
}

/** ExcelJS writes range validations through `dataValidations.add`, which its typings leave out. */
function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function writeCommitments(workbook: ExcelJS.Workbook, pkg: PartnerPackage): void {
  const sheet = workbook.addWorksheet("Commitments");
  const validations = rangeValidations(sheet);
  const n = Math.max(1, pkg.stages.length);
  sheet.addTable({
    name: "Commitments", ref: "A1", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: COMMITMENTS_HEADERS.map((name) => ({ name })),
    rows: Array.from({ length: n }, (_, r) => [pkg.stages[r] ?? null, null, null, null, null, null]),
  });
  COMMITMENTS_HEADERS.forEach((text, c) => (sheet.getColumn(c + 1).width = Math.max(14, text.length + 4)));
  sheet.getColumn(6).width = 48;
  for (let r = 2; r <= n + 1; r++) {
    for (const c of [1, 5, 6]) sheet.getCell(r, c).numFmt = TEXT_FORMAT;
  }
  const last = n + 1;
  const number = (column: string, what: string): void => {
    validations.add(`${column}2:${column}${last}`, {
      type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0],
      showErrorMessage: true, errorTitle: what, error: `${what}: a number of 0 or more.`,
    });
  };
  validations.add(`A2:A${last}`, {
    type: "list", allowBlank: false, formulae: [`Requests!$A$2:$A$${last}`],
    showErrorMessage: true, errorTitle: "Stage", error: "Stage: one of the stages of the Requests sheet.",
  });
  number("B", "Committed Rate");
  number("C", "Committed Service Time");
  number("D", "On Hand");
  validations.add(`E2:E${last}`, {
    type: "list", allowBlank: true, formulae: [`"${REASON_CODES.join(",")}"`],
    showErrorMessage: true, errorTitle: "Reason Code", error: "Reason Code: pick one from the list.",
  });
  validations.add(`F2:F${last}`, {
    type: "textLength", operator: "lessThanOrEqual", allowBlank: true, formulae: [COMMENT_LIMIT],
    showErrorMessage: true, errorTitle: "Comment", error: `Comment: at most ${COMMENT_LIMIT} characters.`,
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

/**
 * The Period Commitments table (Stage, Period, Quantity): one row per requested stage and period, the
 * quantity blank; validation: a stage of the package, a whole period 1..horizon, a quantity of 0 or more.
 */
function writePeriodCommitments(workbook: ExcelJS.Workbook, pkg: PartnerPackage, horizon: number): void {
  const sheet = workbook.addWorksheet(PERIOD_COMMITMENTS);
  const validations = rangeValidations(sheet);
  const requests = pkg.tables.find((t) => t.name === "Period Requests")?.rows ?? [];
  // Each requested stage and period, with the quantity the buyer has on record from the partner (else blank); then periods on record without a request.
  const onRecord = new Map((pkg.committed ?? []).map((c) => [`${c.stage}\u0000${c.period}`, c.quantity]));
  const rows: (string | number | null)[][] = requests.map((r) => [r[0], r[1], onRecord.get(`${r[0]}\u0000${r[1]}`) ?? null]);
  const requested = new Set(requests.map((r) => `${r[0]}\u0000${r[1]}`));
  for (const c of pkg.committed ?? []) if (!requested.has(`${c.stage}\u0000${c.period}`)) rows.push([c.stage, c.period, c.quantity]);
  // Room to add periods: at least one blank row per stage, never fewer than 10 rows.
  const n = Math.max(10, rows.length + pkg.stages.length);
  while (rows.length < n) rows.push([null, null, null]);
  sheet.addTable({
    name: "PeriodCommitments", ref: "A1", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: PERIOD_COMMITMENTS_HEADERS.map((name) => ({ name })), rows,
  });
  PERIOD_COMMITMENTS_HEADERS.forEach((text, c) => (sheet.getColumn(c + 1).width = Math.max(14, text.length + 6)));
  sheet.getColumn(1).width = 28;
  const last = n + 1;
  for (let r = 2; r <= last; r++) sheet.getCell(r, 1).numFmt = TEXT_FORMAT;
  validations.add(`A2:A${last}`, {
    type: "list", allowBlank: true, formulae: [`Requests!$A$2:$A$${Math.max(2, pkg.stages.length + 1)}`],
    showErrorMessage: true, errorTitle: "Stage", error: "Stage: one of the stages of the Requests sheet.",
  });
  validations.add(`B2:B${last}`, {
    type: "whole", operator: "between", allowBlank: true, formulae: [1, horizon],
    showErrorMessage: true, errorTitle: "Period", error: `Period: a whole period from 1 to ${horizon}.`,
  });
  validations.add(`C2:C${last}`, {
    type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0],
    showErrorMessage: true, errorTitle: "Quantity", error: "Quantity: a number of 0 or more.",
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
}

/** The values of the Package sheet, by field. */
export function packageSheetValues(pkg: PartnerPackage): Record<(typeof PACKAGE_FIELDS)[number], string | number> {
  const h = pkg.header;
  return { Id: h.id, Workbook: h.workbookId, Version: h.version, Partner: h.partner, Issued: h.issued, Deadline: h.deadline, Hash: pkg.hash, Format: PACKAGE_FORMAT };
}

/** The package as a new workbook (not yet checked for leaks: see leakCheck.ts). Document properties are neutral. */
export function buildPackageWorkbook(pkg: PartnerPackage): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const issued = new Date(pkg.header.issued);
  workbook.creator = "APS for Excel";
  workbook.lastModifiedBy = "APS for Excel";
  workbook.created = issued;
  workbook.modified = issued;
  workbook.title = "";
  workbook.company = "";
  const readMe = workbook.addWorksheet("Read Me");
  readMe.getColumn(1).width = 110;
  readMeLines(pkg).forEach((line, r) => put(readMe.getCell(r + 1, 1), line));
  readMe.getCell(1, 1).font = { bold: true, size: 14 };

  const sheet = workbook.addWorksheet("Package");
  header(sheet, ["Field", "Value"]);
  sheet.getColumn(2).width = 70;
  const values = packageSheetValues(pkg);
  PACKAGE_FIELDS.forEach((field, r) => {
    put(sheet.getCell(r + 2, 1), field);
    put(sheet.getCell(r + 2, 2), values[field]);
  });
  for (const table of pkg.tables) writeIssuedTable(workbook, table);
  writeCommitments(workbook, pkg);
  if (pkg.periods) writePeriodCommitments(workbook, pkg, pkg.periods.horizon);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return workbook;
}

/** The package's .xlsx bytes. */
export async function packageBytes(pkg: PartnerPackage): Promise<Uint8Array> {
  return new Uint8Array(await buildPackageWorkbook(pkg).xlsx.writeBuffer());
}

/** Every fixed text a package holds beside its issued values (labels, Read Me, lists), for the leak check. */
export function packageTemplateText(pkg: PartnerPackage): string[] {
  return [
    ...readMeLines(pkg), ...COMMITMENTS_HEADERS, ...PACKAGE_FIELDS, ...REASON_CODES, "Field", "Value", "Read Me", "Package", "Commitments",
    ...(pkg.periods ? [PERIOD_COMMITMENTS, "PeriodCommitments", ...PERIOD_COMMITMENTS_HEADERS, ...periodLines(pkg)] : []),
    ...pkg.tables.flatMap((t) => [t.name, t.title, ...t.columns.map((c) => c.header)]), PACKAGE_FORMAT,
    "APS for Excel", "Microsoft Excel", "Worksheets",
  ];
}
