// Data validation of a result column in an .xlsx file (ExcelJS), from the shared sheet layout.

import type ExcelJS from "exceljs";
import { columnLetters } from "../port";
import type { LayoutValidation } from "../sheetLayout";

type Validation = ExcelJS.DataValidation;

/** The ExcelJS rule of a column validation (a list, or a number / date / text-length range). */
export function xlsxValidation(validation: LayoutValidation): Validation {
  const { rule } = validation;
  const message = { showErrorMessage: true, errorStyle: "stop" as const, errorTitle: "APS for Excel", error: rule.error ?? "This value is not allowed here." };
  if (rule.kind === "list") {
    return { type: "list", allowBlank: true, formulae: [`"${(rule.values ?? []).join(",")}"`], ...message };
  }
  const between = rule.min !== undefined && rule.max !== undefined;
  const formulae = between ? [rule.min!, rule.max!] : [rule.min ?? rule.max ?? 0];
  const operator = between ? "between" : rule.min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual";
  return { type: rule.kind, allowBlank: true, operator, formulae, ...message } as Validation;
}

export function applyValidation(sheet: ExcelJS.Worksheet, validation: LayoutValidation): void {
  const column = columnLetters(validation.column);
  (sheet as unknown as { dataValidations: { add(range: string, rule: Validation): void } }).dataValidations.add(`${column}${validation.firstRow}:${column}${validation.lastRow}`, xlsxValidation(validation));
}
