// Demand History rows (Stage, Period, Quantity; docs/formats.md §6) turned into one series per stage:
// rows of one stage and period add up, a period missing between the first and last is zero demand.

import { periodIndex, seriesFromRows, type HistoryRow as ForecastHistoryRow } from "../forecast/history";
import { type InputProblem, problemLine } from "../inputErrors";
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
  /** The command's lines: the first 20 problems, then a line counting the rest. */
  errors: string[];
  /** Every problem as a record at its cell. */
  problems: InputProblem[];
}

const MAX_ERRORS = 20;

/** A period as the forecast reads it (engine/forecast/history.ts): a finite number, or a date text ("2024-01", "2024-Q1", "2024-01-31"). */
function periodValue(value: unknown): number | string | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && periodIndex(value, "month") !== null) return value.trim();
  return null;
}

/**
 * Series per stage from Demand History rows, by the forecast's rules (one reading of the table:
 * seriesFromRows): periods integers or dates (Excel serials or "2024-01"-style text), summed per
 * stage and period, gaps zero; quantities ≥ 0. Every bad cell is an error naming it (first 20, and a count of the rest).
 * @example historySeries([{stage: "A", period: 1, quantity: 5, where}, {stage: "A", period: 3, quantity: 7, where}], new Set(["A"])).series.get("A") // [5, 0, 7]
 */
export function historySeries(rows: readonly HistoryRow[], stageIds: ReadonlySet<string>): HistorySeries {
  const errors: InputProblem[] = [];
  const at = (r: number, field: "stage" | "period" | "quantity", message: string) =>
    errors.push({ where: rows[r].where[field], table: "Demand History", row: r, field: field.charAt(0).toUpperCase() + field.slice(1), message });
  const good: ForecastHistoryRow[] = [];
  rows.forEach((row, r) => {
    const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
    if (blank(row.stage) && blank(row.period) && blank(row.quantity)) return;
    const id = typeof row.stage === "string" ? row.stage.trim().normalize("NFC") : typeof row.stage === "number" ? String(row.stage) : null;
    if (id === null || id === "") at(r, "stage", `Stage must name a stage (got ${JSON.stringify(row.stage) ?? "nothing"}).`);
    else if (!stageIds.has(id)) at(r, "stage", `"${id}" is not a stage of the network.`);
    const period = periodValue(row.period);
    if (period === null) at(r, "period", `Period must be a date or a whole number (got ${JSON.stringify(row.period) ?? "nothing"}).`);
    const quantity = row.quantity;
    const tooBig = historyQuantityProblem(quantity, "Quantity");
    const ok = typeof quantity === "number" && tooBig === null && quantity >= 0;
    if (!ok) at(r, "quantity", `${tooBig ?? `Quantity must be a number of at least 0 (got ${JSON.stringify(quantity) ?? "nothing"})`}.`);
    if (id && stageIds.has(id) && period !== null && ok) good.push({ stage: id, period, quantity: quantity as number, row: r });
  });
  const built = seriesFromRows(good);
  for (const p of built.problems) at(p.row, p.field, p.message);
  const series = new Map<string, number[]>();
  if (errors.length === 0) for (const s of built.series) series.set(s.id, s.values);
  const shown = errors.slice(0, MAX_ERRORS).map(problemLine);
  if (errors.length > MAX_ERRORS) shown.push(`… and ${errors.length - MAX_ERRORS} more error(s) in Demand History.`);
  return { series, errors: shown, problems: errors };
}
