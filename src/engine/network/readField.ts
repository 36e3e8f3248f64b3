// Reads one field of one aps-network/1 record (docs/formats.md §1): its kind, its rule and its limits
// (docs/errors.md), with a message that names the field as the user wrote it.

import type { LotSizeModel } from "../lotSizing";
import { INPUT_LIMITS, quoteText, textProblem } from "../limits";
import { FieldSpec, LOT_SIZE_MODELS } from "./fields";
import type { InputLocation, PlanIssue } from "./types";

/** How field names read in messages: camelCase for JSON, Title Case headers for a workbook. */
export type FieldNaming = "json" | "workbook";

export type Raw = Record<string, unknown>;

/** An issue about an input at a location of type L (a network's InputLocation, or a supply table's). */
export type Finding<L> = { severity: PlanIssue["severity"]; message: string; location: L | null };

export function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: text quoted (shortened, control characters escaped), logicals as TRUE/FALSE. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `text ${quoteText(value)}`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

/** A limit as a message shows it: 1,000,000 up to a billion, then 1e12. */
export function describeLimit(limit: number): string {
  return limit >= 1e10 ? `1e${Math.round(Math.log10(limit))}` : limit.toLocaleString("en-US");
}

/** The field's name as the user wrote it. */
export function fieldLabel(field: FieldSpec, naming: FieldNaming): string {
  return naming === "json" ? field.name : field.header;
}

/** Excel's error values, as a cell holding one reads. */
const CELL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

const RULE_TEXT: Record<string, string> = {
  nonNegative: "must not be negative",
  positive: "must be greater than 0",
  probability: "must be strictly between 0 and 1",
};

function numberProblem(field: FieldSpec, value: number): string | null {
  const broken =
    (field.rule === "nonNegative" && value < 0) ||
    (field.rule === "positive" && value <= 0) ||
    (field.rule === "probability" && (value <= 0 || value >= 1));
  if (broken) {
    const hint = field.rule === "probability" && value > 1 && value < 100 ? ` (for ${value} % write ${value / 100})` : "";
    return `${RULE_TEXT[field.rule]} (got ${value})${hint}`;
  }
  if (field.max !== undefined && Math.abs(value) > field.max) {
    const range = field.rule === "any" ? `between -${describeLimit(field.max)} and ${describeLimit(field.max)}` : `at most ${describeLimit(field.max)}`;
    return `must be ${range} (got ${value}): larger figures overflow the plan`;
  }
  if (value !== 0 && Math.abs(value) < INPUT_LIMITS.smallestNonzero) {
    return `must be 0 or at least ${INPUT_LIMITS.smallestNonzero} in size (got ${value}): smaller figures are rounding noise that makes the plan overflow`;
  }
  return null;
}

/**
 * One record's value of one field, validated. Blank (missing, null, empty text) is null; an invalid
 * value pushes an error naming the field and gives null.
 * @example readField({ demandRate: -1 }, demandRateSpec, location, "json", issues) // null, with "demandRate must not be negative (got -1)."
 */
export function readField<L = InputLocation>(record: Raw, field: FieldSpec, location: L, naming: FieldNaming, issues: Finding<L>[]): unknown {
  const value = record[field.name];
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && field.kind === "number") {
    // The common case first: a number within its rule and limits.
    if (!Number.isFinite(value)) return fieldError(field, location, naming, issues, `must be a finite number (got ${value})`);
    const problem = numberProblem(field, value);
    if (problem !== null) return fieldError(field, location, naming, issues, problem);
    return value === 0 ? 0 : value; // -0 reads as 0
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return null;
    if (CELL_ERROR.test(trimmed)) return fieldError(field, location, naming, issues, `holds the error ${trimmed} (a formula that failed); fix the formula or type the value`);
  }
  if (field.kind === "text") {
    let text: string | null = null;
    if (typeof value === "string") text = value.trim();
    else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
    if (text === null) return fieldError(field, location, naming, issues, `must be text (got ${describeValue(value)})`);
    const problem = textProblem(text);
    return problem === null ? text : fieldError(field, location, naming, issues, problem);
  }
  if (field.kind === "lotSizeModel") {
    const text = typeof value === "string" ? value.trim().toLowerCase() : null;
    if (text !== null && (LOT_SIZE_MODELS as readonly string[]).includes(text)) return text as LotSizeModel;
    return fieldError(field, location, naming, issues, `must be one of ${LOT_SIZE_MODELS.join(", ")} (got ${describeValue(value)})`);
  }
  if (field.kind === "date") {
    const iso = isoDate(value);
    return iso ?? fieldError(field, location, naming, issues, `must be a date (YYYY-MM-DD, or a date cell) (got ${describeValue(value)})`);
  }
  if (typeof value === "string" && Number.isFinite(Number(value.trim()))) {
    return fieldError(field, location, naming, issues, `must be a number (got ${describeValue(value)}: the cell holds text that looks like a number; convert it to a number)`);
  }
  return fieldError(field, location, naming, issues, `must be a number (got ${describeValue(value)})`);
}

/** Days from 1899-12-30 (Excel's day 0) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * A date as an ISO day "YYYY-MM-DD": from text "YYYY-MM-DD" (a time after it is ignored), a Date,
 * or an Excel date serial (a whole number of days, 1 to 2958465); null when it is none of these.
 * @example isoDate(46027) // "2026-01-05"
 */
export function isoDate(value: unknown): string | null {
  let ms: number | null = null;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 2958465) ms = Math.round(value - EXCEL_EPOCH_DAYS) * 86_400_000;
  else if (typeof value === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value.trim());
    if (match) {
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const time = Date.UTC(y, m - 1, d);
      if (new Date(time).getUTCDate() === d && m >= 1 && m <= 12) ms = time;
    }
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Pushes an error naming the field as the user wrote it; returns null (the field reads as blank). */
function fieldError<L>(field: FieldSpec, location: L, naming: FieldNaming, issues: Finding<L>[], why: string): null {
  issues.push({ severity: "error", message: `${fieldLabel(field, naming)} ${why}.`, location });
  return null;
}
