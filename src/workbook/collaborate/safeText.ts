// The OWASP rule for text that crosses between workbooks: text starting with =, +, -, @, a tab or a
// carriage return never becomes a formula (it gets a leading apostrophe, and cells are formatted as Text).

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could take the text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text from a partner made safe for the buyer's workbook: a leading apostrophe where it could start a
 * formula. @example neutraliseText("=HYPERLINK(\"x\")") === "'=HYPERLINK(\"x\")"
 */
export function neutraliseText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Excel's Text number format: what is typed in such a cell stays text. */
export const TEXT_FORMAT = "@";
