// The one place that builds the errors custom functions return: Excel's CustomFunctions.Error when
// the runtime has it, an equivalent { code, message } stand-in elsewhere (jest, Node, a browser).

/** The two codes we return: Excel shows a message only on these (ADDIN-NOTES.md). */
export type CellErrorCode = "#VALUE!" | "#N/A";

/** What a returned error looks like, in Excel or not. */
export interface CellError {
  code: string;
  message?: string;
}

/** Excel caps custom-function error messages; longer ones are cut to this length. */
const MAX_MESSAGE = 255;

/** Stand-in for CustomFunctions.Error outside Excel: same shape ({ code, message }). */
export class StandInCellError extends Error {
  readonly code: CellErrorCode;
  constructor(code: CellErrorCode, message: string) {
    super(message);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

interface CustomFunctionsGlobal {
  Error: new (code: never, message?: string) => CellError;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

function runtime(): CustomFunctionsGlobal | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<CustomFunctionsGlobal> }).CustomFunctions;
  return cf && typeof cf.Error === "function" && cf.ErrorCode ? (cf as CustomFunctionsGlobal) : undefined;
}

function shorten(message: string): string {
  const text = message.trim() || "Invalid input.";
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}

/** An error cell with `code` and a message Excel will show. */
export function cellError(code: CellErrorCode, message: string): CellError {
  const cf = runtime();
  const text = shorten(message);
  if (cf) {
    const excelCode = code === "#N/A" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
    return new cf.Error(excelCode as never, text);
  }
  return new StandInCellError(code, text);
}

/** #VALUE!: the input is wrong (message names the argument and why). */
export function valueError(message: string): CellError {
  return cellError("#VALUE!", message);
}

/** #N/A: not applicable or missing data (message says what to fill in). */
export function notAvailable(message: string): CellError {
  return cellError("#N/A", message);
}

/** True for an Excel error value as the runtime passes it in an argument, or one we built. */
export function isCellError(value: unknown): value is CellError {
  if (value === null || typeof value !== "object") return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
