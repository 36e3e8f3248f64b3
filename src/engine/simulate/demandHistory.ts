// Demand History rows (Stage, Period, Quantity; docs/formats.md §6) turned into one series per stage:
// rows of one stage and period add up, a period missing between the first and last is zero demand.

import { historyQuantityProblem } from "../limits";

/** One row as read, with the place of each of its cells for messages. */
export interface HistoryRow {
  stage: unknown;
  period: unknown;
  quantity: unknown;
  /** Where the row's cells are: "'Demand History'!A5" style, per field. */
  where: { stage: string; period: string; quantity: string };
}

export interface HistorySeries {
  series: Map<string, number[]>;
  errors: string[];
}

const MAX_ERRORS = 20;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A period as a number: an integer, an Excel date serial, or an ISO date text (as a serial). */
function periodNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const ms = Date.parse(value.trim().slice(0, 10) + "T00:00:00Z");
    return Number.isFinite(ms) ? Math.round((ms - EXCEL_EPOCH_MS) / 86_400_000) : null;
  }
  return null;
}

/** Consecutive period indexes from period numbers: integers as they are; date serials by month, quarter, week or day. */
function periodIndexes(periods: number[]): number[] {
  const distinct = [...new Set(periods)].sort((a, b) => a - b);
  const allIntegers = distinct.every((p) => Number.isInteger(p));
  const dates = distinct.length > 0 && distinct[0] > 3000;
  if (allIntegers && !dates) return periods;
  let gap = Infinity;
  for (let k = 1; k < distinct.length; k++) gap = Math.min(gap, distinct[k] - distinct[k - 1]);
  const month = (serial: number) => {
    const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  if (gap >= 28 && gap <= 31) return periods.map(month);
  if (gap >= 89 && gap <= 92) return periods.map((p) => Math.floor(month(p) / 3));
  const step = gap >= 6.5 && gap <= 7.5 ? 7 : 1;
  return periods.map((p) => Math.round(p / step));
}

/**
 * Series per stage from Demand History rows; every bad cell is an error naming it (first 20, and a count of the rest).
 * @example historySeries([{stage: "A", period: 1, quantity: 5, where}, {stage: "A", period: 3, quantity: 7, where}], new Set(["A"])).series.get("A") // [5, 0, 7]
 */
export function historySeries(rows: readonly HistoryRow[], stageIds: ReadonlySet<string>): HistorySeries {
  const errors: string[] = [];
  const byStage = new Map<string, { period: number; quantity: number }[]>();
  for (const row of rows) {
    const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
    if (blank(row.stage) && blank(row.period) && blank(row.quantity)) continue;
    const id = typeof row.stage === "string" ? row.stage.trim() : typeof row.stage === "number" ? String(row.stage) : null;
    if (id === null || id === "") errors.push(`${row.where.stage}: Stage must name a stage (got ${JSON.stringify(row.stage) ?? "nothing"}).`);
    else if (!stageIds.has(id)) errors.push(`${row.where.stage}: "${id}" is not a stage of the network.`);
    const period = periodNumber(row.period);
    if (period === null) errors.push(`${row.where.period}: Period must be a date or a whole number (got ${JSON.stringify(row.period) ?? "nothing"}).`);
    const quantity = row.quantity;
    const tooBig = historyQuantityProblem(quantity, "Quantity");
    const good = typeof quantity === "number" && tooBig === null && quantity >= 0;
    if (!good) errors.push(`${row.where.quantity}: ${tooBig ?? `Quantity must be a number of at least 0 (got ${JSON.stringify(quantity) ?? "nothing"})`}.`);
    if (id && stageIds.has(id) && period !== null && good) {
      if (!byStage.has(id)) byStage.set(id, []);
      byStage.get(id)!.push({ period, quantity: quantity as number });
    }
  }
  const series = new Map<string, number[]>();
  for (const [id, entries] of byStage) {
    const indexes = periodIndexes(entries.map((e) => e.period));
    const first = Math.min(...indexes);
    const last = Math.max(...indexes);
    if (last - first > 100_000) {
      errors.push(`Demand History: the periods of stage "${id}" span ${last - first + 1} periods; give at most 100,000.`);
      continue;
    }
    const values = new Array<number>(last - first + 1).fill(0);
    entries.forEach((e, k) => { values[indexes[k] - first] += e.quantity; });
    series.set(id, values);
  }
  const shown = errors.slice(0, MAX_ERRORS);
  if (errors.length > MAX_ERRORS) shown.push(`… and ${errors.length - MAX_ERRORS} more error(s) in Demand History.`);
  return { series, errors: shown };
}
