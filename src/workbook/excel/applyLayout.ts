// Writes one sheet layout (src/workbook/sheetLayout.ts) onto an Office.js worksheet: cells in row
// chunks of at most ~1 MB, formats, fills (runs of a colour in one range), links, validation, table,
// filter and frozen header, all queued on a SyncBatch.

import { CellValue, columnLetters } from "../port";
import { HEADER_FILL, HEADER_FONT_COLOR, LayoutValidation, SheetLayout, TITLE_FONT_COLOR, TITLE_FONT_SIZE } from "../sheetLayout";
import { actionBytes, SyncBatch } from "./batch";
import { drawChart } from "./charts";
import type { ExcelFeatures } from "./features";
import type { DataValidationRule, Table, Worksheet } from "./officeApi";

/** The most a single range write carries. */
const CHUNK_BYTES = 1_000_000;

/** Excel column width in points of a width in characters (the .xlsx unit). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * A value as Office.js must receive it. Excel reads assigned values as if typed ("12" a number,
 * "1/2" a date, "=x" a formula), so every text goes in behind an apostrophe, which Excel keeps as
 * the cell's prefix, not in its value: text stays text, as in the .xlsx files.
 */
export function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

const rgb = (hex: string) => `#${hex}`;
const area = (top: number, left: number, bottom: number, right: number) => `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;

function validationRule(v: LayoutValidation): DataValidationRule {
  const { rule } = v;
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: (rule.values ?? []).join(",") } };
  const between = rule.min !== undefined && rule.max !== undefined;
  const limits = between
    ? { formula1: rule.min!, formula2: rule.max!, operator: "Between" }
    : rule.min !== undefined ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" } : { formula1: rule.max ?? 0, operator: "LessThanOrEqualTo" };
  const kind = rule.kind === "whole" ? "wholeNumber" : rule.kind;
  return { [kind]: limits } as DataValidationRule;
}

/** Queues the whole layout onto `sheet`; returns the table made (named `tableName` for now), if any. */
export async function applyLayout(batch: SyncBatch, sheet: Worksheet, layout: SheetLayout, features: ExcelFeatures, tableName: string | null): Promise<Table | null> {
  const width = Math.max(1, layout.headers.length);
  const { headerRow } = layout;
  if (layout.title !== null) {
    const title = excelValue(layout.title);
    await batch.add(actionBytes(title) * 3, () => {
      const cell = sheet.getRange("A1");
      cell.values = [[title]];
      cell.format.font.bold = true;
      cell.format.font.size = TITLE_FONT_SIZE;
      cell.format.font.color = rgb(TITLE_FONT_COLOR);
    });
  }
  if (layout.headers.length > 0) {
    const headers = layout.headers.map((h) => excelValue(h));
    await batch.add(actionBytes(headers) * 2 + 600, () => {
      const range = sheet.getRange(area(headerRow, 1, headerRow, width));
      range.values = [headers];
      range.numberFormat = [headers.map(() => "General")];
      range.format.font.bold = true;
      range.format.font.color = rgb(HEADER_FONT_COLOR);
      range.format.fill.color = rgb(HEADER_FILL);
      range.format.wrapText = true;
      range.format.verticalAlignment = "Center";
    });
    for (let c = 0; c < layout.widths.length; c++) {
      const points = columnWidthPoints(layout.widths[c]);
      await batch.add(actionBytes(points), () => { sheet.getRange(`${columnLetters(c + 1)}${headerRow}`).format.columnWidth = points; });
    }
  }
  const formats = layout.headers.map((_, c) => layout.numberFormats[c] ?? "General");
  const formatBytes = JSON.stringify(formats).length;
  let start = 0;
  while (start < layout.rows.length) {
    let bytes = 0;
    let end = start;
    const values: (string | number | boolean)[][] = [];
    while (end < layout.rows.length && (end === start || bytes < CHUNK_BYTES)) {
      const row = Array.from({ length: width }, (_, c) => excelValue(layout.rows[end][c] ?? null));
      values.push(row);
      bytes += JSON.stringify(row).length + formatBytes;
      end++;
    }
    const first = headerRow + 1 + start;
    const last = headerRow + end;
    await batch.add(bytes + 2 * actionBytes(null), () => {
      const range = sheet.getRange(area(first, 1, last, width));
      range.values = values;
      range.numberFormat = values.map(() => formats);
    });
    start = end;
  }
  await applyFills(batch, sheet, layout);
  if (features.links) {
    for (const link of layout.links) {
      const hyperlink = { documentReference: link.target, textToDisplay: link.text };
      await batch.add(actionBytes(hyperlink) + 3 * actionBytes(null), () => {
        const range = sheet.getRange(`${columnLetters(link.column)}${link.row}`);
        range.hyperlink = hyperlink;
        range.format.font.color = "#0563C1";
        range.format.font.underline = "Single";
      });
    }
  }
  if (features.validation) {
    for (const v of layout.validations) {
      const rule = validationRule(v);
      const alert = { message: v.rule.error ?? "This value is not allowed here.", showAlert: true, style: "Stop", title: "APS for Excel" };
      await batch.add(actionBytes(rule) + actionBytes(alert), () => {
        const range = sheet.getRange(area(v.firstRow, v.column, v.lastRow, v.column));
        range.dataValidation.rule = rule;
        range.dataValidation.errorAlert = alert;
      });
    }
  }
  const block = area(headerRow, 1, headerRow + Math.max(1, layout.rows.length), width);
  let table: Table | null = null;
  if (tableName !== null && layout.headers.length > 0) {
    await batch.add(actionBytes(block) * 3, () => {
      table = sheet.tables.add(`${block}`, true);
      table.name = tableName;
      table.style = "TableStyleLight1";
    });
  }
  if (layout.autoFilter && features.autoFilter) await batch.add(actionBytes(block), () => sheet.autoFilter.apply(sheet.getRange(block)));
  if (layout.freezeRows > 0 && features.links) await batch.add(actionBytes(null), () => sheet.freezePanes.freezeRows(layout.freezeRows));
  if (features.links && layout.rows.length > 0) {
    for (const chart of layout.charts) await batch.add(actionBytes(chart) * 8, () => drawChart(sheet, layout, chart));
  }
  return table;
}

/** Fills, one range per run of same-coloured cells in a row. */
async function applyFills(batch: SyncBatch, sheet: Worksheet, layout: SheetLayout): Promise<void> {
  const byRow = new Map<number, Map<number, string>>();
  for (const fill of layout.fills) {
    if (!byRow.has(fill.row)) byRow.set(fill.row, new Map());
    byRow.get(fill.row)!.set(fill.column, fill.color);
  }
  for (const [row, cells] of byRow) {
    const columns = [...cells.keys()].sort((a, b) => a - b);
    let k = 0;
    while (k < columns.length) {
      const color = cells.get(columns[k])!;
      let j = k;
      while (j + 1 < columns.length && columns[j + 1] === columns[j] + 1 && cells.get(columns[j + 1]) === color) j++;
      const address = area(row, columns[k], row, columns[j]);
      await batch.add(actionBytes([address, color]), () => { sheet.getRange(address).format.fill.color = rgb(color); });
      k = j + 1;
    }
  }
}
