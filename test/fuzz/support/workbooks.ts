// Generated .xlsx inputs (ExcelJS): tables as ListObjects or plain sheets, whose cells hold numbers,
// text, formulas (with or without a cached result), error values, hyperlinks, rich text and dates;
// with merged cells, hidden rows, offsets and extra sheets.

import ExcelJS from "exceljs";
import fc from "fast-check";
import { anyNumber, oddText } from "./values";

export type CellSpec =
  | { kind: "value"; value: number | string | boolean | null }
  | { kind: "date"; value: Date }
  | { kind: "formula"; formula: string; result?: number | string | boolean }
  | { kind: "error"; error: string }
  | { kind: "hyperlink"; text: string; hyperlink: string }
  | { kind: "richText"; parts: string[] };

export interface SheetSpec {
  name: string;
  /** Written as an Excel table (ListObject) of this name; else a plain block of cells. */
  tableName?: string;
  /** 1-based row and column of the top-left (header) cell. */
  top: number;
  left: number;
  headers: string[];
  rows: CellSpec[][];
  /** [top, left, bottom, right] relative to the block (0-based). */
  merges: [number, number, number, number][];
  /** Block rows (0-based, the header is row 0) to hide. */
  hiddenRows: number[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

const ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];

/** A cell holding `right` most of the time, in every form a cell can take. */
export function cellSpec(right: fc.Arbitrary<number | string | boolean | null>): fc.Arbitrary<CellSpec> {
  return fc.oneof(
    { weight: 12, arbitrary: right.map((value) => ({ kind: "value" as const, value })) },
    { weight: 2, arbitrary: fc.oneof(anyNumber.filter(Number.isFinite), oddText, fc.boolean(), fc.constant(null)).map((value) => ({ kind: "value" as const, value })) },
    { weight: 1, arbitrary: fc.tuple(right, fc.boolean()).map(([result, cached]) => ({ kind: "formula" as const, formula: "A1*1", ...(cached && result !== null ? { result } : {}) })) },
    { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ kind: "error" as const, error })) },
    { weight: 1, arbitrary: right.map((value) => ({ kind: "hyperlink" as const, text: String(value ?? "link"), hyperlink: "https://example.com/x" })) },
    { weight: 1, arbitrary: right.map((value) => String(value ?? "")).chain((text) => fc.nat(text.length).map((k) => ({ kind: "richText" as const, parts: [text.slice(0, k), text.slice(k)] }))) },
    { weight: 1, arbitrary: fc.date({ min: new Date("1990-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((value) => ({ kind: "date" as const, value })) },
  );
}

/** Excel's rules for sheet names: 1-31 characters, none of []:*?/\ and not quoted at the ends. */
function sheetName(name: string, taken: Set<string>): string {
  let clean = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let k = 2;
  while (taken.has(clean.toLowerCase())) clean = `${clean.slice(0, 28)}_${k++}`;
  taken.add(clean.toLowerCase());
  return clean;
}

function plainValue(spec: CellSpec): ExcelJS.CellValue {
  switch (spec.kind) {
    case "value": return spec.value;
    case "date": return spec.value;
    case "formula": return spec.result === undefined ? { formula: spec.formula } as ExcelJS.CellFormulaValue : { formula: spec.formula, result: spec.result } as ExcelJS.CellFormulaValue;
    case "error": return { error: spec.error } as ExcelJS.CellErrorValue;
    case "hyperlink": return { text: spec.text, hyperlink: spec.hyperlink };
    case "richText": return { richText: spec.parts.map((text, k) => ({ text, font: k === 1 ? { bold: true } : {} })) };
  }
}

/** Table headers ExcelJS can write: unique, non-empty, without control characters. */
function tableHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, c) => {
    let name = h.replace(/[\u0000-\u001f]/g, "").trim() || `Column${c + 1}`;
    while (seen.has(name.toLowerCase())) name += "_";
    seen.add(name.toLowerCase());
    return name;
  });
}

