// Partners over time (MODEL.md §8 with §11): the planned receipts of a partner's stages, period by
// period, taken from an aps-supply/1 result — what the buyer asks the partner to deliver — as the
// issued `Period Requests` table of its package. Only the partner's own stages; never a cost.

import type { SupplyResult } from "../supply/types";
import { issuedTable } from "./issuedTable";
import type { IssuedColumn, IssuedTable } from "./types";

/** The columns of `Period Requests`: the stage, the period of delivery, its first day, the quantity. */
export const PERIOD_REQUESTS_COLUMNS: IssuedColumn[] = [
  { header: "Stage", kind: "text" },
  { header: "Period", kind: "number", decimals: 0, numberFormat: "0" },
  { header: "Date", kind: "text" },
  { header: "Quantity", kind: "number", decimals: 2, numberFormat: "0.00" },
];

export const PERIOD_REQUESTS = "Period Requests";

/** One requested delivery: `quantity` units of `stage` received by the buyer in `period`. */
export interface PeriodRequest {
  stage: string;
  period: number;
  /** First day of the period (YYYY-MM-DD) when the plan has a planStart, else null. */
  date: string | null;
  quantity: number;
}

/** The calendar a package labels its periods with. */
export interface PeriodLabels {
  horizon: number;
  /** Time units (days) per period. */
  periodLength: number;
  /** ISO date of period 1's first day, or null. */
  planStart: string | null;
}

/** The first day of period `t`: planStart + (t − 1)·P days (MODEL.md §11 periods). */
export function periodDate(labels: PeriodLabels, period: number): string | null {
  if (labels.planStart === null) return null;
  const start = Date.parse(labels.planStart.slice(0, 10) + "T00:00:00Z");
  if (!Number.isFinite(start)) return null;
  return new Date(start + (period - 1) * labels.periodLength * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The receipts the plan needs from each of `stages`: in period t, the release x_j,t−L_j of the stage
 * (MODEL.md §11, the quantity a commitment com_j,t caps), every period whose quantity rounds to more
 * than 0 at 2 decimals. Open supply already on order is not requested again.
 * @example a stage with L = 1 releasing 40 in period 2 is asked for 40 in period 3.
 */
export function periodRequestsOf(result: SupplyResult, stages: readonly string[], labels: PeriodLabels): PeriodRequest[] {
  const wanted = new Set(stages);
  const out: PeriodRequest[] = [];
  for (const stage of result.stages) {
    if (!wanted.has(stage.id)) continue;
    const lead = stage.leadTimePeriods;
    for (const p of stage.periods) {
      const receipt = p.period + lead;
      if (receipt > result.horizon) continue;
      if (Math.round(p.release * 100) <= 0) continue;
      out.push({ stage: stage.id, period: receipt, date: periodDate(labels, receipt), quantity: p.release });
    }
  }
  const order = new Map(stages.map((s, k) => [s, k]));
  return out.sort((a, b) => (order.get(a.stage)! - order.get(b.stage)!) || a.period - b.period);
}

/** The issued `Period Requests` table (rounded as written, so the hash covers what the partner sees). */
export function periodRequestsTable(requests: readonly PeriodRequest[]): IssuedTable {
  return issuedTable(PERIOD_REQUESTS, "What our plan asks your stages to deliver, period by period", PERIOD_REQUESTS_COLUMNS,
    requests.map((r) => [r.stage, r.period, r.date, r.quantity]));
}

/** The requests of an issued (or read back) `Period Requests` table. */
export function periodRequestsFromTable(table: IssuedTable | undefined): PeriodRequest[] {
  if (!table) return [];
  const at = (header: string) => table.columns.findIndex((c) => c.header === header);
  const [stage, period, date, quantity] = ["Stage", "Period", "Date", "Quantity"].map(at);
  return table.rows.flatMap((r) => (typeof r[period] === "number" && typeof r[quantity] === "number" && r[stage] !== null
    ? [{ stage: String(r[stage]), period: r[period] as number, date: typeof r[date] === "string" ? (r[date] as string) : null, quantity: r[quantity] as number }]
    : []));
}
