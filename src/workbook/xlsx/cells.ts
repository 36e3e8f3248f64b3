// Turning ExcelJS cell values into the port's plain CellValue (formulas give their cached result).

import type { CellValue } from "../port";
import { markedCell, MarkedCell } from "../tables/tableBlock";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel's 1900-system serial number of a date. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

/** A cell's value as the port sees it: number, text, logical, error text ("#N/A") or null. */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("result" in v) return plainCellValue(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if (typeof v.error === "string") return v.error;
    if ("text" in v) return plainCellValue(v.text);
  }
  return String(value);
}

/**
 * A cell of an input table: as plainCellValue, except that a date and a formula with no saved value
 * (as tools that write .xlsx without calculating leave them) come marked, for the readers to name.
 */
export function tableCellValue(value: unknown): CellValue | MarkedCell {
  if (value instanceof Date) return markedCell("date", dateToSerial(value));
  if (typeof value === "object" && value !== null) {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) {
      if (v.result === undefined || v.result === null) return markedCell("formula without value", null);
      if (v.result instanceof Date) return markedCell("date", dateToSerial(v.result));
    }
  }
  return plainCellValue(value);
}