function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(spec.name, taken));
  const width = spec.headers.length;
  const rows = spec.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { kind: "value" as const, value: null }));
  if (spec.tableName && width > 0) {
    const simple = (cell: CellSpec): ExcelJS.CellValue => (cell.kind === "value" || cell.kind === "date" ? cell.value : cell.kind === "error" ? null : String(plainValueText(cell)));
    sheet.addTable({
      name: spec.tableName.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z_]/, "T") || "T",
      ref: `${columnLetters(spec.left)}${spec.top}`,
      headerRow: true,
      columns: tableHeaders(spec.headers).map((name) => ({ name })),
      rows: rows.length > 0 ? rows.map((row) => row.map(simple)) : [Array.from({ length: width }, () => null)],
    });
  } else {
    spec.headers.forEach((header, c) => { sheet.getCell(spec.top, spec.left + c).value = header; });
    rows.forEach((row, r) => row.forEach((cell, c) => { sheet.getCell(spec.top + 1 + r, spec.left + c).value = plainValue(cell); }));
    for (const [t, l, b, r] of spec.merges) {
      try {
        sheet.mergeCells(spec.top + t, spec.left + l, spec.top + b, spec.left + r);
      } catch {
        // overlapping merges are refused by ExcelJS (and by Excel): skip
      }
    }
  }
  for (const r of spec.hiddenRows) sheet.getRow(spec.top + r).hidden = true;
}

function plainValueText(cell: CellSpec): string {
  if (cell.kind === "hyperlink") return cell.text;
  if (cell.kind === "richText") return cell.parts.join("");
  if (cell.kind === "formula") return String(cell.result ?? "");
  return "";
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The .xlsx bytes of a generated workbook. */
export async function buildWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const sheet of spec.sheets) writeSheet(workbook, sheet, taken);
  if (spec.sheets.length === 0) workbook.addWorksheet("Empty");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet of a table: given headers (some misspelt or dropped), rows of generated cells, merges and hidden rows. */
export function sheetSpec(names: fc.Arbitrary<{ sheet: string; table: string }>, headers: string[], cell: (header: string) => fc.Arbitrary<CellSpec>, maxRows = 6): fc.Arbitrary<SheetSpec> {
  const header = (h: string) => fc.oneof(
    { weight: 12, arbitrary: fc.constant(h) },
    { weight: 1, arbitrary: fc.constantFrom(h.toLowerCase(), h.toUpperCase(), h.replace(/ /g, ""), h.slice(0, -1), `${h} `, h + "s") },
    { weight: 1, arbitrary: oddText },
  );
  const headerList = fc.tuple(...headers.map(header), fc.array(oddText, { maxLength: 1 })).map((list) => {
    // No pop(): fast-check maps the same tuple again while shrinking.
    const extra = list[list.length - 1] as string[];
    return [...(list.slice(0, -1) as string[]), ...extra];
  });
  return fc.record({
    names,
    asTable: fc.boolean(),
    top: fc.constantFrom(1, 1, 2, 4),
    left: fc.constantFrom(1, 1, 2),
    headers: headerList,
    rows: fc.array(fc.tuple(...headers.map(cell)), { maxLength: maxRows }),
    merges: fc.array(fc.tuple(fc.nat(4), fc.nat(3), fc.nat(2), fc.nat(2)).map(([t, l, h, w]) => [t, l, t + h, l + w] as [number, number, number, number]), { maxLength: 2 }),
    hiddenRows: fc.array(fc.nat(5), { maxLength: 2 }),
  }).map(({ names: n, asTable, ...rest }) => ({ name: n.sheet, ...(asTable ? { tableName: n.table } : {}), ...rest, rows: rest.rows as CellSpec[][] }));
}

/** Extra sheets that are no input: notes, data, a sheet named like an input in another case. */
export const extraSheet: fc.Arbitrary<SheetSpec> = fc.record({
  name: fc.oneof(fc.constantFrom("Notes", "Data", "Plan", "Exceptions", "Sheet1"), oddText),
  top: fc.constant(1),
  left: fc.constant(1),
  headers: fc.array(oddText, { maxLength: 3 }),
  rows: fc.array(fc.array(cellSpec(fc.oneof(anyNumber.filter(Number.isFinite), oddText)), { maxLength: 3 }), { maxLength: 3 }),
  merges: fc.constant([]),
  hiddenRows: fc.constant([]),
});
