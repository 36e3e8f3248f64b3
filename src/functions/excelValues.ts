// Cells as Excel passes them to a function declared with allowErrorForDataTypeAny and
// allowCustomDataForDataTypeAny (functions.json): error values and data types (formatted numbers,
// entities, ...) arrive as objects. This turns each into a plain value or a plain { code, message }.
import { isCellError } from "./cellErrors";

/** An error value as it crosses to the engine or a worker: a plain object (clonable, no class). */
export interface PlainCellError {
  code: string;
  message?: string;
}

/** Excel's ErrorCellValue.errorType → the code a cell shows. */
const ERROR_CODES: Record<string, string> = {
  Div0: "#DIV/0!", NotAvailable: "#N/A", Name: "#NAME?", Null: "#NULL!", Num: "#NUM!", Ref: "#REF!",
  Value: "#VALUE!", Spill: "#SPILL!", Calc: "#CALC!", Busy: "#BUSY!", Connect: "#CONNECT!", Field: "#FIELD!",
  GettingData: "#GETTING_DATA", Blocked: "#BLOCKED!", External: "#EXTERNAL!", Python: "#PYTHON!", Unknown: "#UNKNOWN!",
};

function plainError(code: unknown, message: unknown): PlainCellError {
  const text = typeof code === "string" && code.startsWith("#") ? code : "#VALUE!";
  return typeof message === "string" && message !== "" ? { code: text, message } : { code: text };
}

/** A short name for a data type in messages: `Entity "Paris"`, `FormattedNumber`. */
function dataTypeName(value: { type?: unknown; text?: unknown }): string {
  const type = typeof value.type === "string" ? value.type : "data type";
  return typeof value.text === "string" && value.text !== "" ? `${type} "${value.text}"` : type;
}

/**
 * One cell as a plain value: numbers, text, booleans and blanks as they are; an error value (a
 * CustomFunctions.Error, or a data-type error { type: "Error", errorType, basicValue }) as
 * { code, message }; any other data type by its basicValue ("12.5" of a formatted number). A data type
 * whose basic value is itself an error (an entity's is #VALUE!) is an error that names the data type.
 */
export function plainCell(cell: unknown): unknown {
  if (cell === null || typeof cell !== "object" || Array.isArray(cell)) return cell;
  const value = cell as { type?: unknown; basicType?: unknown; basicValue?: unknown; errorType?: unknown; code?: unknown; message?: unknown; text?: unknown };
  if (value.type === "Error" || value.basicType === "Error") {
    const code = typeof value.errorType === "string" && ERROR_CODES[value.errorType] ? ERROR_CODES[value.errorType] : value.basicValue;
    const detail = value.type === "Error" ? value.message : `${dataTypeName(value)} has no plain value`;
    return plainError(code, detail);
  }
  if (isCellError(cell)) return plainError(value.code, value.message);
  if ("basicValue" in value) {
    const basic = value.basicValue;
    if (basic === null || basic === undefined || typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic ?? null;
    return plainError("#VALUE!", `${dataTypeName(value)} has no plain value`);
  }
  return plainError("#VALUE!", `${dataTypeName(value)} has no plain value`);
}

/** A whole argument (scalar, row list or 2-D range) with every cell made plain; arrays are copied, never changed. */
export function plainArgument(value: unknown): unknown {
  if (!Array.isArray(value)) return plainCell(value);
  return value.map((row) => (Array.isArray(row) ? row.map(plainCell) : plainCell(row)));
}
