// The fields of the supply tables of an aps-network/1 record (FORMATS.md §10), and how a Period
// reads: a whole period 1..horizon, or a date counted in periods from planStart.

import { FieldSpec, NUMBER_LIMITS, titleCase } from "../network/fields";
import { describeValue, fieldLabel, FieldNaming, isoDate } from "../network/readField";
import type { SupplyTable } from "./types";

function spec(name: string, kind: FieldSpec["kind"], rule: FieldSpec["rule"] = "any", max?: number, header?: string): FieldSpec {
  return { name, header: header ?? titleCase(name), kind, rule, ...(max === undefined ? {} : { max }) };
}

const stage = spec("stage", "text");
const period = spec("period", "number");
const quantity = spec("quantity", "number", "nonNegative", NUMBER_LIMITS.units);

/** Fields of each supply table, with the ones a row needs. */
export const SUPPLY_TABLE_FIELDS: Record<Exclude<SupplyTable, "Stages" | "Arcs" | "Settings">, { fields: FieldSpec[]; required: string[] }> = {
  Demands: { fields: [stage, period, quantity, spec("customer", "text")], required: ["stage", "period", "quantity"] },
  Customers: { fields: [spec("id", "text", "any", undefined, "Customer"), spec("tier", "number", "positive", NUMBER_LIMITS.periods, "Priority Tier")], required: ["id"] },
  Resources: {
    fields: [
      spec("id", "text", "any", undefined, "Resource"), spec("capacity", "number", "nonNegative", NUMBER_LIMITS.units),
      spec("overtimeCapacity", "number", "nonNegative", NUMBER_LIMITS.units), spec("overtimeCost", "number", "nonNegative", NUMBER_LIMITS.cost),
    ],
    required: ["id", "capacity"],
  },
  "Resource Capacity": { fields: [spec("resource", "text"), period, spec("capacity", "number", "nonNegative", NUMBER_LIMITS.units)], required: ["resource", "period", "capacity"] },
  "Resource Loads": { fields: [stage, spec("resource", "text"), spec("usage", "number", "nonNegative", NUMBER_LIMITS.units)], required: ["stage", "resource", "usage"] },
  "Open Supply": { fields: [stage, period, quantity], required: ["stage", "period", "quantity"] },
  "Period Commitments": { fields: [stage, period, quantity], required: ["stage", "period", "quantity"] },
};

/** The periods of the plan, for reading a Period. */
export interface PeriodCalendar {
  horizon: number;
  periodLength: number;
  /** ISO date of period 1's start, or null. */
  planStart: string | null;
}

const DAY_MS = 86_400_000;

/** The period a date falls in: floor(days since planStart / periodLength) + 1 (time units are days). */
export function periodOfDate(iso: string, calendar: PeriodCalendar & { planStart: string }): number {
  const days = (Date.parse(iso) - Date.parse(calendar.planStart)) / DAY_MS;
  return Math.floor(days / calendar.periodLength + 1e-9) + 1;
}

/** A number large enough to be an Excel date serial rather than a period (1927 onwards). */
const SERIAL_FROM = 10_000;

/**
 * A Period value: a whole number 1..horizon, or a date (text YYYY-MM-DD, a Date, or a date cell's
 * serial) counted from planStart. Returns the period, or why it cannot be read.
 * @example readPeriod(3, { horizon: 8, periodLength: 7, planStart: null }, "json") // { period: 3 }
 */
export function readPeriod(value: unknown, calendar: PeriodCalendar, naming: FieldNaming): { period: number } | { problem: string } {
  const label = fieldLabel(period, naming);
  const range = `1..${calendar.horizon}`;
  const isDate = value instanceof Date || (typeof value === "string" && isoDate(value) !== null) || (typeof value === "number" && value >= SERIAL_FROM && calendar.planStart !== null);
  if (isDate) {
    const iso = isoDate(value)!;
    if (calendar.planStart === null) return { problem: `${label} is the date ${iso}, but no planStart is set in Settings to count periods from` };
    const p = periodOfDate(iso, { ...calendar, planStart: calendar.planStart });
    if (p < 1 || p > calendar.horizon) return { problem: `${label} ${iso} falls in period ${p}, outside the horizon ${range} (planStart ${calendar.planStart})` };
    return { period: p };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const looksNumeric = typeof value === "string" && Number.isFinite(Number(value.trim()));
    return { problem: `${label} must be a period ${range} or a date (got ${describeValue(value)}${looksNumeric ? ": text that looks like a number; convert it to a number" : ""})` };
  }
  if (!Number.isInteger(value)) return { problem: `${label} must be a whole period ${range} (got ${value})` };
  if (value < 1 || value > calendar.horizon) return { problem: `${label} must be within the horizon ${range} (got ${value})` };
  return { period: value };
}
